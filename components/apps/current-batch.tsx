"use client";
import { useQueries } from "@tanstack/react-query";
import { forwardRef } from "react";
import { appDownloadUrl } from "@/lib/client/apps/apps-api";
import type { AppDetail, AppRun, AppRunInputs } from "@/lib/client/apps/types";
import { runQueryOptions } from "@/lib/client/run-query";
import { isTerminalRunStatus, type Run } from "@/lib/client/types";
import type { LightboxImage } from "../editor/lightbox";
import { Button } from "../ui/button";
import { DownloadIcon, ImageIcon } from "../ui/icons";
import { LiveRunCard } from "./live-run-card";

/** The runs just started (one per batch item), each followed live, with "Download all" as a zip. */
export const CurrentBatch = forwardRef<
  HTMLHeadingElement,
  {
    app: AppDetail;
    runs: Array<{ id: string; inputs: AppRunInputs }>;
    myRuns: AppRun[] | undefined;
    onZoom: (image: LightboxImage) => void;
    onFinished: (run: Run) => void;
  }
>(function CurrentBatch({ app, runs: started, myRuns, onZoom, onFinished }, headingRef) {
  const slug = app.slug;
  const runIds = started.map((r) => r.id);
  const runs = useQueries({ queries: runIds.map((id) => ({ ...runQueryOptions(id), retry: false })) });
  const fallback = (id: string) => myRuns?.find((r) => r.id === id);
  const statuses = runIds.map((id, i) => runs[i]?.data?.status ?? fallback(id)?.status ?? "queued");
  const finished = statuses.filter((s) => isTerminalRunStatus(s)).length;
  const succeeded = runIds.filter((_, i) => statuses[i] === "succeeded");

  return (
    <section aria-labelledby="app-results-title" data-testid="app-batch" data-finished={finished} data-count={runIds.length}>
      <div className="mb-3 flex items-center gap-3">
        <h2 id="app-results-title" ref={headingRef} tabIndex={-1} className="text-[14px] font-semibold outline-none">
          Results
        </h2>
        <span className="text-[12px] text-muted tabular-nums" aria-live="polite" data-testid="app-batch-summary">
          {finished === runIds.length ? `${succeeded.length} of ${runIds.length} succeeded` : `${finished} of ${runIds.length} finished`}
        </span>
        <div className="flex-1" />
        {succeeded.length > 0 ? (
          <a
            href={appDownloadUrl(slug, succeeded)}
            download
            data-testid="app-download-all"
            className="inline-flex h-8 items-center gap-2 rounded-md border border-line-strong bg-panel-2 px-3 text-[13px] font-medium hover:bg-panel-3 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
          >
            <DownloadIcon size={14} />
            {runIds.length > 1 ? `Download all (${succeeded.length})` : "Download"} · ZIP
          </a>
        ) : (
          <Button disabled data-testid="app-download-all-disabled">
            <DownloadIcon size={14} /> Download all
          </Button>
        )}
      </div>
      <ul className={`grid gap-3 ${runIds.length > 1 ? "xl:grid-cols-2" : ""}`}>
        {started.map(({ id, inputs }, index) => (
          <LiveRunCard
            key={id}
            runId={id}
            index={index}
            count={runIds.length}
            source={sourceImage(app, inputs)}
            caption={started.length > 1 ? promptOf(app, inputs) : null}
            fallback={fallback(id)}
            onZoom={onZoom}
            onFinished={onFinished}
          />
        ))}
      </ul>
    </section>
  );
});

/** The image a run started from (its first image input), to tell the runs of a batch apart. */
function sourceImage(app: AppDetail, inputs: AppRunInputs): string | null {
  const input = app.currentVersion.inputs.find((i) => i.kind === "image" && typeof inputs[i.key] === "string");
  return input ? (inputs[input.key] as string) : null;
}

/** The prompt a run was given (its first text input), to tell the runs of a prompt batch apart. */
function promptOf(app: AppDetail, inputs: AppRunInputs): string | null {
  const input = app.currentVersion.inputs.find(
    (i) => (i.kind === "textarea" || i.kind === "text") && typeof inputs[i.key] === "string" && inputs[i.key],
  );
  return input ? (inputs[input.key] as string) : null;
}

/** Before the first run: where results will appear. */
export function ResultsPlaceholder() {
  return (
    <section
      aria-labelledby="app-results-title"
      className="flex flex-col items-center gap-3 rounded-xl border border-dashed border-line-strong px-6 py-14 text-center"
      data-testid="app-results-empty"
    >
      <span className="grid h-11 w-11 place-items-center rounded-xl bg-panel-2 text-faint">
        <ImageIcon size={20} />
      </span>
      <div>
        <h2 id="app-results-title" className="text-[13.5px] font-medium">
          Results appear here
        </h2>
        <p className="mt-1 max-w-[360px] text-[12.5px] text-muted">
          Fill in the form and press Run. Each run shows its progress, then its images, ready to download.
        </p>
      </div>
    </section>
  );
}
