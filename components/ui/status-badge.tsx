import type { NodeRunStatus } from "@/lib/client/types";
import { Spinner } from "./spinner";

const STYLES: Record<NodeRunStatus, { label: string; className: string }> = {
  queued: { label: "Queued", className: "bg-panel-3 text-muted" },
  running: { label: "Running", className: "bg-accent-soft text-[#b3b6ff]" },
  waiting: { label: "Waiting for a pick", className: "bg-warn/15 text-warn" },
  succeeded: { label: "Done", className: "bg-ok/15 text-ok" },
  failed: { label: "Failed", className: "bg-bad/15 text-bad" },
  canceled: { label: "Canceled", className: "bg-panel-3 text-muted" },
  skipped: { label: "Skipped", className: "bg-panel-3 text-faint" },
};

/** A run or node status as a small pill. */
export function StatusBadge({ status, progress, className = "" }: { status: NodeRunStatus; progress?: number; className?: string }) {
  const style = STYLES[status] ?? STYLES.queued;
  return (
    <span
      className={`inline-flex h-5 shrink-0 items-center gap-1 rounded-full px-2 text-[11px] font-medium ${style.className} ${className}`}
    >
      {status === "running" && <Spinner size={10} />}
      {style.label}
      {status === "running" && progress !== undefined && progress > 0 && (
        <span className="tabular-nums">{Math.round(progress * 100)}%</span>
      )}
    </span>
  );
}
