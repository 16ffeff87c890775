"use client";
/**
 * "Draft from description": the user describes a workflow, POST /api/plan answers with a plan
 * (a matched template or a composed plan: ordered steps with tool, capability and model, and
 * the template's rules) plus the same plan as nodes and edges; "Add to canvas" puts those in
 * the document (below existing nodes, one undo step) and autosave stores them. When two templates
 * fit almost equally well the plan names the other one, and "Use this instead" drafts it.
 */
import { useReactFlow } from "@xyflow/react";
import { useEffect, useId, useRef, useState } from "react";
import { errorMessage } from "@/lib/client/api-client";
import { useEditorStore } from "@/lib/client/editor-store";
import { toast } from "@/lib/client/toast-store";
import type { Plan, PlanResponse } from "@/lib/client/types";
import { useDraftPlan } from "@/lib/client/use-draft-plan";
import { useEngine } from "@/lib/client/use-engine";
import { getNodeDefinition } from "@/lib/nodes";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { AlertIcon, PlusIcon, SparklesIcon } from "../ui/icons";
import { Skeleton } from "../ui/skeleton";
import { Spinner } from "../ui/spinner";
import { shortcutLabel } from "./shortcuts";

const EXAMPLES = [
  "TikTok product video with voiceover",
  "Photorealistic portrait of a lighthouse keeper, remove the AI look",
  "Character sheet: same character in three scenes",
  "Logo for print as a scalable vector",
];

export function DraftDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [description, setDescription] = useState("");
  const [emptyError, setEmptyError] = useState(false);
  const [draftedFor, setDraftedFor] = useState<string | null>(null);
  const draft = useDraftPlan();
  const { fitView } = useReactFlow();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const inputId = useId();
  const errorId = useId();

  useEffect(() => {
    if (open) requestAnimationFrame(() => textarea.current?.focus());
  }, [open]);

  const submit = () => {
    const text = description.trim();
    if (!text) {
      setEmptyError(true);
      textarea.current?.focus();
      return;
    }
    setEmptyError(false);
    setDraftedFor(text);
    draft.mutate(text);
  };

  const result = draft.data;
  const stale = !!result && draftedFor !== null && description.trim() !== draftedFor;

  const addToCanvas = (response: PlanResponse) => {
    const ids = useEditorStore.getState().addGraph(response.graph);
    onClose();
    setDescription("");
    setDraftedFor(null);
    draft.reset();
    // After React Flow has the new nodes (fitView waits for them to be measured).
    requestAnimationFrame(() => void fitView({ nodes: ids.map((id) => ({ id })), padding: 0.2, maxZoom: 1, duration: 300 }));
    toast.success(
      `Added ${ids.length} node${ids.length === 1 ? "" : "s"}`,
      `${response.plan.composed ? "Composed plan" : response.plan.title}. ${shortcutLabel("Z")} undoes it.`,
    );
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={
        <span className="flex items-center gap-2">
          <SparklesIcon size={15} className="text-accent" /> Draft from description
        </span>
      }
      description="Describe what the workflow should make. The studio matches a template (or composes a plan) and picks a model for each step."
      className="w-[680px]"
      testId="draft-dialog"
      footer={
        <>
          {stale && <p className="mr-auto text-[12px] text-warn">The description changed: draft again to update the plan.</p>}
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button
            variant="primary"
            data-testid="draft-add"
            disabled={!result || result.graph.nodes.length === 0 || draft.isPending}
            onClick={() => result && addToCanvas(result)}
          >
            <PlusIcon size={14} /> Add to canvas
          </Button>
        </>
      }
    >
      <div className="space-y-4 px-5 py-4">
        <form
          className="space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <label htmlFor={inputId} className="block text-[12px] font-medium text-muted">
            What should the workflow make?
          </label>
          <textarea
            ref={textarea}
            id={inputId}
            data-testid="draft-description"
            value={description}
            rows={3}
            maxLength={2000}
            placeholder="TikTok product video with voiceover"
            aria-invalid={emptyError || draft.isError}
            aria-describedby={emptyError || draft.isError ? errorId : undefined}
            onChange={(event) => {
              setDescription(event.target.value);
              if (event.target.value.trim()) setEmptyError(false);
            }}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                submit();
              }
            }}
            className="w-full resize-y rounded-md border border-line-strong bg-canvas px-3 py-2 text-[13px] leading-snug text-fg outline-none placeholder:text-faint hover:border-[#454a55] focus:border-accent aria-[invalid=true]:border-bad"
          />
          <div className="flex flex-wrap items-center gap-1.5">
            <span className="text-[11.5px] text-faint">Try:</span>
            {EXAMPLES.map((example) => (
              <button
                key={example}
                type="button"
                onClick={() => {
                  setDescription(example);
                  setEmptyError(false);
                  textarea.current?.focus();
                }}
                className="rounded-full border border-line-strong px-2 py-0.5 text-[11.5px] text-muted hover:border-accent hover:text-fg focus-visible:outline-2 focus-visible:outline-accent"
              >
                {example}
              </button>
            ))}
          </div>
          <div className="flex items-start gap-3">
            <div id={errorId} className="min-w-0 flex-1 text-[12px]" aria-live="polite">
              {emptyError ? (
                <p className="text-bad" data-testid="draft-error">
                  Describe the workflow first, for example “{EXAMPLES[0]}”.
                </p>
              ) : draft.isError ? (
                <p className="flex items-start gap-1.5 text-bad" role="alert" data-testid="draft-error">
                  <AlertIcon size={13} className="mt-0.5 shrink-0" /> Could not draft a plan: {errorMessage(draft.error)}
                </p>
              ) : null}
            </div>
            <Button
              type="submit"
              variant={result && !stale ? "secondary" : "primary"}
              data-testid="draft-submit"
              disabled={draft.isPending}
              title={`Draft the plan (${shortcutLabel("Enter")})`}
            >
              {draft.isPending ? <Spinner size={12} /> : <SparklesIcon size={13} />}
              {draft.isPending ? "Drafting…" : result ? "Draft again" : "Draft plan"}
            </Button>
          </div>
        </form>

        {draft.isPending && (
          <div className="space-y-2 rounded-lg border border-line p-4" aria-busy="true" aria-label="Drafting the plan">
            <Skeleton className="h-4 w-1/3" />
            <Skeleton className="h-8" />
            <Skeleton className="h-8" />
            <Skeleton className="h-8" />
          </div>
        )}
        {result && !draft.isPending && (
          <PlanPreview
            response={result}
            stale={stale}
            onUseAlternative={(template) => draftedFor && draft.mutate({ description: draftedFor, template })}
          />
        )}
      </div>
    </Dialog>
  );
}

