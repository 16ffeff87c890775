/**
 * The one place a model node's inputs are collected, its model chosen ("Auto" included) and its
 * requests built: the executor, the App cost estimate and the save-time check all call
 * `prepareModelNode`. Auto ranks models (the resolver, or the fixed table) and takes the first
 * whose schema the request builder (lib/nodes/prepare-request) accepts for every request of the
 * node. Pure module: model ranking and schemas are injected.
 */
import type { ResolvedEdge, ResolvedNode } from "../graph/validate";
import { defaultModelChoice } from "../nodes/default-models";
import { prepareNodeRequest, type PreparedRequest, type RequestIntent, type RequestRefusal } from "../nodes/prepare-request";
import type { ImageRef, PortValue } from "../nodes/types";
import type { ModelChoice, ModelChoiceRequest } from "./model-choice";
import { modelCapabilities, modelDisplayName, type SchemaSource } from "./model-schemas";

/** What a finished node hands to its successors. */
export interface NodeValue {
  text?: string;
  images: ImageRef[];
  /**
   * Transform nodes: the value of each output port by name. A port absent here was left empty
   * (an If / else branch not taken). When set, it answers for every port (see `portValue`).
   */
  ports?: Readonly<Record<string, PortValue>>;
}

/**
 * The value a finished node gives on output port `port`: a transform node's own port value
 * (undefined when left empty); else the text on a `text` port and the images on any other.
 */
export function portValue(value: NodeValue | undefined, port: string): PortValue | undefined {
  if (!value) return undefined;
  if (value.ports) return value.ports[port];
  return port === "text" ? (value.text ?? "") : value.images;
}

/** A model node's inputs for one run. */
export interface ModelNodeInputs {
  connected: Set<string>;
  /** One entry per request: the images on the `image` port, or `[undefined]` when it has no edge. */
  images: Array<ImageRef | undefined>;
  mask?: ImageRef;
  media?: ImageRef;
  prompt: string;
  /** Texts on the ports that set a parameter (`portParams`), by port (= parameter) name. */
  paramTexts?: Record<string, string>;
}

/** Ranks models for an Auto node, best first (each with the sentence saying why). @throws when none qualifies. */
export type RankModels = (request: ModelChoiceRequest) => ModelChoice[];

/**
 * Collects a model node's inputs from its incoming edges and the values of finished nodes.
 * @param paramAsset the studio image a parameter names (a painted mask), already loaded by the caller.
 */
export function collectModelInputs(
  resolved: ResolvedNode,
  incoming: readonly ResolvedEdge[],
  valueOf: (nodeId: string) => NodeValue | undefined,
  paramAsset: (assetId: string) => ImageRef | undefined,
): ModelNodeInputs {
  const ports = new Map<string, ImageRef[]>();
  const connected = new Set<string>();
  const paramTexts: Record<string, string> = {};
  let text: string | undefined;
  for (const edge of incoming) {
    connected.add(edge.targetHandle);
    const value = portValue(valueOf(edge.source), edge.sourceHandle);
    if (value === undefined) continue;
    if (typeof value === "string" && resolved.definition.portParams?.includes(edge.targetHandle)) paramTexts[edge.targetHandle] = value;
    else if (typeof value === "string") text = value;
    else if (value.every((item) => typeof item !== "string")) ports.set(edge.targetHandle, value as ImageRef[]);
  }
  const { definition, params } = resolved;
  const images = connected.has("image") ? (ports.get("image") ?? []) : [undefined];
  let mask = ports.get("mask")?.[0];
  const maskParam = definition.assetParamForPort?.mask;
  if (!mask && maskParam && typeof params[maskParam] === "string") mask = paramAsset(params[maskParam] as string);
  const prompt = text ?? (typeof params.prompt === "string" ? params.prompt : "");
  return { connected, images, mask, media: ports.get("media")?.[0], prompt, paramTexts };
}

/**
 * The node with the parameters its connected `portParams` ports set (an Aspect ratio node's
 * "16:9" on Generation's `aspectRatio`), checked by the node's own paramsSchema.
 * @throws Error (a sentence naming the value and the parameter) when the schema refuses the text.
 */
