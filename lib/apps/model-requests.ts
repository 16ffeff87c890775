/**
 * The provider requests one run of a validated graph would make, without running it: what a
 * cost preview prices and what the save-time check reports. Walks the plan in execution order
 * the way the executor does, through the same function (lib/engine/model-node-request.ts:
 * inputs, Auto choice, request built from the chosen model's schema), carrying the expected size
 * of each image forward (the builder's expected output size, else the input's) so that
 * size-dependent requests (Expand, Upscale) are built as they will be. Transform nodes are
 * evaluated as the executor does (lib/engine/transform-node.ts); the nodes after an output port
 * they leave empty (an If / else's branches not taken) make no request. A For each loop's body
 * nodes are planned once, with the first item, and their `count` multiplied by the number of
 * items (lib/graph/loops.ts); its End passes on as many images as the items would give. A gate (Pick) passes on
 * the most images its bounds allow (the price before anyone has chosen is the highest).
 *
 * Pure module: model ranking and schemas are injected.
 */
import {
  collectModelInputs,
  paramAssetIds,
  prepareModelNode,
  withPortParams,
  type NodeValue,
  type RankModels,
} from "../engine/model-node-request";
import type { SchemaSource } from "../engine/model-schemas";
import { evaluateTransformNode } from "../engine/transform-node";
import { findLoops } from "../graph/loops";
import { modelPurposes } from "../engine/gate-node";
import type { ExecutionPlan } from "../graph/validate";
import type { RequestNote, RequestRefusal } from "../nodes/prepare-request/types";
import type { ImageRef, LoopSpec } from "../nodes/types";
import { portValue } from "../engine/model-node-request";

/** Size assumed for an image whose size is unknown (an Image input not filled in yet). */
export const UNKNOWN_IMAGE_SIZE = { width: 1024, height: 1024 } as const;

/** One model node's requests in a run. */
export interface PlannedModelRequest {
  nodeId: string;
  nodeType: string;
  capability: string;
  /** The model the node will use ("Auto" resolved), or null when none could be chosen. */
  modelId: string | null;
  /** Why the node cannot run as it is (the request builder's refusal), in a designer's words. */
  problem?: string;
  refusal?: RequestRefusal;
  /** What the builder changed or left out for this model. */
  notes: RequestNote[];
  /** The body of the node's first request (null when it could not be built); file fields hold studio asset ids. */
  body: Record<string, unknown> | null;
  /** How many requests the node makes in one run (one per input image). */
  count: number;
}

/**
 * @param plan a validated plan (validateGraph(...).plan).
 * @param imageSize size of a studio asset by id, or undefined when unknown.
 * @param rankModels ranks the models of an "Auto" node (throws when none qualifies).
 * @param schemas where model schemas come from (the provider's, else the catalog's).
 * @returns one entry per model node, in execution order.
 */
