import type { RunProgress } from "@/lib/client/apps/run-progress";
import type { RunStatus } from "@/lib/client/types";

/** A run's progress: a bar (indeterminate while queued) and the step running now. */
export function RunProgressBar({ status, progress, label }: { status: RunStatus; progress: RunProgress | null; label: string }) {
  const queued = status === "queued" || !progress || progress.total === 0;
  const percent = progress ? Math.round(progress.fraction * 100) : 0;
  return (
    <div className="space-y-1.5" data-testid="app-run-progress">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={queued ? undefined : percent}
        aria-valuetext={
          queued
            ? "Waiting to start"
            : `${progress?.done} of ${progress?.total} steps done${progress?.currentStep ? `, now ${progress.currentStep}` : ""}`
        }
        className="relative h-1.5 overflow-hidden rounded-full bg-panel-3"
      >
        {queued ? (
          <div className="progress-indeterminate absolute inset-y-0 left-0 w-2/5 rounded-full bg-accent/70" />
        ) : (
          <div className="h-full rounded-full bg-accent transition-[width] duration-300" style={{ width: `${Math.max(4, percent)}%` }} />
        )}
      </div>
      <p className="flex items-center gap-2 text-[12px] text-muted" data-testid="app-run-step">
        <span className="min-w-0 flex-1 truncate">
          {queued ? "Waiting to start…" : progress?.currentStep ? `${progress.currentStep}…` : status === "running" ? "Working…" : ""}
        </span>
        {!queued && progress && (
          <span className="shrink-0 text-faint tabular-nums" data-testid="app-run-steps">
            {progress.done}/{progress.total} steps
          </span>
        )}
      </p>
    </div>
  );
}
