"use client";
import { assetThumbUrl } from "@/lib/client/api-client";
import { progressOfAppRun, progressOfRun } from "@/lib/client/apps/run-progress";
import type { AppRun } from "@/lib/client/apps/types";
import { credits, duration } from "@/lib/client/format";
import { isTerminalRunStatus, type Run } from "@/lib/client/types";
import { useRun } from "@/lib/client/use-run";
import { useRunSubscription } from "@/lib/client/use-run-subscription";
import type { LightboxImage } from "../editor/lightbox";
import { AlertIcon } from "../ui/icons";
import { StatusBadge } from "../ui/status-badge";
import { PickChooser } from "../editor/pick-chooser";
import { OutputTile } from "./output-tile";
import { RunProgressBar } from "./run-progress-bar";

/**
 * One run of the batch just started: followed live (the run's event stream, see
 * use-run-subscription.ts) with a progress bar and the current step, then its results. When the
 * full run cannot be read, the App's own run list (`fallback`, polled) stands in.
 */
export function LiveRunCard({
  runId,
  index,
  count,
  source,
  caption,
  fallback,
  onZoom,
  onFinished,
}: {
  runId: string;
  index: number;
  count: number;
  /** Asset id of the image this run started from, shown small in the header. */
  source: string | null;
  /** The prompt this run was given, when the batch varies prompts. */
  caption: string | null;
  fallback: AppRun | undefined;
  onZoom: (image: LightboxImage) => void;
  onFinished: (run: Run) => void;
}) {
  const run = useRun(runId);
  const terminal = run.data ? isTerminalRunStatus(run.data.status) : false;
  useRunSubscription(run.isError || terminal ? null : runId, onFinished);

  const status = run.data?.status ?? fallback?.status ?? "queued";
  const progress = run.data ? progressOfRun(run.data) : fallback ? progressOfAppRun(fallback) : null;
  const outputs = run.data?.outputs ?? fallback?.outputs ?? [];
  const error = run.data
    ? (run.data.error ?? run.data.nodes.find((n) => n.status === "failed" && n.error)?.error ?? null)
    : (fallback?.error ?? null);
  const startedAt = run.data?.startedAt ?? run.data?.createdAt ?? fallback?.createdAt;
  const finishedAt = run.data?.finishedAt ?? fallback?.finishedAt;
  const runCredits = run.data?.credits ?? fallback?.credits ?? null;
  const name = count > 1 ? `Run ${index + 1} of ${count}` : "Run";
  const finished = isTerminalRunStatus(status);

  return (
    <li
      className="overflow-hidden rounded-xl border border-line bg-panel"
      data-testid="app-run-card"
      data-run-id={runId}
      data-status={status}
      aria-label={name}
    >
      <div className="flex items-center gap-2 border-b border-line px-3 py-2">
        {source && (
          <img
            src={assetThumbUrl(source)}
            alt=""
            className="checkerboard h-6 w-6 rounded border border-line object-cover"
            data-testid="app-run-source"
          />
        )}
        <span className="shrink-0 text-[12.5px] font-medium">{name}</span>
        <StatusBadge status={status} />
        {caption && (
          <span className="min-w-0 truncate text-[12px] text-muted" title={caption} data-testid="app-run-caption">
            “{caption}”
          </span>
        )}
        <span className="ml-auto shrink-0 text-[11.5px] text-faint tabular-nums">
          {finished
            ? [duration(startedAt, finishedAt), runCredits !== null ? credits(runCredits) : null].filter(Boolean).join(" · ")
            : null}
        </span>
      </div>
      <div className="space-y-3 p-3">
        {!finished && <RunProgressBar status={status} progress={progress} label={`${name} progress`} />}
        {status === "failed" && (
          <p
            role="alert"
            className="flex gap-2 rounded-md border border-bad/40 bg-bad-soft px-2.5 py-2 text-[12.5px]"
            data-testid="app-run-failure"
          >
            <AlertIcon size={14} className="mt-0.5 shrink-0 text-bad" />
            <span>{error ?? "The run failed."}</span>
          </p>
        )}
        {status === "waiting" &&
          run.data?.nodes.filter((n) => n.status === "waiting" && n.pick).map((n) => <PickChooser key={n.nodeId} runId={runId} node={n} />)}
        {status === "canceled" && (
          <p className="text-[12.5px] text-muted">
            {run.data?.error?.startsWith("You rejected") ? `${run.data.error}.` : "This run was canceled."}
          </p>
        )}
        {status === "succeeded" && outputs.length === 0 && <p className="text-[12.5px] text-muted">This run produced no outputs.</p>}
        {outputs.length > 0 && (
          <div className="grid grid-cols-[repeat(auto-fill,minmax(200px,1fr))] gap-3">
            {outputs.map((output) => (
              <OutputTile key={`${output.nodeId}:${output.assetId}`} output={output} onZoom={onZoom} />
            ))}
          </div>
        )}
      </div>
    </li>
  );
}