export async function planModelRequests(
  plan: ExecutionPlan,
  imageSize: (assetId: string) => { width: number; height: number } | undefined,
  rankModels: RankModels,
  schemas: SchemaSource,
): Promise<PlannedModelRequest[]> {
  const values = new Map<string, NodeValue>();
  const planned: PlannedModelRequest[] = [];
  let counter = 0;
  const purposes = modelPurposes(plan);
  const simulated = (width: number, height: number, model?: string): ImageRef => ({
    assetId: `estimate-${++counter}`,
    url: "",
    width: Math.round(width),
    height: Math.round(height),
    model,
  });
  const known = (assetId: string): ImageRef => ({ assetId, url: "", ...(imageSize(assetId) ?? UNKNOWN_IMAGE_SIZE) });

  // Nodes that will not run: fed by an output port a transform node left empty, or after one.
  const notRun = new Set<string>();
  // For each loops: how many times each body node runs (the loop's item count, known when its start is reached).
  const { loops } = findLoops(plan.nodes, plan.edges);
  const repeats = new Map<string, number>();
  for (const id of plan.order) {
    const resolved = plan.nodes.get(id)!;
    const { node, definition, params } = resolved;
    const incoming = plan.edges.filter((edge) => edge.target === id);
    if (notRun.has(id) || incoming.some((edge) => notRun.has(edge.source))) {
      notRun.add(id);
      continue;
    }
    if (definition.role === "transform") {
      try {
        const outcome = await evaluateTransformNode(resolved, incoming, (source) => values.get(source));
        values.set(id, outcome.value);
        for (const edge of plan.edges) if (edge.source === id && outcome.emptyPorts.includes(edge.sourceHandle)) notRun.add(edge.target);
      } catch {
        // The run will fail this node (its sentence shows then); price what follows as if it gave nothing.
        values.set(id, { images: [], ports: {} });
      }
      continue;
    }

    if (definition.role === "loop") {
      const spec = definition.loop as LoopSpec;
      const loop = loops.find((l) => (spec.boundary === "start" ? l.startId : l.endId) === id);
      if (spec.boundary === "start") {
        const listEdge = incoming.find((e) => e.targetHandle === spec.listPort);
        const list = listEdge ? portValue(values.get(listEdge.source), listEdge.sourceHandle) : undefined;
        const items = typeof list === "string" ? [list] : Array.isArray(list) ? list.filter((v): v is string => typeof v === "string") : [];
        for (const bodyId of loop?.body ?? []) repeats.set(bodyId, items.length);
        values.set(id, { text: items[0] ?? "", images: [], ports: { [spec.itemPort]: items[0] ?? "" } });
      } else {
        // One item's images, repeated for every item.
        const times = loop ? (repeats.get([...loop.body][0]) ?? 1) : 1;
        const ports: Record<string, ImageRef[] | string[]> = {};
        for (const edge of incoming) {
          const value = portValue(values.get(edge.source), edge.sourceHandle);
          const out = spec.collect[edge.targetHandle];
          if (!out || value === undefined) continue;
          const one = typeof value === "string" ? [value] : value;
          ports[out] = Array.from({ length: times }, () => one).flat() as ImageRef[] | string[];
        }
        const images = Object.values(ports).flatMap((v) => v.filter((x): x is ImageRef => typeof x !== "string"));
        values.set(id, { images, ports });
      }
      continue;
    }

    if (definition.role === "source") {
      const value: NodeValue = { images: [] };
      if (typeof params.text === "string") value.text = params.text;
      if (typeof params.assetId === "string") value.images = [known(params.assetId)];
      else if (definition.outputs.some((p) => p.type === "image"))
        value.images = [simulated(UNKNOWN_IMAGE_SIZE.width, UNKNOWN_IMAGE_SIZE.height)];
      values.set(id, value);
      continue;
    }
    const paramAssets = new Map(paramAssetIds(resolved).map((assetId) => [assetId, known(assetId)]));
    const inputs = collectModelInputs(
      resolved,
      incoming,
      (source) => values.get(source),
      (assetId) => paramAssets.get(assetId),
    );
    if (definition.role === "sink") {
      values.set(id, { images: values.get(incoming.find((e) => e.targetHandle === "image")?.source ?? "")?.images ?? [] });
      continue;
    }
    if (definition.role === "gate") {
      const gate = definition.gate!;
      const candidates = incoming.filter((e) => e.targetHandle === gate.candidatesPort).flatMap((e) => values.get(e.source)?.images ?? []);
      values.set(id, { images: candidates.slice(0, gate.bounds(params, candidates.length).max) });
      continue;
    }
    // A required image port not connected yet (a half-built graph) or fed nothing: price it as a 1024 × 1024 image.
    const needsImage = definition.inputs.some((port) => port.name === "image" && port.required);
    if (inputs.images.length === 0 || (needsImage && inputs.images.every((image) => !image))) {
      inputs.images = [simulated(UNKNOWN_IMAGE_SIZE.width, UNKNOWN_IMAGE_SIZE.height)];
    }

    const seed = definition.usesSeed ? (typeof params.seed === "number" ? params.seed : 0) : null;
    let withPorts = resolved;
    try {
      withPorts = withPortParams(resolved, inputs);
    } catch {
      // The run will fail this node with the sentence; price it with its own parameters.
    }
    const prepared = await prepareModelNode({ resolved: withPorts, inputs, seed, schemas, rankModels, purpose: purposes.get(id) });
    const entry: PlannedModelRequest = {
      nodeId: id,
      nodeType: node.type,
      capability: prepared.capability,
      modelId: prepared.modelId,
      body: null,
      notes: [],
      count: inputs.images.length * (repeats.get(id) ?? 1),
    };
    const outputs: ImageRef[] = [];
    if (prepared.ok) {
      entry.body = prepared.requests[0]?.body ?? null;
      entry.notes = [...new Map(prepared.requests.flatMap((r) => r.notes).map((n) => [n.message, n])).values()];
      for (const [index, request] of prepared.requests.entries()) {
        const base = inputs.images[index] ?? UNKNOWN_IMAGE_SIZE;
        const size = request.output ?? { width: base.width, height: base.height };
        const perRequest = typeof request.body.numOutputs === "number" ? request.body.numOutputs : 1;
        for (let k = 0; k < perRequest; k++) outputs.push(simulated(size.width, size.height, prepared.modelId));
      }
    } else {
      entry.problem = prepared.refusal.message;
      entry.refusal = prepared.refusal;
      const base = inputs.images[0] ?? UNKNOWN_IMAGE_SIZE;
      outputs.push(simulated(base.width, base.height));
    }
    values.set(id, { images: outputs });
    planned.push(entry);
  }
  return planned;
}
