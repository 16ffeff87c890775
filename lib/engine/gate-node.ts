/**
 * Gate nodes (role `gate`, e.g. Pick: lib/nodes/pick.ts) in the executor.
 *
 * - First time the run reaches a gate: its node run becomes `waiting` with the candidates recorded
 *   in `request.pick` (`PickRecord`), and the gate is "held": nothing downstream of it starts
 *   (the executor holds those nodes too), while the other branches go on. When nothing else can
 *   run, the run ends its execution `waiting` (lib/engine/executor.ts).
 * - A person's choice is written into `request.pick.choice` by lib/runs/pick-candidates.ts, which
 *   queues the run again; executed again, the run reuses every node run already succeeded (no
 *   model call twice: lib/engine/reuse-node-run.ts) and the gate succeeds with the picked images.
 * - Routing (`modelPurposes`): an Auto model node upstream of a gate makes candidates (fast
 *   model), one downstream of a gate makes the final (quality model); shared/reference/
 *   model-routing-image-models.txt, "Fast for candidates, full-quality for locks".
 *
 * Imports no React, Next.js or Prisma.
 */
import type { ExecutionPlan, ResolvedEdge, ResolvedNode } from "../graph/validate";
import type { ImageRef } from "../nodes/types";
import { NodeFailure } from "./errors";
import type { ModelPurpose } from "./model-choice";
import type { NodeValue } from "./model-node-request";
import type { ExecutionStore, NodeRunState } from "./types";

/** What a gate's node run records in `request.pick`. */
export interface PickRecord {
  /** The images the run paused with, in order. */
  candidates: ImageRef[];
  /** How many may be picked (lib/nodes/pick.ts `pickBounds`). */
  min: number;
  max: number;
  /** The node's message for whoever chooses ("" when none). */
  message: string;
  /** Set by the pick route: the asset ids picked (none when rejected), who chose and when (ISO 8601). */
  choice?: { assetIds: string[]; rejected?: boolean; byUserId: string | null; at: string };
}

/** The `request.pick` record of a node run, or null when it has none (not a gate, or not reached yet). */
export function pickRecordOf(request: unknown): PickRecord | null {
  const pick = (request as { pick?: unknown } | null | undefined)?.pick as PickRecord | undefined;
  return pick && Array.isArray(pick.candidates) ? pick : null;
}

export interface GateResult {
  value: NodeValue;
  credits: number;
  /** True while the gate waits for a choice: its successors must not start. */
  held: boolean;
}

/**
 * Runs a gate node: succeeds with the recorded choice, or records the candidates and waits.
 * @param incoming the gate's incoming edges; its candidates are the images on `gate.candidatesPort`.
 * @throws NodeFailure when the gate received no image.
 */
export async function runGateNode(
  ctx: { runId: string; store: ExecutionStore; previous: ReadonlyMap<string, NodeRunState> },
  resolved: ResolvedNode,
  incoming: readonly ResolvedEdge[],
  valueOf: (nodeId: string) => NodeValue | undefined,
): Promise<GateResult> {
  const { node, definition, params } = resolved;
  const gate = definition.gate!;
  const port = gate.candidatesPort;
  const candidates = incoming.filter((edge) => edge.targetHandle === port).flatMap((edge) => valueOf(edge.source)?.images ?? []);
  if (candidates.length === 0) throw new NodeFailure(`input "${port}" received no image from upstream`);

  const recorded = pickRecordOf(ctx.previous.get(node.id)?.request);
  if (recorded?.choice) {
    const chosen = new Set(recorded.choice.assetIds);
    const picked = recorded.candidates.filter((image) => chosen.has(image.assetId));
    await ctx.store.updateNodeRun(ctx.runId, node.id, { status: "succeeded", progress: 1, outputs: picked, finishedAt: new Date() });
    return { value: { images: picked }, credits: 0, held: false };
  }
  const bounds = gate.bounds(params, candidates.length);
  const record: PickRecord = { candidates, min: bounds.min, max: bounds.max, message: gate.message(params) };
  await ctx.store.updateNodeRun(ctx.runId, node.id, {
    status: "waiting",
    progress: 0,
    request: { pick: record },
    outputs: [],
    error: null,
    startedAt: new Date(),
  });
  return { value: { images: [] }, credits: 0, held: true };
}

/**
 * The routing purpose of each model node, from the graph's shape (definitions' roles only):
 * upstream of a gate → "candidates"; otherwise downstream of a gate → "final". Nodes in no
 * relation to a gate are absent (the outputs count decides, as before).
 */
export function modelPurposes(plan: Pick<ExecutionPlan, "nodes" | "edges">): Map<string, { purpose: ModelPurpose; gateLabel: string }> {
  const out = new Map<string, string[]>();
  const inc = new Map<string, string[]>();
  for (const edge of plan.edges) {
    (out.get(edge.source) ?? out.set(edge.source, []).get(edge.source)!).push(edge.target);
    (inc.get(edge.target) ?? inc.set(edge.target, []).get(edge.target)!).push(edge.source);
  }
  const reach = (from: string, next: Map<string, string[]>) => {
    const seen = new Set<string>();
    const stack = [...(next.get(from) ?? [])];
    while (stack.length) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(next.get(id) ?? []));
    }
    return seen;
  };
  const purposes = new Map<string, { purpose: ModelPurpose; gateLabel: string }>();
  const gates = [...plan.nodes.values()].filter((n) => n.definition.role === "gate");
  const isModel = (id: string) => plan.nodes.get(id)?.definition.role === "model";
  for (const gate of gates) {
    for (const id of reach(gate.node.id, out)) {
      if (isModel(id) && !purposes.has(id)) purposes.set(id, { purpose: "final", gateLabel: gate.definition.label });
    }
  }
  for (const gate of gates) {
    for (const id of reach(gate.node.id, inc)) {
      if (isModel(id)) purposes.set(id, { purpose: "candidates", gateLabel: gate.definition.label });
    }
  }
  return purposes;
}
