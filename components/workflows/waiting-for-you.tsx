"use client";
import Link from "next/link";
import { assetThumbUrl } from "@/lib/client/api-client";
import { relativeTime } from "@/lib/client/format";
import type { WaitingRun } from "@/lib/client/types";
import { useWaitingRuns } from "@/lib/client/use-waiting-runs";

/** Where a waiting run is chosen for: its App's page, or its workflow's editor (which shows the run). */
function hrefOf(run: WaitingRun): string {
  return run.app ? `/apps/${encodeURIComponent(run.app.slug)}` : `/workflows/${encodeURIComponent(run.workflowId)}`;
}

function WaitingRow({ run, onOpen }: { run: WaitingRun; onOpen?: (run: WaitingRun) => void }) {
  const gate = run.waiting[0];
  const body = (
    <>
      {gate?.thumbnail ? (
        <img src={assetThumbUrl(gate.thumbnail)} alt="" className="checkerboard h-9 w-9 shrink-0 rounded border border-line object-cover" />
      ) : (
        <span className="h-9 w-9 shrink-0 rounded border border-line bg-panel-3" />
      )}
      <span className="min-w-0 flex-1">
        <span className="block truncate text-[12.5px] font-medium">{run.app?.name ?? run.workflowName}</span>
        <span className="block truncate text-[11.5px] text-muted">
          {gate ? `${gate.label}: ${gate.candidates} candidates${gate.message ? ` · ${gate.message}` : ""}` : "Waiting for a pick"}
        </span>
      </span>
      <span className="shrink-0 text-[11px] text-faint">{relativeTime(run.createdAt)}</span>
    </>
  );
  const className = "flex w-full items-center gap-2.5 rounded-md px-2 py-1.5 text-left hover:bg-panel-3";
  return (
    <li data-testid="waiting-run" data-run-id={run.id}>
      {onOpen ? (
        <button type="button" className={className} onClick={() => onOpen(run)}>
          {body}
        </button>
      ) : (
        <Link href={hrefOf(run)} className={className}>
          {body}
        </Link>
      )}
    </li>
  );
}

/**
 * "Waiting for you": the runs paused at a Pick the signed-in person may choose for (GET /api/runs?status=waiting).
 * `variant="section"` on the workflow list and the Apps home (nothing when none waits); `variant="menu"` in the
 * editor's run panel, a count that opens the list, where `onOpen` shows a run of this workflow in place.
 */
export function WaitingForYou({
  variant = "section",
  onOpen,
  workflowId,
}: {
  variant?: "section" | "menu";
  /** Called instead of following the link for runs of `workflowId`. */
  onOpen?: (run: WaitingRun) => void;
  workflowId?: string;
}) {
  const { data: runs } = useWaitingRuns();
  if (!runs?.length) return null;
  const open = (run: WaitingRun) => (onOpen && run.workflowId === workflowId && !run.app ? onOpen : undefined);
  const list = (
    <ul className="space-y-0.5">
      {runs.map((run) => (
        <WaitingRow key={run.id} run={run} onOpen={open(run)} />
      ))}
    </ul>
  );
  const title = `${runs.length} run${runs.length === 1 ? "" : "s"} waiting for you`;
  if (variant === "menu") {
    return (
      <details className="relative" data-testid="waiting-for-you">
        <summary className="flex cursor-pointer list-none items-center gap-1.5 rounded-full bg-warn/15 px-2.5 py-0.5 text-[11.5px] font-medium text-warn hover:bg-warn/25">
          {title}
        </summary>
        <div className="absolute right-0 bottom-full z-30 mb-1 w-[320px] rounded-lg border border-line-strong bg-panel-2 p-1.5 shadow-xl shadow-black/40">
          {list}
        </div>
      </details>
    );
  }
  return (
    <section aria-label="Waiting for you" className="mb-6 rounded-xl border border-warn/40 bg-panel p-3" data-testid="waiting-for-you">
      <h2 className="mb-1.5 px-2 text-[13px] font-semibold text-warn">{title}</h2>
      <p className="mb-2 px-2 text-[12px] text-muted">These runs paused at a Pick: choose the images they continue with.</p>
      {list}
    </section>
  );
}
