"use client";
import { useState } from "react";
import { connectedInputPorts } from "@/lib/graph/upstream";
import { getNodeDefinition } from "@/lib/nodes";
import { downloadUrl, errorMessage, thumbnailUrl } from "@/lib/client/api-client";
import { useEditorStore } from "@/lib/client/editor-store";
import { absoluteTime, credits, duration, relativeTime } from "@/lib/client/format";
import { useRunViewStore } from "@/lib/client/run-view-store";
import type { NodeRun, Run, RunSummary } from "@/lib/client/types";
import { useEngine } from "@/lib/client/use-engine";
import { useRun } from "@/lib/client/use-run";
import { useWorkflowRuns } from "@/lib/client/use-workflow-runs";
import { Button } from "../ui/button";
import { ChevronDownIcon, ChevronUpIcon, DownloadIcon, ExpandIcon } from "../ui/icons";
import { Skeleton } from "../ui/skeleton";
import { Spinner } from "../ui/spinner";
import { StatusBadge } from "../ui/status-badge";
import { mediaFormat, mediaKind, mediaSizeLabel } from "@/lib/client/media";
import { Lightbox, type LightboxImage } from "./lightbox";
import { MediaView } from "./media-view";
import { LOCAL_ENGINE_NOTE } from "./studio-node";
import { useConnectionStore } from "@/lib/client/connection-store";
import { describeNodeError } from "@/lib/client/error-copy";
import { noOutputsSentence } from "@/lib/client/run-outcome";
import { itemCounts, itemSummary, loopItemRows, type LoopItemRow } from "@/lib/client/loop-progress";
import { ErrorDetails } from "../ui/error-details";
import { WaitingForYou } from "../workflows/waiting-for-you";

/** Bottom drawer: the run on display (status, nodes, outputs) and the run history. */
export function RunPanel({ workflowId }: { workflowId: string }) {
  const open = useRunViewStore((s) => s.panelOpen);
  const setOpen = useRunViewStore((s) => s.setPanelOpen);
  const viewedRunId = useRunViewStore((s) => s.viewedRunId);
  const liveRunId = useRunViewStore((s) => s.liveRunId);
  const view = useRunViewStore((s) => s.view);
  const run = useRun(viewedRunId);
  const runs = useWorkflowRuns(workflowId);
  const latestId = runs.data?.[0]?.id ?? null;
  const viewingOld = !!viewedRunId && !!latestId && viewedRunId !== latestId && viewedRunId !== liveRunId;
  const online = useConnectionStore((s) => s.online);
  const liveRun = useRun(liveRunId);
  // The history follows the live run (its status, then its outputs) before the list is fetched again.
  const history = withLiveRun(runs.data, liveRun.data);

  return (
    <section aria-label="Runs" data-testid="run-panel" className="nokey flex shrink-0 flex-col border-t border-line bg-panel">
      <div className="flex h-10 items-center gap-3 px-3">
        <button
          type="button"
          onClick={() => setOpen(!open)}
          aria-expanded={open}
          aria-controls="run-panel-body"
          className="flex items-center gap-1.5 rounded px-1.5 py-1 text-[12.5px] font-semibold hover:bg-panel-3 focus-visible:outline-2 focus-visible:outline-accent"
        >
          {open ? <ChevronDownIcon size={14} /> : <ChevronUpIcon size={14} />}
          Run
        </button>
        <RunSummaryLine
          run={run.data}
          loading={!!viewedRunId && run.isPending}
          hasRuns={(history?.length ?? 0) > 0 || !!liveRunId}
          reconnecting={!online && !!liveRunId}
        />
        <div className="flex-1" />
        <WaitingForYou variant="menu" workflowId={workflowId} onOpen={(waiting) => view(waiting.id)} />
        {viewingOld && (
          <span className="flex items-center gap-2 text-[12px] text-warn">
            Viewing an earlier run
            <Button size="sm" variant="ghost" onClick={() => view(liveRunId ?? latestId)}>
              Back to latest
            </Button>
          </span>
        )}
      </div>
      {open && (
        <div id="run-panel-body" className="flex h-[272px] min-h-0 border-t border-line">
          <div className="flex min-w-0 flex-1">
            {!viewedRunId ? (
              <div className="grid flex-1 place-items-center px-6 text-center text-[12.5px] text-muted">
                {liveRunId
                  ? "Starting the run…"
                  : runs.data && runs.data.length > 0
                    ? "Pick a run from the history to see its results."
                    : "No runs yet. Press Run (Ctrl/⌘ + Enter) to execute the saved workflow."}
              </div>
            ) : run.isPending ? (
              <div className="flex-1 space-y-2 p-4">
                <Skeleton className="h-4 w-1/3" />
                <Skeleton className="h-4 w-1/2" />
                <Skeleton className="h-4 w-2/5" />
              </div>
            ) : run.isError ? (
              <div role="alert" className="grid flex-1 place-items-center text-[12.5px] text-bad">
                {online
                  ? `Could not load this run: ${errorMessage(run.error)}`
                  : "Reconnecting… the run goes on on the server and shows here when the connection is back."}
              </div>
            ) : (
              <>
                <NodeTable run={run.data} />
                <Outputs run={run.data} />
              </>
            )}
          </div>
          <RunHistory
            runs={history}
            loading={runs.isPending && !liveRunId}
            error={runs.isError && !history?.length ? errorMessage(runs.error) : null}
            starting={!!liveRunId && !history?.some((r) => r.id === liveRunId)}
            viewedRunId={viewedRunId}
            onPick={view}
          />
        </div>
      )}
    </section>
  );
}

