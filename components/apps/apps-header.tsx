"use client";
import Link from "next/link";
import { canEdit, useViewerRole } from "@/lib/client/apps/use-viewer-role";
import { AppHeader } from "../app-header";

/** The studio header with the Apps / Workflows switch; members only ever see Apps. */
export function AppsHeader() {
  const role = useViewerRole();
  return (
    <AppHeader>
      <nav aria-label="Sections" className="flex items-center gap-1">
        <Link
          href="/apps"
          data-testid="nav-apps"
          className="rounded-md px-2.5 py-1 text-[12.5px] font-medium text-fg hover:bg-panel-3 focus-visible:outline-2 focus-visible:outline-accent"
        >
          Apps
        </Link>
        {canEdit(role) && (
          <Link
            href="/"
            data-testid="nav-workflows"
            className="rounded-md px-2.5 py-1 text-[12.5px] font-medium text-muted hover:bg-panel-3 hover:text-fg focus-visible:outline-2 focus-visible:outline-accent"
          >
            Workflows
          </Link>
        )}
      </nav>
      <div className="mx-1 h-5 w-px bg-line" aria-hidden="true" />
    </AppHeader>
  );
}