export function withPortParams(resolved: ResolvedNode, inputs: Pick<ModelNodeInputs, "paramTexts">): ResolvedNode {
  const texts = Object.entries(inputs.paramTexts ?? {});
  if (texts.length === 0) return resolved;
  const { definition } = resolved;
  const merged = { ...resolved.params, ...Object.fromEntries(texts.map(([port, text]) => [port, text.trim()])) };
  const parsed = definition.paramsSchema.safeParse(merged);
  if (!parsed.success) {
    const port = String(parsed.error.issues[0]?.path[0] ?? texts[0][0]);
    const field = definition.fields.find((f) => f.name === port);
    const options =
      field?.kind === "select"
        ? `: use one of ${field.options
            .map((o) => o.value)
            .filter(Boolean)
            .join(", ")}`
        : "";
    const label = field?.label.toLowerCase() ?? port;
    throw new Error(`The connected ${label} “${merged[port] as string}” is not one the ${definition.label} node takes${options}`);
  }
  return { ...resolved, params: parsed.data };
}

/** The asset ids a node's parameters name for its ports (a painted mask), to load before collecting. */
export function paramAssetIds(resolved: ResolvedNode): string[] {
  const map = resolved.definition.assetParamForPort ?? {};
  return Object.values(map)
    .map((param) => resolved.params[param])
    .filter((id): id is string => typeof id === "string" && id.length > 0);
}

const MAX_SEED = 2147483647;

/** Seed of request `index` of a node whose base seed is `seed`. */
export const requestSeed = (seed: number | null, index: number) => (seed === null ? null : (seed + index * 1000) % MAX_SEED);

export interface PreparedModelNode {
  ok: true;
  modelId: string;
  reason: string;
  capability: string;
  /** Where the schema came from: "provider" or "catalog". */
  schemaOrigin: "provider" | "catalog";
  /** One per input image, in order. */
  requests: PreparedRequest[];
}

export interface RefusedModelNode {
  ok: false;
  /** The model that refused (the node's own, or the last Auto candidate); null when none could be chosen. */
  modelId: string | null;
  capability: string;
  refusal: RequestRefusal;
}

export interface PrepareModelNodeOptions {
  resolved: ResolvedNode;
  inputs: ModelNodeInputs;
  /** The node's base seed (null for nodes without one). */
  seed: number | null;
  schemas: SchemaSource;
  /** Auto ranking; default the fixed table of lib/nodes/default-models.ts. */
  rankModels?: RankModels;
  /** A model already chosen for this node (a resumed run keeps its choice). */
  pinnedModel?: ModelChoice;
  /** Most Auto candidates tried; default 12. */
  maxCandidates?: number;
  /** The node's routing purpose from the graph's shape (lib/engine/gate-node.ts `modelPurposes`). */
  purpose?: ModelChoiceRequest["purpose"];
}

/** The intents of a node's requests (one per image). */
export function describeNodeRequests(resolved: ResolvedNode, inputs: ModelNodeInputs, seed: number | null): RequestIntent[] {
  const describe = resolved.definition.describeRequest!;
  return inputs.images.map((image, index) =>
    describe({
      params: resolved.params,
      prompt: inputs.prompt,
      image,
      mask: inputs.mask,
      media: inputs.media,
      seed: requestSeed(seed, index),
    }),
  );
}

async function buildFor(
  modelId: string,
  capability: string,
  intents: RequestIntent[],
  schemas: SchemaSource,
): Promise<{ ok: true; requests: PreparedRequest[]; origin: "provider" | "catalog" } | { ok: false; refusal: RequestRefusal }> {
  const found = await schemas(modelId);
  const modelName = modelDisplayName(modelId, found?.schema);
  if (!found) {
    return {
      ok: false,
      refusal: {
        message: `The studio has no input schema for ${modelName}, so it cannot build a request for it: pick another model`,
        field: "model",
        details: { modelId, schema: null },
      },
    };
  }
  const requests: PreparedRequest[] = [];
  const kind = { capability, modelCapabilities: modelCapabilities(modelId, found.schema) };
  for (const intent of intents) {
    const result = prepareNodeRequest({ intent, schema: found.schema, modelName, kind });
    if (!result.ok) return { ok: false, refusal: result.refusal };
    requests.push({ body: result.body, files: result.files, notes: result.notes, output: result.output });
  }
  return { ok: true, requests, origin: found.origin };
}

