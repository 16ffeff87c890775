"use client";
import { useEffect, useId, useRef, useState } from "react";
import { canSetQuota, useViewerRole } from "@/lib/client/apps/use-viewer-role";
import { describeError } from "@/lib/client/error-copy";
import { credits } from "@/lib/client/format";
import { useEditorStore } from "@/lib/client/editor-store";
import { useEngine } from "@/lib/client/use-engine";
import { useSetWorkflowCreditLimit, useWorkflowEstimate } from "@/lib/client/use-workflow-estimate";
import { CreditLimitForm } from "../cost/credit-limit-form";
import { ErrorDetails } from "../ui/error-details";
import { AlertIcon, ChevronDownIcon } from "../ui/icons";
import { Spinner } from "../ui/spinner";

/**
 * Next to Run: what one run of the graph on screen would cost ("≈ 12 CU", "Free offline" when
 * nothing is charged), and on click the figure per model node (label, model, requests, credits),
 * with the workflow's per-run credit limit (owners set it here). Issue 11, "Whole-workflow cost
 * before running".
 */
export function RunCostEstimate() {
  const estimate = useWorkflowEstimate();
  const engine = useEngine();
  const role = useViewerRole();
  const setLimit = useSetWorkflowCreditLimit();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const data = estimate.data;
  const updating = estimate.isFetching || estimate.settling;
  const failed = estimate.error && !estimate.isFetching ? describeError(estimate.error, { nodes: useEditorStore.getState().nodes }) : null;
  const offline = engine.data?.id === "local";
  const limit = data?.creditLimitPerRun ?? null;
  const over = !!data && limit !== null && data.credits > limit;
  const figure = !data ? null : data.credits === 0 ? (offline ? "Free offline" : "Free") : `≈ ${credits(data.credits)}`;

  return (
    <div ref={rootRef} className="relative">
      <button
        type="button"
        data-testid="run-cost"
        data-state={failed && !data ? "error" : data ? (updating ? "updating" : "ready") : "loading"}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={
          data
            ? `Estimated cost of one run: ${figure}${over ? `, over the limit of ${credits(limit)}` : ""}. Show the breakdown`
            : "Cost of one run"
        }
        title="What one run would cost, per step"
        onClick={() => setOpen((value) => !value)}
        className={`flex h-8 items-center gap-1 rounded-md px-1.5 text-[12.5px] whitespace-nowrap tabular-nums hover:bg-panel-3 focus-visible:outline-2 focus-visible:outline-accent ${
          over ? "text-bad" : failed && !data ? "text-faint" : "text-muted hover:text-fg"
        }`}
      >
        {over && <AlertIcon size={13} />}
        {!data && !failed && <Spinner size={11} label="Estimating the cost" />}
        <span data-testid="run-cost-value" className={updating && data ? "opacity-60" : ""}>
          {figure ??
            (failed ? <span className="max-sm:hidden">Cost unavailable</span> : <span className="max-sm:hidden">Estimating…</span>)}
          {!figure && <span className="sm:hidden">—</span>}
        </span>
        <ChevronDownIcon size={12} className="max-2xl:hidden" />
      </button>

      {open && (
        <div
          id={panelId}
          role="dialog"
          aria-label="Cost of one run"
          data-testid="run-cost-breakdown"
          className="fixed inset-x-2 top-13 z-50 rounded-lg border border-line-strong bg-panel-2 shadow-xl shadow-black/50 sm:absolute sm:inset-x-auto sm:top-full sm:right-0 sm:mt-1.5 sm:w-[22rem]"
        >
          <div className="flex items-baseline gap-2 border-b border-line px-3.5 pt-3 pb-2.5">
            <h2 className="text-[13px] font-medium text-fg">Cost of one run</h2>
            {updating && <Spinner size={11} label="Updating the estimate" />}
            <span className="ml-auto text-[13px] font-semibold text-fg tabular-nums" data-testid="run-cost-total">
              {figure ?? "—"}
            </span>
          </div>
          <div className="max-h-[45vh] overflow-y-auto px-3.5 py-2">
            {failed && !data ? (
              <div className="py-1 text-[12.5px] text-bad">
                <p>{failed.sentence}</p>
                <ErrorDetails details={failed.details} />
              </div>
            ) : !data ? (
              <p className="py-1 text-[12.5px] text-faint">Estimating…</p>
            ) : data.nodes.length === 0 ? (
              <p className="py-1 text-[12.5px] text-muted">No step calls a model yet, so a run costs nothing.</p>
            ) : (
              <ul className="divide-y divide-line" data-testid="run-cost-nodes">
                {data.nodes.map((node) => (
                  <li key={node.nodeId} className="py-1.5 text-[12.5px]" data-testid="run-cost-node">
                    <div className="flex items-baseline gap-2">
                      <span className="min-w-0 truncate text-fg">{node.label}</span>
                      {node.requests > 1 && (
                        <span className="shrink-0 text-[11.5px] text-faint" title={`${node.requests} model calls in one run`}>
                          × {node.requests}
                        </span>
                      )}
                      <span className="ml-auto shrink-0 text-muted tabular-nums">{credits(node.credits)}</span>
                    </div>
                    <div className="truncate font-mono text-[10.5px] text-faint" title={node.model ?? undefined}>
                      {node.model ?? "no model can run this step"}
                    </div>
                    {node.note && <p className="mt-0.5 text-[11.5px] text-faint">{node.note}</p>}
                  </li>
                ))}
              </ul>
            )}
            {data && failed && <p className="pt-1 text-[11.5px] text-bad">The latest change could not be priced: {failed.sentence}</p>}
          </div>
          <div className="space-y-2.5 border-t border-line px-3.5 pt-2.5 pb-3">
            {data && (
              <p className="text-[11.5px] text-faint">
                {data.estimated
                  ? offline
                    ? "The local preview engine's figures (the models' typical cost); cached steps may cost less."
                    : "Partly an estimate from the models' typical cost."
                  : "From the provider's cost preview; cached steps may cost less."}
              </p>
            )}
            {over && (
              <p className="flex gap-1.5 text-[12px] text-bad" data-testid="run-cost-over">
                <AlertIcon size={13} className="mt-0.5 shrink-0" />
                This run would cost more than the workflow&apos;s limit of {credits(limit)} per run, so it will be refused. Raise the limit
                or lower the image count.
              </p>
            )}
            {data && (
              <CreditLimitForm
                value={limit}
                editable={canSetQuota(role)}
                subject="workflow"
                saving={setLimit.isPending}
                onSave={(next) => setLimit.mutateAsync(next)}
                testId="workflow-credit-limit"
              />
            )}
          </div>
        </div>
      )}
    </div>
  );
}
