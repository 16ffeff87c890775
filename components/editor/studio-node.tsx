"use client";
/**
 * The one node component for every kind: label, typed handles (id = port name), status,
 * progress, outputs, errors and chosen model, all read from the node's definition and the
 * run on display. Registered for each type in `nodeTypes` (canvas.tsx).
 */
import { Handle, Position, useStore, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { useShallow } from "zustand/react/shallow";
import { getNodeDefinition, type AnyNodeDefinition } from "@/lib/nodes";
import type { PortSpec } from "@/lib/graph/ports";
import { assetThumbUrl } from "@/lib/client/api-client";
import { connectedInputsOf, connectedOutputsOf } from "@/lib/client/connected-inputs";
import { useEditorStore } from "@/lib/client/editor-store";
import { describeIssue, describeNodeError } from "@/lib/client/error-copy";
import type { GraphIssue } from "@/lib/graph/issues";
import type { StudioNode } from "@/lib/client/graph-doc";
import type { NodeRun } from "@/lib/client/types";
import { useAsset } from "@/lib/client/use-asset";
import { useEngine } from "@/lib/client/use-engine";
import { useNodeRunState } from "@/lib/client/use-node-run-state";
import { itemCounts, itemSummary } from "@/lib/client/loop-progress";
import { useRunViewStore } from "@/lib/client/run-view-store";
import { useUploadStore } from "@/lib/client/upload-store";
import { StatusBadge } from "../ui/status-badge";
import { AlertIcon } from "../ui/icons";
import { mediaKind, mediaSizeLabel } from "@/lib/client/media";
import { MediaView } from "./media-view";
import { PickChooser } from "./pick-chooser";
import { NodeChip, assetFieldOf, modelFieldOf } from "./node-appearance";
import { selectCompact } from "./compact-zoom";
import { TransformResult } from "./transform-result";

export const LOCAL_ENGINE_NOTE = "local preview engine — does not draw the prompt";

/**
 * Below COMPACT_ZOOM the compact card, else the full one: two components, so a zoomed-out card
 * (hundreds of them mount and unmount while a big graph pans) subscribes only to what it shows.
 */
function StudioNodeView(props: NodeProps<StudioNode>) {
  const compact = useStore(selectCompact);
  const definition = getNodeDefinition(props.type);
  if (!definition) {
    return (
      <div data-testid={`node-${props.id}`} data-status="idle" className="rounded-lg border border-bad bg-panel px-3 py-2 text-bad">
        Unknown node type “{props.type}”
      </div>
    );
  }
  return compact ? <CompactCard {...props} definition={definition} /> : <FullCard {...props} definition={definition} />;
}

/** The card's border colour: an error first, then selection, then the run status. */
function borderClass(hasError: boolean, selected: boolean, status: string): string {
  return hasError
    ? "border-bad/80"
    : selected
      ? "border-accent"
      : status === "running"
        ? "border-accent/60"
        : status === "waiting"
          ? "border-warn/70"
          : "border-line-strong";
}

function FullCard({ id, type, data: stored, selected, definition }: NodeProps<StudioNode> & { definition: AnyNodeDefinition }) {
  const run = useNodeRunState(id);
  const viewedRunId = useRunViewStore((s) => s.viewedRunId);
  const issues = useEditorStore((s) => s.issues[id]);
  const warnings = useEditorStore((s) => s.warnings[id]);
  // One lookup per edges array (lib/client/connected-inputs.ts); the same set while this node's wires stay.
  const connectedSet = useEditorStore(useShallow((s) => connectedInputsOf(s.edges, id)));
  const usedOutputs = useEditorStore((s) => connectedOutputsOf(s.edges, id));
  const upload = useUploadStore((s) => s.uploads[id]);
  const { data: engine } = useEngine();

  // Parameters missing from the saved data count as their defaults.
  const data = { ...definition.defaults, ...stored };
  const status = run?.status ?? "idle";
  const issuePorts = new Set((issues ?? []).map((i) => i.port).filter(Boolean));
  const outputs = shownOutputs(definition, data, connectedSet, usedOutputs);
  const rows = Math.max(definition.inputs.length, outputs.length);
  const modelField = modelFieldOf(definition);
  const chosenModel = modelField
    ? (run?.model ?? (data[modelField.name] && data[modelField.name] !== "auto" ? String(data[modelField.name]) : "Auto"))
    : null;
  const hasError = status === "failed" || (issues?.length ?? 0) > 0;
  const isTextToImage = definition.capability?.(data, connectedSet) === "txt2img";
  const summary = summarizeParams(definition, data);
  const portLabels = renamedPorts(definition, data);
  const border = borderClass(hasError, Boolean(selected), status);

  return (
    <div
      data-testid={`node-${id}`}
      data-status={status}
      data-node-type={type}
      data-invalid={issues?.length ? "true" : undefined}
      className={`w-[248px] rounded-[10px] border bg-panel shadow-lg shadow-black/40 ${border} ${selected ? "ring-2 ring-accent/30" : ""}`}
    >
      <header className="flex items-center gap-2 px-3 pt-2.5 pb-2">
        <NodeChip definition={definition} size="sm" />
        <span className="min-w-0 flex-1 truncate text-[13px] font-semibold">{definition.label}</span>
        {run && <StatusBadge status={run.status} progress={run.progress} />}
      </header>
      {summary && (
        <p className="-mt-1 truncate px-3 pb-1.5 text-[11.5px] text-muted tabular-nums" title={summary} data-testid="node-summary">
          {summary}
        </p>
      )}

      <LoopLine run={run} />

      {(chosenModel || run?.cached) && (
        <div className="-mt-1 px-3 pb-1.5">
          <div className="flex items-center gap-1.5">
            {chosenModel && (
              <p
                className="min-w-0 flex-1 truncate font-mono text-[10.5px] text-muted"
                title={run?.model ? `Model: ${run.model}` : "Model"}
                data-testid="node-model"
              >
                {chosenModel}
              </p>
            )}
            {run?.cached && (
              <span
                data-testid="cached-pill"
                title="Reused an earlier identical result: no model call"
                className="ml-auto shrink-0 rounded-full border border-line-strong px-1.5 text-[10px] leading-4 text-muted"
              >
                cached
              </span>
            )}
          </div>
          {run?.modelReason && (
            <p
              className="mt-0.5 line-clamp-2 text-[10.5px] leading-snug text-faint"
              title={run.modelReason}
              data-testid="node-model-reason"
            >
              {run.modelReason}
            </p>
          )}
        </div>
      )}

      {rows > 0 && (
        <div className="border-t border-line py-1">
          {Array.from({ length: rows }, (_, i) => (
            <div key={i} className="relative flex h-6 items-center justify-between gap-2 px-3.5 text-[11.5px]">
              {definition.inputs[i] ? (
                <InputPort
                  port={withLabel(definition.inputs[i], portLabels)}
                  connected={connectedSet.has(definition.inputs[i].name)}
                  hasIssue={issuePorts.has(definition.inputs[i].name)}
                />
              ) : (
                <span />
              )}
              {outputs[i] && <OutputPort port={withLabel(outputs[i], portLabels)} />}
            </div>
          ))}
        </div>
      )}

      {status === "running" && <ProgressBar progress={run?.progress ?? 0} />}
      {upload?.status === "uploading" && (
        <div className="px-3 pb-2">
          <p className="mb-1 text-[11px] text-muted">Uploading {Math.round(upload.progress * 100)}%</p>
          <ProgressBar progress={upload.progress} inset={false} />
        </div>
      )}

      {run?.status === "waiting" && run.pick && viewedRunId ? (
        <div className="border-t border-line px-3 py-2.5">
          <PickChooser runId={viewedRunId} node={run} compact onPicked={() => useRunViewStore.getState().startLive(viewedRunId)} />
        </div>
      ) : (
        <NodePreview definition={definition} data={data} run={run} connected={connectedSet} />
      )}
      {definition.role === "transform" && run?.status === "succeeded" && <TransformResult definition={definition} run={run} />}

      {isTextToImage && engine?.id === "local" && (run?.outputs.length ?? 0) > 0 && (
        <p className="px-3 pb-2 text-[10.5px] text-warn/90" data-testid="local-engine-note">
          {LOCAL_ENGINE_NOTE}
        </p>
      )}

      {(run?.notes?.length ?? 0) > 0 && !run?.error && (
        <div className="space-y-1 border-t border-line px-3 py-2 text-[11px] text-muted" data-testid="node-run-notes">
          {run!.notes!.map((note, i) => (
            <p key={i}>{note}</p>
          ))}
        </div>
      )}

      {(warnings?.length ?? 0) > 0 && !run?.error && !run?.notes?.length && (
        <div className="space-y-1 border-t border-warn/30 px-3 py-2 text-[11px]" data-testid="node-model-warnings">
          {warnings!.map((warning, i) => (
            <p key={i} className={`flex gap-1.5 ${warning.code === "model_refusal" ? "text-warn" : "text-muted"}`} data-code={warning.code}>
              {warning.code === "model_refusal" && <AlertIcon size={12} className="mt-0.5 shrink-0" />}
              <span>{warning.message}</span>
            </p>
          ))}
        </div>
      )}

      {(run?.error || issues?.length || upload?.status === "error") && (
        <div
          className="space-y-1 border-t border-bad/30 bg-bad-soft px-3 py-2 text-[11.5px] text-[#ffb0b0]"
          data-testid="node-error"
          role="alert"
        >
          {upload?.status === "error" && <p>{upload.error}</p>}
          {run?.error && <p>{describeNodeError(run.error).sentence}</p>}
          {issues?.map((issue, i) => (
            <p key={i} className="flex gap-1.5">
              <AlertIcon size={12} className="mt-0.5 shrink-0" />
              <span>{issueOnNode(issue)}</span>
            </p>
          ))}
        </div>
      )}
    </div>
  );
}

/**
 * The card below COMPACT_ZOOM (compact-zoom.ts): the kind's chip and title in large type and the run status,
 * same width as the full card, no shadow. Its handles (the same ids, so the edges stay) are
 * spread along the card's sides. The card is not positioned itself: its handles are placed
 * against React Flow's node box (the same size), one layer fewer per card for the browser to
 * paint and hit-test while the view pans.
 */
function CompactCard({ id, type, selected, definition }: NodeProps<StudioNode> & { definition: AnyNodeDefinition }) {
  const run = useNodeRunState(id);
  const issues = useEditorStore((s) => s.issues[id]);
  const connected = useEditorStore(useShallow((s) => connectedInputsOf(s.edges, id)));
  const status = run?.status ?? "idle";
  const invalid = (issues?.length ?? 0) > 0;
  const issuePorts = new Set((issues ?? []).map((i) => i.port).filter(Boolean));
  const border = borderClass(status === "failed" || invalid, Boolean(selected), status);
  const spread = (i: number, count: number) => ({ top: `${((i + 1) / (count + 1)) * 100}%` });
  return (
    <div
      data-testid={`node-${id}`}
      data-status={status}
      data-node-type={type}
      data-compact="true"
      data-invalid={invalid ? "true" : undefined}
      className={`w-[248px] rounded-[14px] border-[3px] bg-panel px-4 py-4 ${border} ${selected ? "ring-4 ring-accent/40" : ""}`}
    >
      <div className="flex items-center gap-3">
        <NodeChip definition={definition} size="lg" />
        <span className="line-clamp-2 min-w-0 flex-1 text-[30px] leading-[1.1] font-semibold">{definition.label}</span>
      </div>
      {run && <StatusBadge status={run.status} progress={run.progress} size="lg" className="mt-3" />}
      {definition.inputs.map((port, i) => (
        <Handle
          key={port.name}
          type="target"
          position={Position.Left}
          id={port.name}
          style={spread(i, definition.inputs.length)}
          className={`port port-compact port-${port.type} ${issuePorts.has(port.name) ? "has-issue" : ""} ${connected.has(port.name) ? "" : "opacity-60"}`}
          title={`${port.label} (${port.type}${port.required ? ", required" : ""})`}
          aria-label={`${port.label} input, ${port.type}`}
        />
      ))}
      {definition.outputs.map((port, i) => (
        <Handle
          key={port.name}
          type="source"
          position={Position.Right}
          id={port.name}
          style={spread(i, definition.outputs.length)}
          className={`port port-compact port-${port.type}`}
          title={`${port.label} (${port.type})`}
          aria-label={`${port.label} output, ${port.type}`}
        />
      ))}
    </div>
  );
}

/** A loop's progress: on a body node "12 / 20 done, 1 failed"; on a For each or End, how many items it has. */
function LoopLine({ run }: { run?: NodeRun }) {
  const counts = itemCounts(run);
  if (!counts && !run?.loopItems) return null;
  const text = counts ? itemSummary(counts) : `${run!.loopItems!.length} item${run!.loopItems!.length === 1 ? "" : "s"}`;
  return (
    <p
      className={`-mt-1 truncate px-3 pb-1.5 text-[11.5px] tabular-nums ${counts?.failed ? "text-bad" : "text-muted"}`}
      title={text}
      data-testid="node-item-progress"
    >
      {text}
    </p>
  );
}

/** The definition's one-line summary of the parameters ("Instagram story · 1080 × 1920 px"), or null when they do not parse. */
function summarizeParams(definition: AnyNodeDefinition, data: Record<string, unknown>): string | null {
  if (!definition.summarize) return null;
  const parsed = definition.paramsSchema.safeParse(data);
  return parsed.success ? definition.summarize(parsed.data) : null;
}

/** The output ports the card shows: the definition's visible ones for these parameters, plus any connected. */
function shownOutputs(
  definition: AnyNodeDefinition,
  data: Record<string, unknown>,
  connectedInputs: ReadonlySet<string>,
  usedOutputs: ReadonlySet<string>,
): readonly PortSpec[] {
  if (!definition.visibleOutputs) return definition.outputs;
  const parsed = definition.paramsSchema.safeParse(data);
  if (!parsed.success) return definition.outputs;
  const visible = new Set([...definition.visibleOutputs(parsed.data, connectedInputs), ...usedOutputs]);
  return definition.outputs.filter((port) => visible.has(port.name));
}

/** Port labels the parameters rename (a Text template's inputs), or null. */
function renamedPorts(definition: AnyNodeDefinition, data: Record<string, unknown>): Readonly<Record<string, string>> | null {
  if (!definition.portLabels) return null;
  const parsed = definition.paramsSchema.safeParse(data);
  return parsed.success ? definition.portLabels(parsed.data) : null;
}

const withLabel = (port: PortSpec, labels: Readonly<Record<string, string>> | null): PortSpec =>
  labels?.[port.name] ? { ...port, label: labels[port.name] } : port;

function InputPort({ port, connected, hasIssue }: { port: PortSpec; connected: boolean; hasIssue: boolean }) {
  return (
    <>
      <Handle
        type="target"
        position={Position.Left}
        id={port.name}
        className={`port port-${port.type} ${hasIssue ? "has-issue" : ""}`}
        title={`${port.label} (${port.type}${port.required ? ", required" : ""})`}
        aria-label={`${port.label} input, ${port.type}`}
      />
      <span className={`truncate ${connected ? "text-fg" : "text-muted"} ${hasIssue ? "!text-bad" : ""}`}>
        {port.label}
        {port.required && !connected && <span className="ml-1 text-faint">*</span>}
      </span>
    </>
  );
}

function OutputPort({ port }: { port: PortSpec }) {
  return (
    <>
      <span className="ml-auto truncate text-muted">{port.label}</span>
      <Handle
        type="source"
        position={Position.Right}
        id={port.name}
        className={`port port-${port.type}`}
        title={`${port.label} (${port.type})`}
        aria-label={`${port.label} output, ${port.type}`}
      />
    </>
  );
}

function ProgressBar({ progress, inset = true }: { progress: number; inset?: boolean }) {
  const known = progress > 0;
  return (
    <div className={inset ? "px-3 pb-2" : ""}>
      <div
        className="relative h-1 overflow-hidden rounded-full bg-panel-3"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={known ? Math.round(progress * 100) : undefined}
      >
        {known ? (
          <div
            className="h-full rounded-full bg-accent transition-[width] duration-300"
            style={{ width: `${Math.min(100, progress * 100)}%` }}
          />
        ) : (
          <div className="progress-indeterminate h-full w-2/5 rounded-full bg-accent" />
        )}
      </div>
    </div>
  );
}

/**
 * Height of the preview frame (px). Outputs show as thumbnails inside it (up to four, 2 × 2),
 * and nodes that produce media keep the empty frame before their first run, so a card is the
 * same size before and after a run and its neighbours are never covered.
 */
const PREVIEW_FRAME_HEIGHT = 148;

/** Outputs of the run on display; else the uploaded image; else a text parameter's snippet. */
function NodePreview({
  definition,
  data,
  run,
  connected,
}: {
  definition: AnyNodeDefinition;
  data: Record<string, unknown>;
  run?: NodeRun;
  connected: ReadonlySet<string>;
}) {
  const outputs = run?.outputs ?? [];
  const assetField = assetFieldOf(definition);
  if (assetField && outputs.length === 0) {
    const assetId = data[assetField.name];
    if (typeof assetId === "string" && assetId) return <AssetPreview assetId={assetId} />;
    return (
      <div
        className="mx-2 mb-2 grid place-items-center rounded-md border border-dashed border-line-strong px-3 text-center text-[11.5px] text-faint"
        style={{ height: PREVIEW_FRAME_HEIGHT }}
      >
        Drop an image here or upload it in the inspector
      </div>
    );
  }
  const textField = definition.fields.find((f) => (f.kind === "textarea" || f.kind === "text") && !connected.has(f.name));
  const text = textField ? data[textField.name] : undefined;
  const snippet =
    typeof text === "string" && text.trim() ? (
      <p className="mx-3 mb-2.5 line-clamp-3 rounded-md bg-panel-2 px-2 py-1.5 text-[11.5px] text-muted">{text}</p>
    ) : null;
  // Model and Output nodes (which handle images or other media) keep a frame for their results.
  // Transform nodes pass values on; what they produced shows in TransformResult instead.
  const makesMedia =
    definition.role !== "source" &&
    definition.role !== "transform" &&
    [...definition.outputs, ...definition.inputs].some((p) => p.type === "image" || p.type === "asset");
  if (outputs.length > 0) {
    const shown = outputs.slice(0, 4);
    return (
      <>
        {makesMedia && snippet}
        <div
          className={`mx-2 mb-2 grid gap-1 ${shown.length > 1 ? "grid-cols-2" : "grid-cols-1"} ${shown.length > 2 ? "grid-rows-2" : "grid-rows-1"}`}
          style={{ height: PREVIEW_FRAME_HEIGHT }}
          data-testid="node-preview-frame"
        >
          {shown.map((output) => {
            const kind = mediaKind(output.mimeType);
            return (
              <MediaView
                key={output.assetId}
                media={output}
                assetId={output.assetId}
                label={`${definition.label} output, ${mediaSizeLabel(output)}`}
                testId="node-output"
                className={`h-full min-h-0 w-full rounded-md ${kind === "image" || kind === "video" ? "object-contain" : ""}`}
              />
            );
          })}
        </div>
      </>
    );
  }
  if (makesMedia) {
    return (
      <>
        {snippet}
        <div
          className="mx-2 mb-2 grid place-items-center rounded-md border border-dashed border-line px-3 text-center text-[11.5px] text-faint"
          style={{ height: PREVIEW_FRAME_HEIGHT }}
          data-testid="node-preview-frame"
        >
          {run?.status === "running"
            ? "Working…"
            : run?.status === "queued"
              ? "Waiting for the steps before it"
              : "The result shows here after a run"}
        </div>
      </>
    );
  }
  return snippet;
}

function AssetPreview({ assetId }: { assetId: string }) {
  const { data: asset } = useAsset(assetId);
  return (
    <figure className="px-2 pb-2">
      <img
        src={assetThumbUrl(assetId)}
        alt="Uploaded image"
        data-testid="node-asset"
        draggable={false}
        style={{ height: PREVIEW_FRAME_HEIGHT }}
        className="checkerboard w-full rounded-md object-contain"
      />
      {asset && (
        <figcaption className="mt-1 text-[10.5px] text-faint tabular-nums">
          {asset.width} × {asset.height} px
        </figcaption>
      )}
    </figure>
  );
}

export const StudioNodeComponent = memo(StudioNodeView);

/** An issue as the node card shows it, naming nodes by their title (lib/client/error-copy.ts). */
function issueOnNode(issue: GraphIssue): string {
  return describeIssue(issue, { nodes: useEditorStore.getState().nodes });
}