/**
 * Chooses the node's model and builds its requests.
 * - An explicit model (or `pinnedModel`) is used as is; its refusal is the node's, a model of the
 *   wrong kind for the node included (a video model on Generation, an upscaler on Generation:
 *   prepare-request/model-kind.ts, from the model's capabilities).
 * - "auto": the ranking's candidates in order; the first the builder accepts wins, and the reason
 *   says which better-ranked ones could not express the node.
 * @returns PreparedModelNode, or RefusedModelNode with a sentence for the node (nothing was sent).
 * @throws only what `schemas` throws (a provider error other than 404).
 */
export async function prepareModelNode(options: PrepareModelNodeOptions): Promise<PreparedModelNode | RefusedModelNode> {
  const { resolved, inputs, seed, schemas } = options;
  const { node, definition, params } = resolved;
  const capability = definition.capability!(params, inputs.connected);
  const intents = describeNodeRequests(resolved, inputs, seed);
  const requested = typeof params.model === "string" ? params.model : "auto";

  let candidates: ModelChoice[];
  if (options.pinnedModel) candidates = [options.pinnedModel];
  else if (requested !== "auto") candidates = [{ modelId: requested, reason: "chosen on the node" }];
  else {
    const request: ModelChoiceRequest = {
      nodeType: node.type,
      capability,
      prompt: inputs.prompt,
      params,
      connectedInputs: inputs.connected,
      requiredInputs: [
        ...new Set([...(definition.modelInputs ?? []), ...[...inputs.connected].filter((port) => port === "mask" || port === "image")]),
      ],
      outputCount: typeof params.numOutputs === "number" ? params.numOutputs : inputs.images.length,
      upstreamModels: [
        ...new Set([...inputs.images, inputs.mask, inputs.media].map((ref) => ref?.model).filter((m): m is string => Boolean(m))),
      ],
      ...(options.purpose ? { purpose: options.purpose } : {}),
    };
    try {
      candidates = (options.rankModels ? options.rankModels(request) : [defaultModelChoice(capability)]).slice(
        0,
        options.maxCandidates ?? 12,
      );
    } catch (error) {
      return {
        ok: false,
        modelId: null,
        capability,
        refusal: { message: error instanceof Error ? error.message : String(error), field: "model" },
      };
    }
    if (candidates.length === 0) {
      return {
        ok: false,
        modelId: null,
        capability,
        refusal: { message: `No model can ${intents[0]?.task ?? capability} for this node`, field: "model" },
      };
    }
  }

  const skipped: Array<{ modelId: string; refusal: RequestRefusal }> = [];
  for (const candidate of candidates) {
    const built = await buildFor(candidate.modelId, capability, intents, schemas);
    if (built.ok) {
      const reason = skipped.length
        ? `${candidate.reason} (better-ranked ${skipped.map((s) => modelDisplayName(s.modelId)).join(", ")} cannot express this node: ${skipped[0].refusal.message})`
        : candidate.reason;
      return { ok: true, modelId: candidate.modelId, reason, capability, schemaOrigin: built.origin, requests: built.requests };
    }
    skipped.push({ modelId: candidate.modelId, refusal: built.refusal });
  }
  if (candidates.length === 1) return { ok: false, modelId: candidates[0].modelId, capability, refusal: skipped[0].refusal };
  return {
    ok: false,
    modelId: skipped[skipped.length - 1].modelId,
    capability,
    refusal: {
      message: `No model Auto can choose is able to ${intents[0]?.task ?? capability}: ${skipped[0].refusal.message}`,
      field: "model",
      details: { tried: skipped.map((s) => ({ modelId: s.modelId, reason: s.refusal.message })) },
    },
  };
}
