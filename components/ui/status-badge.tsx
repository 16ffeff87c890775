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

const SIZES = {
  md: { pill: "h-5 gap-1 px-2 text-[11px]", spinner: 10 },
  /** On a compact node card (components/editor/studio-node.tsx), seen at a third of its size. */
  lg: { pill: "h-11 gap-2 px-4 text-[26px]", spinner: 22 },
};

/** A run or node status as a pill (small by default). */
export function StatusBadge({
  status,
  progress,
  className = "",
  size = "md",
}: {
  status: NodeRunStatus;
  progress?: number;
  className?: string;
  size?: keyof typeof SIZES;
}) {
  const style = STYLES[status] ?? STYLES.queued;
  const dims = SIZES[size];
  return (
    <span className={`inline-flex shrink-0 items-center rounded-full font-medium ${dims.pill} ${style.className} ${className}`}>
      {status === "running" && <Spinner size={dims.spinner} />}
      {style.label}
      {status === "running" && progress !== undefined && progress > 0 && (
        <span className="tabular-nums">{Math.round(progress * 100)}%</span>
      )}
    </span>
  );
}
