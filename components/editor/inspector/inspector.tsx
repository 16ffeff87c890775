"use client";
import { useShallow } from "zustand/react/shallow";
import { getNodeDefinition } from "@/lib/nodes";
import { useEditorStore } from "@/lib/client/editor-store";
import { describeIssue, describeNodeError } from "@/lib/client/error-copy";
import { fieldErrors } from "@/lib/client/field-values";
import { credits, duration } from "@/lib/client/format";
import { useRunViewStore } from "@/lib/client/run-view-store";
import { useNodeRunState } from "@/lib/client/use-node-run-state";
import { useStartRun } from "@/lib/client/use-start-run";
import { Button } from "../../ui/button";
import { ErrorDetails } from "../../ui/error-details";
import { RefreshIcon, TrashIcon } from "../../ui/icons";
import { StatusBadge } from "../../ui/status-badge";
import { NodeChip } from "../node-appearance";
import { FieldRow } from "./field-row";
import { ModelSettings } from "./model-settings";

const EMPTY_ISSUES: never[] = [];

/** Settings of the selected node, generated from its definition's `fields`. */
export function Inspector({ workflowId }: { workflowId: string }) {
  const selected = useEditorStore(useShallow((s) => s.nodes.filter((n) => n.selected).map((n) => n.id)));

  return (
    <aside aria-label="Inspector" data-testid="inspector" className="nokey flex w-[320px] shrink-0 flex-col border-l border-line bg-panel">
      {selected.length === 1 ? (
        <NodeInspector key={selected[0]} nodeId={selected[0]} workflowId={workflowId} />
      ) : selected.length > 1 ? (
        <MultiSelection ids={selected} />
      ) : (
        <NothingSelected />
      )}
    </aside>
  );
}

function NodeInspector({ nodeId, workflowId }: { nodeId: string; workflowId: string }) {
  const node = useEditorStore(
    useShallow((s) => {
      const n = s.nodes.find((x) => x.id === nodeId);
      return n ? { type: n.type ?? "", data: n.data } : null;
    }),
  );
  const issues = useEditorStore((s) => s.issues[nodeId]) ?? EMPTY_ISSUES;
  const warnings = useEditorStore((s) => s.warnings[nodeId]) ?? EMPTY_ISSUES;
  const run = useNodeRunState(nodeId);
  const liveRunId = useRunViewStore((s) => s.liveRunId);
  const startRun = useStartRun(workflowId);
  if (!node) return null;
  const definition = getNodeDefinition(node.type);
  if (!definition) return <p className="p-4 text-bad">Unknown node type “{node.type}”.</p>;
  // Parameters missing from the saved data show (and validate) as their defaults.
  const data = { ...definition.defaults, ...node.data };
  const stored = fieldErrors(definition, data);
  const fieldNames = new Set(definition.fields.map((f) => f.name));
  const otherIssues = issues.filter(
    (i) =>
      !(i.field && fieldNames.has(i.field)) &&
      !(
        i.port &&
        definition.inputs.some(
          (p) => p.name === i.port && definition.fields.some((f) => f.name === p.name || definition.assetParamForPort?.[p.name] === f.name),
        )
      ),
  );

  return (
    <>
      <div className="border-b border-line px-4 py-3.5">
        <div className="flex items-center gap-2.5">
          <NodeChip definition={definition} />
          <div className="min-w-0 flex-1">
            <h2 className="truncate text-[14px] font-semibold">{definition.label}</h2>
          </div>
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={`Delete ${definition.label} node`}
            title="Delete node (Delete)"
            data-testid="inspector-delete-node"
            onClick={() => useEditorStore.getState().onNodesChange([{ type: "remove", id: nodeId }])}
          >
            <TrashIcon size={15} />
          </Button>
        </div>
        <p className="mt-2 text-[12.5px] text-muted">{definition.description}</p>
        {/* The node id is for the API and support, not for editing: behind a disclosure. */}
        <details className="mt-1.5 text-[11px] text-faint" data-testid="inspector-node-details">
          <summary className="cursor-pointer select-none hover:text-muted focus-visible:outline-2 focus-visible:outline-accent">
            Details
          </summary>
          <p className="mt-1 font-mono">Node id: {nodeId}</p>
        </details>
      </div>

      <div className="min-h-0 flex-1 space-y-5 overflow-y-auto px-4 py-4">
        {run && (
          <section
            aria-label="Last run of this node"
            className="space-y-1.5 rounded-lg border border-line bg-panel-2 p-3 text-[12px]"
            data-testid="inspector-run-state"
          >
            <div className="flex items-center gap-2">
              <StatusBadge status={run.status} progress={run.progress} />
              {run.cached && <span className="rounded-full border border-line-strong px-1.5 text-[10.5px] text-muted">cached</span>}
              <span className="ml-auto text-faint tabular-nums">
                {duration(run.startedAt, run.finishedAt)} {run.credits !== null ? `· ${credits(run.credits)}` : ""}
              </span>
            </div>
            {run.model && (
              <p className="text-muted">
                Model <span className="font-mono text-[11.5px] text-fg">{run.model}</span>
                {run.modelReason && <span className="block text-faint">{run.modelReason}</span>}
              </p>
            )}
            {run.error && <NodeRunError message={run.error} />}
          </section>
        )}

        {otherIssues.length > 0 && (
          <div role="alert" className="space-y-1 rounded-lg border border-bad/40 bg-bad-soft p-3 text-[12px] text-[#ffb0b0]">
            {otherIssues.map((issue, i) => (
              <p key={i}>{describeIssue(issue, { nodes: useEditorStore.getState().nodes })}</p>
            ))}
          </div>
        )}

        {warnings.length > 0 && (
          <div className="space-y-1 rounded-lg border border-warn/40 p-3 text-[12px]" data-testid="inspector-model-warnings">
            {warnings.map((warning, i) => (
              <p key={i} className={warning.code === "model_refusal" ? "text-warn" : "text-muted"}>
                {warning.message}
              </p>
            ))}
          </div>
        )}

        {definition.fields.length === 0 ? (
          <p className="text-[12.5px] text-faint">This node has no settings.</p>
        ) : (
          definition.fields.map((field) => (
            <FieldRow
              key={`${nodeId}:${field.name}`}
              field={field}
              nodeId={nodeId}
              definition={definition}
              data={data}
              storedError={stored[field.name]}
              issues={issues}
            />
          ))
        )}

        {definition.role === "model" && "settings" in definition.defaults && (
          <ModelSettings
            nodeId={nodeId}
            modelId={typeof data.model === "string" ? data.model : "auto"}
            settings={(data.settings as Record<string, string | number | boolean> | undefined) ?? {}}
          />
        )}
      </div>

      {definition.role === "model" && run && run.status !== "queued" && run.status !== "running" && (
        <div className="border-t border-line px-4 py-3">
          <Button
            size="sm"
            className="w-full justify-center"
            data-testid="run-again"
            disabled={!!liveRunId || startRun.isPending}
            title="Run the workflow again, recomputing this node instead of reusing its cached result"
            onClick={() => startRun.mutate([nodeId])}
          >
            <RefreshIcon size={13} />
            Run again (ignore cache)
          </Button>
        </div>
      )}
    </>
  );
}

