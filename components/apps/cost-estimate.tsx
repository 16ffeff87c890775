"use client";
import { useState } from "react";
import { errorMessage } from "@/lib/client/api-client";
import { runsLabel } from "@/lib/client/apps/batch";
import type { AppEstimate } from "@/lib/client/apps/types";
import { credits } from "@/lib/client/format";
import { ChevronDownIcon, ChevronUpIcon } from "../ui/icons";
import { Spinner } from "../ui/spinner";

/**
 * "Estimated cost ≈ 45 CU for 3 runs" (per run × runs), with the per-step figures on demand, and a
 * warning when one run costs more than the App's per-run credit limit (the server refuses it).
 */
export function CostEstimate({
  estimate,
  runs,
  loading,
  error,
  ready,
}: {
  estimate: AppEstimate | undefined;
  runs: number;
  loading: boolean;
  error: unknown;
  /** False while the form is incomplete: nothing is asked yet. */
  ready: boolean;
}) {
  const [open, setOpen] = useState(false);
  // The server prices one form; a batch costs that per run.
  const total = estimate ? (estimate.runs === runs ? estimate.credits : estimate.perRun * runs) : null;
  const limit = estimate?.creditLimitPerRun ?? null;
  const over = !!estimate && limit !== null && estimate.perRun > limit;
  return (
    <div
      className="rounded-lg border border-line bg-panel-2/60 px-3 py-2.5 text-[12.5px]"
      data-testid="app-estimate"
      data-state={!ready ? "idle" : error ? "error" : estimate ? "ready" : "loading"}
      aria-live="polite"
    >
      <div className="flex items-center gap-2">
        <span className="text-muted">Estimated cost</span>
        {loading && <Spinner size={11} label="Updating the estimate" />}
        <span className="ml-auto text-right">
          {!ready ? (
            <span className="text-faint">Complete the form to see it</span>
          ) : error && !estimate ? (
            <span className="text-bad" title={errorMessage(error)}>
              Unavailable
            </span>
          ) : estimate ? (
            <span data-testid="app-estimate-value" className={loading ? "opacity-60" : ""}>
              <span className="font-semibold text-fg tabular-nums">≈ {credits(total)}</span>
              <span className="text-muted"> for {runsLabel(runs)}</span>
            </span>
          ) : (
            <span className="text-faint">Estimating…</span>
          )}
        </span>
      </div>
      {ready && error && !estimate ? <p className="mt-1 text-[11.5px] text-bad">{errorMessage(error)}</p> : null}
      {ready && over && (
        <p className="mt-1 text-[11.5px] text-bad" data-testid="app-estimate-over">
          A run would cost about {credits(estimate.perRun)}, more than this App&apos;s limit of {credits(limit)} per run, so it will be
          refused. Ask the team owner to raise the limit
          {runs > 1 || estimate.details.some((d) => d.requests > 1) ? " or use fewer images" : ""}.
        </p>
      )}
      {ready && estimate && (
        <>
          <button
            type="button"
            onClick={() => setOpen(!open)}
            aria-expanded={open}
            className="mt-1 flex items-start gap-1 rounded text-left text-[11.5px] text-faint hover:text-muted focus-visible:outline-2 focus-visible:outline-accent"
          >
            {open ? <ChevronUpIcon size={12} className="mt-0.5 shrink-0" /> : <ChevronDownIcon size={12} className="mt-0.5 shrink-0" />}
            {runs > 1 ? `${credits(estimate.perRun)} per run · ` : ""}
            {limit !== null ? `limit ${credits(limit)} per run · ` : ""}
            {estimate.estimated ? "an estimate from the models' typical cost" : "from the provider's cost preview"}
          </button>
          {open && (
            <ul className="mt-1.5 space-y-0.5 border-t border-line pt-1.5 text-[11.5px]" data-testid="app-estimate-details">
              {estimate.details.map((d) => (
                <li key={d.nodeId} className="flex gap-2">
                  <span className="text-muted">{d.nodeLabel}</span>
                  {d.requests > 1 && <span className="shrink-0 text-faint">× {d.requests}</span>}
                  <span className="min-w-0 truncate font-mono text-[10.5px] text-faint" title={d.modelId}>
                    {d.modelId}
                  </span>
                  <span className="ml-auto text-muted tabular-nums">{credits(d.credits)}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
