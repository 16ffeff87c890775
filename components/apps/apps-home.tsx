"use client";
import { WaitingForYou } from "../workflows/waiting-for-you";
import { LoadError } from "@/components/ui/load-error";
import Link from "next/link";
import { describeError } from "@/lib/client/error-copy";
import { canEdit, useViewerRole } from "@/lib/client/apps/use-viewer-role";
import { useApps } from "@/lib/client/apps/use-apps";
import { Skeleton } from "../ui/skeleton";
import { AppCard } from "./app-card";
import { AppsIcon } from "../ui/icons";
import { AppsHeader } from "./apps-header";

/** The Apps home: the team's published Apps as cards (where members land). */
export function AppsHome() {
  const apps = useApps();
  const role = useViewerRole();
  const editor = canEdit(role);

  return (
    <div className="flex min-h-full flex-col">
      <AppsHeader />
      <main className="mx-auto w-full max-w-[1120px] flex-1 px-4 py-6 sm:px-6 sm:py-10">
        <div className="mb-6">
          <h1 className="text-[20px] font-semibold tracking-tight">Apps</h1>
          <p className="mt-1 text-[13px] text-muted">Ready-made tools from your team&apos;s workflows: fill in a short form and run.</p>
        </div>

        <WaitingForYou />

        {apps.isPending ? (
          <ul aria-busy="true" aria-label="Loading Apps" className="grid grid-cols-[repeat(auto-fill,minmax(248px,1fr))] gap-4">
            {Array.from({ length: 6 }, (_, i) => (
              <li key={i} className="overflow-hidden rounded-xl border border-line bg-panel">
                <Skeleton className="aspect-[16/9] w-full rounded-none" />
                <div className="space-y-2 px-4 py-3">
                  <Skeleton className="h-4 w-1/2" />
                  <Skeleton className="h-3 w-4/5" />
                  <Skeleton className="h-3 w-1/3" />
                </div>
              </li>
            ))}
          </ul>
        ) : apps.isError ? (
          <LoadError
            testId="apps-error"
            title="Could not load the Apps"
            detail={describeError(apps.error).sentence}
            technical={describeError(apps.error).details}
            onRetry={() => apps.refetch()}
          />
        ) : apps.data.length === 0 ? (
          <div
            data-testid="apps-empty"
            className="flex flex-col items-center gap-4 rounded-lg border border-dashed border-line-strong px-6 py-16 text-center"
          >
            <span className="grid h-12 w-12 place-items-center rounded-xl bg-accent-soft text-accent">
              <AppsIcon size={22} />
            </span>
            <div>
              <p className="text-[14px] font-medium">No Apps yet</p>
              <p className="mt-1 max-w-[420px] text-[13px] text-muted">
                {editor
                  ? "Open a workflow in the editor and choose “Publish as App” to give your team a simple form for it."
                  : "When someone on your team publishes a workflow as an App, it appears here."}
              </p>
            </div>
            {editor && (
              <Link
                href="/"
                data-testid="apps-empty-workflows"
                className="inline-flex h-8 items-center rounded-md bg-accent-strong px-3 text-[13px] font-medium text-white hover:bg-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
              >
                Go to workflows
              </Link>
            )}
          </div>
        ) : (
          <ul aria-label="Apps" data-testid="apps-grid" className="grid grid-cols-[repeat(auto-fill,minmax(248px,1fr))] gap-4">
            {apps.data.map((app) => (
              <AppCard key={app.id} app={app} />
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}