/** A node's failure in the run on display: the sentence, and what the server reported behind "Details". */
function NodeRunError({ message }: { message: string }) {
  const friendly = describeNodeError(message, { nodes: useEditorStore.getState().nodes });
  return (
    <div className="text-bad" data-testid="inspector-node-error">
      <p>{friendly.sentence}</p>
      <ErrorDetails details={friendly.details} />
    </div>
  );
}

function MultiSelection({ ids }: { ids: string[] }) {
  return (
    <div className="space-y-3 p-4">
      <p className="text-[13px] font-medium">{ids.length} nodes selected</p>
      <p className="text-[12.5px] text-muted">Select a single node to edit its settings.</p>
      <Button
        size="sm"
        variant="secondary"
        onClick={() => useEditorStore.getState().onNodesChange(ids.map((id) => ({ type: "remove" as const, id })))}
      >
        <TrashIcon size={13} /> Delete {ids.length} nodes
      </Button>
    </div>
  );
}

function NothingSelected() {
  const shortcuts: Array<[string, string]> = [
    ["Run", "Ctrl+Enter"],
    ["Draft from description", "Ctrl+K"],
    ["Undo", "Ctrl+Z"],
    ["Redo", "Ctrl+Shift+Z"],
    ["Delete selection", "Delete"],
    ["Add a node", "Space"],
    ["Copy · Paste at pointer", "Ctrl+C · Ctrl+V"],
    ["Duplicate", "Ctrl+D"],
    ["Select all", "Ctrl+A"],
    ["Add to selection", "Shift+click"],
    ["Auto-layout", "Ctrl+Shift+L"],
    ["Save now", "Ctrl+S"],
  ];
  return (
    <div className="space-y-5 p-4">
      <div>
        <h2 className="text-[13.5px] font-semibold">Inspector</h2>
        <p className="mt-1 text-[12.5px] text-muted">Select a node on the canvas to edit its settings.</p>
      </div>
      <dl className="space-y-2 text-[12px]" aria-label="Keyboard shortcuts (⌘ instead of Ctrl on a Mac)">
        {shortcuts.map(([what, keys]) => (
          <div key={what} className="flex justify-between gap-3">
            <dt className="text-muted">{what}</dt>
            <dd className="text-right font-mono text-[11px] text-faint">{keys}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
