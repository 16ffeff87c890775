"use client";
import { assetThumbUrl, errorMessage, thumbnailUrl } from "@/lib/client/api-client";
import { appDownloadUrl } from "@/lib/client/apps/apps-api";
import type { AppDetail, AppInput, AppRun } from "@/lib/client/apps/types";
import { absoluteTime, credits, duration, relativeTime } from "@/lib/client/format";
import type { LightboxImage } from "../editor/lightbox";
import { Button } from "../ui/button";
import { AlertIcon, DownloadIcon, RefreshIcon } from "../ui/icons";
import { Skeleton } from "../ui/skeleton";
import { Spinner } from "../ui/spinner";
import { StatusBadge } from "../ui/status-badge";
import { toLightbox } from "./output-tile";

/** "My runs": the viewer's history on this App, with re-run (same inputs) and download. */
export function MyRuns({
  app,
  runs,
  loading,
  error,
  onRetry,
  onRerun,
  rerunBlocked,
  onZoom,
}: {
  app: AppDetail;
  runs: AppRun[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  onRerun: (run: AppRun) => void;
  /** Why re-running is not possible now (quota, a start in progress), or null. */
  rerunBlocked: string | null;
  onZoom: (image: LightboxImage) => void;
}) {
  return (
    <section aria-labelledby="my-runs-title" data-testid="my-runs">
      <div className="mb-3 flex items-baseline gap-2">
        <h2 id="my-runs-title" className="text-[14px] font-semibold">
          My runs
        </h2>
        {runs && runs.length > 0 && <span className="text-[12px] text-faint tabular-nums">{runs.length}</span>}
      </div>
      {loading ? (
        <ul className="space-y-2" aria-busy="true" aria-label="Loading your runs">
          {Array.from({ length: 3 }, (_, i) => (
            <li key={i} className="flex items-center gap-3 rounded-lg border border-line bg-panel px-3 py-2.5">
              <Skeleton className="h-12 w-12" />
              <div className="flex-1 space-y-2">
                <Skeleton className="h-3 w-1/3" />
                <Skeleton className="h-3 w-1/2" />
              </div>
            </li>
          ))}
        </ul>
      ) : error ? (
        <div role="alert" className="flex items-center gap-3 rounded-lg border border-bad/40 bg-bad-soft px-4 py-3 text-[12.5px]">
          <AlertIcon size={16} className="shrink-0 text-bad" />
          <span className="flex-1">Could not load your runs: {errorMessage(error)}</span>
          <Button size="sm" onClick={onRetry}>
            Try again
          </Button>
        </div>
      ) : !runs || runs.length === 0 ? (
        <p
          className="rounded-lg border border-dashed border-line-strong px-4 py-6 text-center text-[12.5px] text-muted"
          data-testid="my-runs-empty"
        >
          You have not run this App yet. Your runs will be listed here.
        </p>
      ) : (
        <ul className="overflow-hidden rounded-lg border border-line bg-panel" aria-label="My runs">
          {runs.map((run) => (
            <MyRunRow key={run.id} app={app} run={run} onZoom={onZoom} onRerun={() => onRerun(run)} rerunBlocked={rerunBlocked} />
          ))}
        </ul>
      )}
    </section>
  );
}

function MyRunRow({
  app,
  run,
  onZoom,
  onRerun,
  rerunBlocked,
}: {
  app: AppDetail;
  run: AppRun;
  onZoom: (image: LightboxImage) => void;
  onRerun: () => void;
  rerunBlocked: string | null;
}) {
  const running = run.status === "queued" || run.status === "running";
  const outdated = run.appVersion !== null && run.appVersion !== app.currentVersion.version;
  return (
    <li
      className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-line px-3 py-2.5 last:border-b-0"
      data-testid="my-run-row"
      data-run-id={run.id}
      data-status={run.status}
    >
      <div className="w-[132px] shrink-0 space-y-1">
        <StatusBadge status={run.status} />
        <p className="text-[11.5px] text-faint">
          <time dateTime={run.createdAt} title={absoluteTime(run.createdAt)}>
            {relativeTime(run.createdAt)}
          </time>
          {run.appVersion !== null ? ` · v${run.appVersion}` : ""}
        </p>
      </div>
      <div className="min-w-0 flex-1 space-y-1">
        <InputsSummary inputs={app.currentVersion.inputs} values={run.inputs} />
        <p className="text-[11.5px] text-faint tabular-nums">
          {running
            ? run.progress.currentStep
              ? `${run.progress.currentStep}… ${run.progress.done}/${run.progress.total} steps`
              : "Waiting to start…"
            : [duration(run.createdAt, run.finishedAt), run.credits !== null ? credits(run.credits) : null].filter(Boolean).join(" · ")}
        </p>
        {run.status === "failed" && run.error && (
          <p className="text-[12px] text-bad" data-testid="my-run-error">
            {run.error}
          </p>
        )}
      </div>
      {run.outputs.length > 0 && (
        <ul className="flex shrink-0 gap-1.5" aria-label="Outputs">
          {run.outputs.slice(0, 4).map((output) => (
            <li key={output.assetId}>
              <button
                type="button"
                onClick={() => onZoom(toLightbox(output))}
                aria-label={`View ${output.label} full size`}
                className="block overflow-hidden rounded-md border border-line hover:border-accent focus-visible:outline-2 focus-visible:outline-accent"
              >
                <img src={thumbnailUrl(output.url)} alt="" className="checkerboard h-12 w-12 object-cover" data-testid="my-run-output" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex shrink-0 items-center gap-1">
        <Button
          size="sm"
          variant="ghost"
          onClick={onRerun}
          disabled={!!rerunBlocked}
          title={
            rerunBlocked ??
            (outdated ? `Runs the current version (v${app.currentVersion.version}) with the same inputs` : "Run again with the same inputs")
          }
          data-testid="my-run-rerun"
        >
          <RefreshIcon size={13} /> Re-run
        </Button>
        {run.status === "succeeded" && run.outputs.length > 0 ? (
          <a
            href={appDownloadUrl(app.slug, [run.id])}
            download
            data-testid="my-run-download"
            aria-label={`Download the results of the run from ${relativeTime(run.createdAt)}`}
            title="Download (ZIP)"
            className="grid h-7 w-7 place-items-center rounded-md text-muted hover:bg-panel-3 hover:text-fg focus-visible:outline-2 focus-visible:outline-accent"
          >
            <DownloadIcon size={14} />
          </a>
        ) : (
          <span className="grid h-7 w-7 place-items-center text-faint">{running ? <Spinner size={12} label="Running" /> : null}</span>
        )}
      </div>
    </li>
  );
}

/** "Platform: Instagram story" and a thumbnail per image input. */
function InputsSummary({ inputs, values }: { inputs: readonly AppInput[]; values: Record<string, unknown> }) {
  const entries = Object.entries(values ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== "");
  if (entries.length === 0) return <p className="text-[12px] text-faint">Default inputs</p>;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-[12px]" data-testid="my-run-inputs">
      {entries.map(([key, value]) => {
        const input = inputs.find((i) => i.key === key);
        const label = input?.label ?? key;
        if ((input?.kind === "image" || input?.kind === "mask") && typeof value === "string") {
          return (
            <span key={key} className="flex items-center gap-1.5 text-muted">
              <img src={assetThumbUrl(value)} alt={`${label} used`} className="checkerboard h-6 w-6 rounded object-cover" />
            </span>
          );
        }
        const shown =
          input?.kind === "select" ? (input.options?.find((o) => o.value === String(value))?.label ?? String(value)) : String(value);
        return (
          <span key={key} className="max-w-[260px] truncate text-muted" title={`${label}: ${shown}`}>
            <span className="text-faint">{label}:</span> {input?.kind === "textarea" || input?.kind === "text" ? `“${shown}”` : shown}
          </span>
        );
      })}
    </div>
  );
}