const TOOL_LABELS: Record<string, string> = { run_model: "Run model", analyze: "Analyze", manage_assets: "Manage assets" };

function PlanPreview({
  response,
  stale,
  onUseAlternative,
}: {
  response: PlanResponse;
  stale: boolean;
  onUseAlternative: (template: string) => void;
}) {
  const { plan, graph } = response;
  const { data: engine } = useEngine();
  const kinds = graph.nodes.map((n) => getNodeDefinition(n.type)?.label ?? n.type);
  const offlineSteps = graph.nodes.filter((n) => n.type === "runModel").map((n) => String(n.data?.capability ?? "runModel"));
  return (
    <section
      data-testid="plan-preview"
      aria-label="Plan preview"
      className={`space-y-4 rounded-lg border border-line bg-panel-2/60 p-4 transition-opacity ${stale ? "opacity-60" : ""}`}
    >
      <header className="flex flex-wrap items-center gap-2">
        <h3 className="min-w-0 flex-1 text-[14px] font-semibold" data-testid="plan-title">
          {plan.title}
        </h3>
        <PlanBadge plan={plan} />
      </header>
      {plan.alternative && (
        <div
          className="flex flex-wrap items-center gap-2 rounded-md border border-accent/30 bg-accent-soft/40 px-3 py-2 text-[12.5px]"
          data-testid="plan-alternative"
          role="note"
        >
          <p className="min-w-0 flex-1 text-muted">
            Close call: this could also be <span className="font-medium text-fg">{plan.alternative.title}</span>.
          </p>
          <Button
            size="sm"
            variant="secondary"
            data-testid="plan-use-alternative"
            disabled={stale}
            onClick={() => onUseAlternative(plan.alternative!.template)}
          >
            Use this instead
          </Button>
        </div>
      )}

      <ol className="space-y-1.5" aria-label="Steps" data-testid="plan-steps">
        {plan.steps.map((step, i) => (
          <li
            key={i}
            data-testid="plan-step"
            data-optional={step.optional || undefined}
            className="flex gap-3 rounded-md border border-line bg-panel px-3 py-2"
          >
            <span className="grid h-5 w-5 shrink-0 place-items-center rounded-full bg-panel-3 text-[11px] text-muted tabular-nums">
              {i + 1}
            </span>
            <div className="min-w-0 flex-1">
              <p className="flex flex-wrap items-center gap-1.5 text-[13px]">
                <span className="font-medium">{step.title}</span>
                {step.optional && (
                  <span className="rounded-full border border-line-strong px-1.5 text-[10.5px] leading-4 text-muted">optional</span>
                )}
              </p>
              <p className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-0.5 text-[11.5px] text-faint">
                <span className="rounded bg-panel-3 px-1.5 text-muted" title={step.tool}>
                  {TOOL_LABELS[step.tool] ?? step.tool}
                </span>
                <span className="font-mono">{step.capability}</span>
                <span aria-hidden="true">·</span>
                <span className={step.modelName ? "text-muted" : ""} title={step.modelId ?? "No model resolved"}>
                  {step.modelName ?? step.modelId ?? "no model"}
                </span>
              </p>
            </div>
          </li>
        ))}
      </ol>

      {plan.rules.length > 0 && (
        <div>
          <h4 className="mb-1 text-[11px] font-medium tracking-wide text-faint uppercase">Rules</h4>
          <ul className="list-disc space-y-0.5 pl-5 text-[12.5px] leading-snug text-muted marker:text-faint" data-testid="plan-rules">
            {plan.rules.map((rule, i) => (
              <li key={i}>{rule}</li>
            ))}
          </ul>
        </div>
      )}

      {plan.notes && plan.notes.length > 0 && (
        <div>
          <h4 className="mb-1 text-[11px] font-medium tracking-wide text-faint uppercase">Notes</h4>
          <ul className="list-disc space-y-0.5 pl-5 text-[12.5px] leading-snug text-muted marker:text-faint" data-testid="plan-notes">
            {plan.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </div>
      )}

      <div className="border-t border-line pt-3 text-[12px] text-muted" data-testid="plan-graph-summary">
        {graph.nodes.length === 0 ? (
          <p className="text-warn">This plan has no steps the canvas can show.</p>
        ) : (
          <p>
            Adds {graph.nodes.length} node{graph.nodes.length === 1 ? "" : "s"} ({kinds.join(", ")}) and {graph.edges.length} connection
            {graph.edges.length === 1 ? "" : "s"} to the canvas.
          </p>
        )}
        {engine?.id === "local" && offlineSteps.length > 0 && (
          <p className="mt-1 flex items-start gap-1.5 text-warn/90">
            <AlertIcon size={13} className="mt-0.5 shrink-0" />
            Run model steps ({[...new Set(offlineSteps)].join(", ")}) need the Scenario API: the offline engine fails them with a message.
          </p>
        )}
      </div>
    </section>
  );
}

function PlanBadge({ plan }: { plan: Plan }) {
  if (plan.composed || !plan.template) {
    return (
      <span
        className="rounded-full border border-warn/30 bg-warn/10 px-2 text-[11px] leading-5 font-medium text-warn"
        data-testid="plan-kind"
        title="No template matched: composed from the templates' steps by the capabilities mentioned"
      >
        Composed plan
      </span>
    );
  }
  return (
    <span
      className="rounded-full border border-accent/30 bg-accent-soft px-2 text-[11px] leading-5 font-medium text-[#b3b6ff]"
      data-testid="plan-kind"
      title="Matched template"
    >
      Template · <span className="font-mono">{plan.template}</span>
    </span>
  );
}
