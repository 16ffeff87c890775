/**
 * What the run panel says when a finished run has no outputs (issue 9): "no outputs" only when
 * the workflow has no Output node; otherwise which node stopped the outputs (by its title, never
 * its id). Pure module.
 */
import { getNodeDefinition } from "@/lib/nodes";
import type { RunDto } from "@/lib/runs/run-dto-types";
import { nodeTitle, type NamedNode } from "./error-copy";

const ACTIVE = new Set(["queued", "running"]);

/**
 * The sentence for a run without outputs.
 * @param run the run (its status and node runs, in graph order);
 * @param nodes the editor's nodes, to name nodes by their own title when they have one.
 */
export function noOutputsSentence(run: Pick<RunDto, "status" | "nodes">, nodes: readonly NamedNode[] = []): string {
  const title = (nodeId: string, nodeType: string) => {
    const name = nodeTitle(nodes.find((n) => n.id === nodeId) ?? { id: nodeId, type: nodeType }) ?? "a";
    return `the ${name} node`;
  };
  if (ACTIVE.has(run.status)) return "Outputs appear here as Output nodes finish.";
  const waiting = run.nodes.find((n) => n.status === "waiting");
  if (run.status === "waiting" && waiting) {
    return `The run waits at ${title(waiting.nodeId, waiting.nodeType)}: choose its candidates on the canvas to continue.`;
  }
  const sinks = run.nodes.filter((n) => getNodeDefinition(n.nodeType)?.role === "sink");
  if (sinks.length === 0) return "This run produced no outputs: the workflow has no Output node. Connect one to collect results.";
  const sink = sinks.find((n) => n.status === "skipped" || n.status === "canceled") ?? sinks[0];
  const who = title(sink.nodeId, sink.nodeType).replace(/^the/, "The");
  const failed = run.nodes.find((n) => n.status === "failed");
  if (failed) return `${who} received nothing: ${title(failed.nodeId, failed.nodeType)} failed, so the steps after it were skipped.`;
  const canceled = run.nodes.find((n) => n.status === "canceled" && getNodeDefinition(n.nodeType)?.role !== "sink");
  if (run.status === "canceled" || canceled) {
    return `${who} received nothing: the run was canceled${canceled ? ` before ${title(canceled.nodeId, canceled.nodeType)} finished` : ""}.`;
  }
  if (sink.status === "skipped") return `${who} was skipped: nothing reached it.`;
  return `${who} received no image: the steps before it produced nothing.`;
}