/** The run list with the live run's latest state in it (added on top when the list does not have it yet). */
function withLiveRun(runs: RunSummary[] | undefined, live: Run | undefined): RunSummary[] | undefined {
  if (!live) return runs;
  const summary: RunSummary = {
    id: live.id,
    status: live.status,
    error: live.error,
    workflowVersion: live.workflowVersion,
    createdAt: live.createdAt,
    startedAt: live.startedAt,
    finishedAt: live.finishedAt,
    credits: live.credits,
    outputs: live.outputs,
  };
  if (!runs) return [summary];
  return runs.some((r) => r.id === live.id) ? runs.map((r) => (r.id === live.id ? { ...r, ...summary } : r)) : [summary, ...runs];
}

function RunSummaryLine({ run, loading, hasRuns, reconnecting }: { run?: Run; loading: boolean; hasRuns: boolean; reconnecting: boolean }) {
  if (reconnecting) {
    return (
      <span className="flex items-center gap-1.5 text-[12px] text-warn" data-testid="run-reconnecting">
        <Spinner size={11} /> Reconnecting… the run goes on on the server
      </span>
    );
  }
  if (loading) return <Spinner size={12} label="Loading run" />;
  if (!run) return <span className="text-[12px] text-faint">{hasRuns ? "" : "Not run yet"}</span>;
  const done = run.nodes.filter((n) => n.status === "succeeded").length;
  return (
    <div className="flex min-w-0 items-center gap-2.5 text-[12px] whitespace-nowrap text-muted">
      <span data-testid="run-status" data-status={run.status} data-run-id={run.id}>
        <StatusBadge status={run.status} />
      </span>
      <span className="tabular-nums">
        {done}/{run.nodes.length} nodes
      </span>
      <span className="tabular-nums">{duration(run.startedAt ?? run.createdAt, run.finishedAt)}</span>
      <span className="tabular-nums">{credits(run.credits)}</span>
      {run.error && (
        <span className="min-w-0 truncate text-bad" title={describeNodeError(run.error).sentence}>
          {describeNodeError(run.error).sentence}
        </span>
      )}
    </div>
  );
}

function NodeTable({ run }: { run: Run }) {
  const nodes = useEditorStore((s) => s.nodes);
  const select = (id: string) =>
    useEditorStore.getState().onNodesChange(nodes.map((n) => ({ type: "select" as const, id: n.id, selected: n.id === id })));
  return (
    <div className="w-[50%] min-w-[400px] overflow-y-auto border-r border-line">
      <table className="w-full table-fixed text-[12px]" data-testid="run-node-table">
        <thead className="sticky top-0 z-10 bg-panel text-left text-[11px] tracking-wide text-faint uppercase">
          <tr>
            <th className="px-3 py-2 font-medium">Node · model</th>
            <th className="w-[92px] px-2 py-2 font-medium">Status</th>
            <th className="w-[60px] px-2 py-2 text-right font-medium">Credits</th>
            <th className="w-[68px] px-3 py-2 text-right font-medium">Time</th>
          </tr>
        </thead>
        <tbody>
          {run.nodes.map((n) => (
            <NodeRow key={n.nodeId} node={n} exists={nodes.some((x) => x.id === n.nodeId)} onSelect={select} />
          ))}
        </tbody>
      </table>
      <LoopItems rows={loopItemRows(run.nodes)} />
    </div>
  );
}

