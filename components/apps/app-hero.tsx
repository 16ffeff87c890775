"use client";
import Link from "next/link";
import type { AppDetail } from "@/lib/client/apps/types";
import { absoluteTime, relativeTime } from "@/lib/client/format";
import { Button } from "../ui/button";
import { ChevronLeftIcon } from "../ui/icons";
import { AppCover } from "./app-cover";

/** The App's name, description and the version it runs; "Manage" for owners and editors. */
export function AppHero({ app, onManage }: { app: AppDetail; onManage: () => void }) {
  return (
    <div className="flex flex-wrap items-start gap-3 sm:gap-5">
      <AppCover
        name={app.name}
        url={app.coverUrl}
        className="h-[64px] w-[104px] shrink-0 rounded-lg border border-line sm:h-[92px] sm:w-[148px]"
      />
      <div className="min-w-0 flex-1 max-sm:order-last max-sm:basis-full">
        <Link
          href="/apps"
          className="inline-flex items-center gap-0.5 rounded text-[12px] text-faint hover:text-muted focus-visible:outline-2 focus-visible:outline-accent"
        >
          <ChevronLeftIcon size={13} /> All Apps
        </Link>
        <h1 className="mt-0.5 text-[19px] font-semibold tracking-tight break-words sm:text-[22px]" data-testid="app-name">
          {app.name}
        </h1>
        {app.description && <p className="mt-1 max-w-[680px] text-[13px] text-muted">{app.description}</p>}
        <p className="mt-2 flex flex-wrap items-center gap-2 text-[12px] text-faint">
          <span
            className="rounded-full border border-line-strong px-2 py-px font-medium text-muted"
            data-testid="app-version"
            data-version={app.currentVersion.version}
          >
            Version {app.currentVersion.version}
          </span>
          <span>
            published{" "}
            <time dateTime={app.currentVersion.createdAt} title={absoluteTime(app.currentVersion.createdAt)}>
              {relativeTime(app.currentVersion.createdAt)}
            </time>
          </span>
          {app.currentVersion.outputs.length > 0 && <span>· returns {app.currentVersion.outputs.map((o) => o.label).join(", ")}</span>}
        </p>
      </div>
      {app.canManage && (
        <Button onClick={onManage} data-testid="app-manage" className="max-sm:ml-auto">
          Manage
        </Button>
      )}
    </div>
  );
}
