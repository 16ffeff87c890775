import Link from "next/link";
import { absoluteTime, relativeTime } from "@/lib/client/format";
import type { AppSummary } from "@/lib/client/apps/types";
import { AppCover } from "./app-cover";

/** One App on the Apps home: the whole card is the link. */
export function AppCard({ app }: { app: AppSummary }) {
  return (
    <li data-testid="app-card" data-app-slug={app.slug}>
      <Link
        href={`/apps/${encodeURIComponent(app.slug)}`}
        className="group flex h-full flex-col overflow-hidden rounded-xl border border-line bg-panel transition-colors hover:border-line-strong hover:bg-panel-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
      >
        <AppCover name={app.name} url={app.coverUrl} className="aspect-[16/9] w-full border-b border-line" />
        <div className="flex flex-1 flex-col gap-1.5 px-4 py-3">
          <div className="flex items-start gap-2">
            <h2 className="min-w-0 flex-1 truncate text-[14px] font-semibold group-hover:text-white" data-testid="app-card-name">
              {app.name}
            </h2>
            <span
              className="shrink-0 rounded-full border border-line-strong px-2 py-px text-[11px] text-muted tabular-nums"
              data-testid="app-card-version"
            >
              v{app.version}
            </span>
          </div>
          <p className="line-clamp-2 min-h-[2.9em] text-[12.5px] text-muted">
            {app.description || <span className="text-faint">No description</span>}
          </p>
          <p className="mt-auto text-[11.5px] text-faint">
            Updated{" "}
            <time dateTime={app.updatedAt} title={absoluteTime(app.updatedAt)}>
              {relativeTime(app.updatedAt)}
            </time>
          </p>
        </div>
      </Link>
    </li>
  );
}