const ITEM_DOT: Record<string, string> = {
  succeeded: "bg-ok",
  failed: "bg-bad",
  running: "bg-accent animate-pulse",
  queued: "bg-panel-3 border border-line-strong",
  skipped: "bg-faint/40",
  canceled: "bg-faint",
};

/** A For each loop's items: each item's text, its state at every step of the loop, and why it failed. */
function LoopItems({ rows }: { rows: LoopItemRow[] }) {
  const nodes = useEditorStore((s) => s.nodes);
  if (rows.length === 0) return null;
  const title = (nodeId: string, nodeType: string) => {
    const own = nodes.find((n) => n.id === nodeId)?.data?.label;
    return (typeof own === "string" && own.trim()) || getNodeDefinition(nodeType)?.label || nodeType;
  };
  const done = rows.filter((r) => r.status === "succeeded").length;
  const failed = rows.filter((r) => r.status === "failed").length;
  return (
    <section className="border-t border-line" aria-label="Loop items" data-testid="loop-items">
      <h4 className="sticky top-0 z-10 flex items-center gap-2 bg-panel px-3 py-2 text-[11px] font-medium tracking-wide text-faint uppercase">
        Items
        <span className="tracking-normal normal-case tabular-nums" data-testid="loop-items-summary">
          {done} / {rows.length} done{failed ? `, ${failed} failed` : ""}
        </span>
      </h4>
      <ol className="pb-2 text-[12px]">
        {rows.map((row) => (
          <li
            key={row.index}
            className="border-t border-line/60 px-3 py-1.5"
            data-testid="loop-item"
            data-status={row.status}
            data-index={row.index}
          >
            <div className="flex items-center gap-2">
              <span className="w-6 shrink-0 text-right text-faint tabular-nums">{row.index + 1}</span>
              <span className="min-w-0 flex-1 truncate" title={row.item}>
                {row.item || "—"}
              </span>
              <span className="flex shrink-0 items-center gap-1" aria-label="Steps">
                {row.steps.map((step) => (
                  <span
                    key={step.nodeId}
                    role="img"
                    className={`h-2 w-2 rounded-full ${ITEM_DOT[step.run?.status ?? "queued"] ?? ITEM_DOT.queued}`}
                    title={`${title(step.nodeId, step.nodeType)}: ${step.run?.status ?? "queued"}`}
                    aria-label={`${title(step.nodeId, step.nodeType)}: ${step.run?.status ?? "queued"}`}
                  />
                ))}
              </span>
              <StatusBadge status={row.status} />
            </div>
            {row.error && (
              <div className="pl-8">
                <NodeError message={row.error} />
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A node's failure: the sentence, and what the server reported behind "Details". */
function NodeError({ message }: { message: string }) {
  const friendly = describeNodeError(message, { nodes: useEditorStore.getState().nodes });
  return (
    <span className="block text-[11.5px] whitespace-normal text-bad" data-testid="run-node-error">
      {friendly.sentence}
      <ErrorDetails details={friendly.details} />
    </span>
  );
}

function NodeRow({ node, exists, onSelect }: { node: NodeRun; exists: boolean; onSelect: (id: string) => void }) {
  const own = useEditorStore((s) => s.nodes.find((n) => n.id === node.nodeId)?.data?.label);
  const label = (typeof own === "string" && own.trim()) || getNodeDefinition(node.nodeType)?.label || node.nodeType;
  return (
    <tr className="border-t border-line align-top" data-testid="run-node-row" data-node-id={node.nodeId} data-status={node.status}>
      <td className="truncate px-3 py-1.5">
        {exists ? (
          <button
            type="button"
            onClick={() => onSelect(node.nodeId)}
            className="text-left hover:underline focus-visible:outline-2 focus-visible:outline-accent"
          >
            {label}
          </button>
        ) : (
          <span className="text-faint">{label}</span>
        )}
        {node.model && (
          <span className="block truncate font-mono text-[10.5px] text-muted" title={node.model} data-testid="run-node-model">
            {node.model}
          </span>
        )}
        {node.modelReason && (
          <span
            className="line-clamp-4 text-[11px] leading-snug whitespace-normal text-faint"
            title={node.modelReason}
            data-testid="run-node-model-reason"
          >
            {node.modelReason}
          </span>
        )}
        {node.error && <NodeError message={node.error} />}
      </td>
      <td className="px-2 py-1.5">
        <StatusBadge status={node.status} progress={node.progress} />
        {node.cached && <span className="mt-0.5 block text-[10.5px] text-faint">cached</span>}
        {itemCounts(node) && (
          <span className="mt-0.5 block text-[10.5px] text-muted tabular-nums" data-testid="run-node-items">
            {itemSummary(itemCounts(node)!)}
          </span>
        )}
      </td>
      <td className="px-2 py-1.5 text-right whitespace-nowrap text-muted tabular-nums">{credits(node.credits)}</td>
      <td className="px-3 py-1.5 text-right whitespace-nowrap text-muted tabular-nums">{duration(node.startedAt, node.finishedAt)}</td>
    </tr>
  );
}

function Outputs({ run }: { run: Run }) {
  const [zoomed, setZoomed] = useState<LightboxImage | null>(null);
  const { data: engine } = useEngine();
  const editorNodes = useEditorStore((s) => s.nodes);
  // The local engine's text-to-image cannot draw the prompt: say so when this run had such a node.
  const hasTextToImage = useEditorStore((s) =>
    s.nodes.some((n) => {
      if (!run.nodes.some((r) => r.nodeId === n.id && r.outputs.length > 0)) return false;
      const capability = n.type ? getNodeDefinition(n.type)?.capability : undefined;
      return capability?.(n.data, connectedInputPorts(n.id, s.edges)) === "txt2img";
    }),
  );
  return (
    <div className="min-w-0 flex-1 overflow-y-auto p-3">
      <div className="mb-2 flex items-center gap-2">
        <h3 className="text-[11px] font-medium tracking-wide text-faint uppercase">Outputs</h3>
        {engine?.id === "local" && hasTextToImage && <span className="text-[11px] text-warn/90">Text-to-image: {LOCAL_ENGINE_NOTE}</span>}
      </div>
      {run.outputs.length === 0 ? (
        <p className="text-[12.5px] text-faint">{noOutputsSentence(run, editorNodes)}</p>
      ) : (
        <ul className="grid grid-cols-[repeat(auto-fill,minmax(112px,1fr))] gap-2.5">
          {run.outputs.map((output) => (
            <li key={`${output.nodeId}:${output.assetId}`} className="overflow-hidden rounded-lg border border-line bg-panel-2">
              {mediaKind(output.mimeType) === "image" ? (
                <button
                  type="button"
                  onClick={() => setZoomed(output)}
                  aria-label={`View ${output.label} full size`}
                  className="group relative block w-full focus-visible:outline-2 focus-visible:outline-accent"
                >
                  <MediaView
                    media={output}
                    label={output.label}
                    testId="run-output"
                    assetId={output.assetId}
                    className="h-[132px] w-full object-contain"
                  />
                  <span className="absolute top-1.5 right-1.5 rounded bg-black/60 p-1 opacity-0 transition-opacity group-hover:opacity-100">
                    <ExpandIcon size={13} />
                  </span>
                </button>
              ) : (
                <div className="relative">
                  <MediaView
                    media={output}
                    label={output.label}
                    testId="run-output"
                    assetId={output.assetId}
                    asLink={false}
                    className="h-[132px] w-full rounded-none object-contain"
                  />
                  {mediaKind(output.mimeType) === "video" && (
                    <button
                      type="button"
                      onClick={() => setZoomed(output)}
                      aria-label={`View ${output.label} large`}
                      title="View large"
                      className="absolute top-1.5 right-1.5 rounded bg-black/60 p-1 text-fg hover:bg-black/80 focus-visible:outline-2 focus-visible:outline-accent"
                    >
                      <ExpandIcon size={13} />
                    </button>
                  )}
                </div>
              )}
              <div className="flex items-center gap-1 px-2 py-1.5">
                <div className="min-w-0 flex-1">
                  <p className="truncate text-[12px] font-medium">{output.label}</p>
                  <p className="text-[11px] text-faint tabular-nums">{mediaSizeLabel(output)}</p>
                </div>
                <a
                  href={downloadUrl(output.url)}
                  download
                  data-testid="download-link"
                  aria-label={`Download ${output.label}`}
                  title="Download"
                  className="grid h-7 w-7 place-items-center rounded-md text-muted hover:bg-panel-3 hover:text-fg focus-visible:outline-2 focus-visible:outline-accent"
                >
                  <DownloadIcon size={14} />
                </a>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Lightbox image={zoomed} onClose={() => setZoomed(null)} />
    </div>
  );
}

function RunHistory({
  runs,
  loading,
  error,
  starting,
  viewedRunId,
  onPick,
}: {
  runs?: RunSummary[];
  loading: boolean;
  error: string | null;
  /** A run was just started and is not in the list yet. */
  starting: boolean;
  viewedRunId: string | null;
  onPick: (id: string) => void;
}) {
  return (
    <div className="flex w-[248px] shrink-0 flex-col border-l border-line">
      <h3 className="px-3 pt-2.5 pb-1.5 text-[11px] font-medium tracking-wide text-faint uppercase">History</h3>
      <div className="min-h-0 flex-1 overflow-y-auto px-1.5 pb-2">
        {loading ? (
          <div className="space-y-1.5 px-1.5">
            <Skeleton className="h-8" />
            <Skeleton className="h-8" />
          </div>
        ) : error ? (
          <p role="alert" className="px-1.5 text-[12px] text-bad">
            {error}
          </p>
        ) : starting && !runs?.length ? (
          <p className="flex items-center gap-1.5 px-1.5 text-[12px] text-muted" data-testid="run-history-starting">
            <Spinner size={11} /> Starting the run…
          </p>
        ) : !runs?.length ? (
          <p className="px-1.5 text-[12px] text-faint">No runs yet.</p>
        ) : (
          <ul className="space-y-0.5" aria-label="Run history">
            {runs.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  onClick={() => onPick(r.id)}
                  aria-current={r.id === viewedRunId ? "true" : undefined}
                  data-testid="run-history-item"
                  data-run-id={r.id}
                  data-status={r.status}
                  className={`flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-[12px] focus-visible:outline-2 focus-visible:outline-accent ${
                    r.id === viewedRunId ? "bg-panel-3" : "hover:bg-panel-2"
                  }`}
                >
                  <StatusDot status={r.status} />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate" title={absoluteTime(r.createdAt)}>
                      {relativeTime(r.createdAt)}
                    </span>
                    <span className="block text-[11px] text-faint">
                      {r.outputs.length} output{r.outputs.length === 1 ? "" : "s"} · {credits(r.credits)}
                    </span>
                  </span>
                  {r.outputs[0] &&
                    (mediaKind(r.outputs[0].mimeType) === "image" ? (
                      <img src={thumbnailUrl(r.outputs[0].url)} alt="" className="checkerboard h-8 w-8 rounded object-cover" />
                    ) : (
                      <span
                        className="grid h-8 w-8 place-items-center rounded bg-panel-3 font-mono text-[9px] text-muted"
                        aria-hidden="true"
                      >
                        {mediaFormat(r.outputs[0].mimeType).slice(0, 4)}
                      </span>
                    ))}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function StatusDot({ status }: { status: RunSummary["status"] }) {
  const colour =
    status === "succeeded"
      ? "bg-ok"
      : status === "failed"
        ? "bg-bad"
        : status === "running"
          ? "bg-accent animate-pulse"
          : status === "queued"
            ? "bg-muted"
            : "bg-faint";
  return <span className={`h-2 w-2 shrink-0 rounded-full ${colour}`} aria-label={status} role="img" />;
}
