/**
 * The provider requests one run of a validated graph would make, without running it: what a
 * cost preview prices. Walks the plan in execution order the way the executor does (one request
 * per image on a model node's `image` port; Generation makes `numOutputs` images per request),
 * carrying the expected size of each image forward (from the request's `width`/`height`, or its
 * `upscaleFactor`, else the input's size) so that size-dependent bodies (Expand) are built as
 * they will be.
 *
 * Pure module: model choice ("Auto") is injected.
 */
import type { ModelChoice, ModelChoiceRequest } from "../engine/model-choice";
import type { ExecutionPlan } from "../graph/validate";
import type { ProviderImage } from "../nodes/types";

/** Size assumed for an image whose size is unknown (an Image input not filled in yet). */
export const UNKNOWN_IMAGE_SIZE = { width: 1024, height: 1024 } as const;

/** One model node's requests in a run. */
export interface PlannedModelRequest {
  nodeId: string;
  nodeType: string;
  capability: string;
  /** The model the node will use ("Auto" resolved), or null when none could be chosen. */
  modelId: string | null;
  /** Why `modelId` is null, or why the body could not be built. */
  problem?: string;
  /** The body of the node's first request (null when it could not be built). */
  body: Record<string, unknown> | null;
  /** How many requests the node makes in one run (one per input image). */
  count: number;
}

interface SimImage {
  assetId: string;
  width: number;
  height: number;
  model?: string;
}

interface SimValue {
  text?: string;
  images: SimImage[];
}

const num = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined);

/**
 * @param plan a validated plan (validateGraph(...).plan).
 * @param imageSize size of a studio asset by id, or undefined when unknown.
 * @param chooseModel picks the model of an "Auto" node (throws when none qualifies).
 * @returns one entry per model node, in execution order.
 */
export function planModelRequests(
  plan: ExecutionPlan,
  imageSize: (assetId: string) => { width: number; height: number } | undefined,
  chooseModel: (request: ModelChoiceRequest) => ModelChoice,
): PlannedModelRequest[] {
  const values = new Map<string, SimValue>();
  const planned: PlannedModelRequest[] = [];
  let counter = 0;
  const simulated = (width: number, height: number, model?: string): SimImage => ({
    assetId: `estimate-${++counter}`,
    width: Math.round(width),
    height: Math.round(height),
    model,
  });

  for (const id of plan.order) {
    const { node, definition, params } = plan.nodes.get(id)!;
    const ports = new Map<string, SimImage[]>();
    const connected = new Set<string>();
    let text: string | undefined;
    for (const edge of plan.edges) {
      if (edge.target !== id) continue;
      connected.add(edge.targetHandle);
      const value = values.get(edge.source);
      if (!value) continue;
      if (edge.sourceHandle === "text") text = value.text ?? "";
      else ports.set(edge.targetHandle, value.images);
    }

    if (definition.role === "source") {
      const value: SimValue = { images: [] };
      if (typeof params.text === "string") value.text = params.text;
      if (typeof params.assetId === "string") {
        const size = imageSize(params.assetId) ?? UNKNOWN_IMAGE_SIZE;
        value.images = [{ assetId: params.assetId, ...size }];
      } else if (definition.outputs.some((p) => p.type === "image")) {
        value.images = [simulated(UNKNOWN_IMAGE_SIZE.width, UNKNOWN_IMAGE_SIZE.height)];
      }
      values.set(id, value);
      continue;
    }
    if (definition.role === "sink") {
      values.set(id, { images: ports.get("image") ?? [] });
      continue;
    }

    const capability = definition.capability!(params, connected);
    const images: Array<SimImage | undefined> = connected.has("image") ? (ports.get("image") ?? []) : [undefined];
    const prompt = text ?? (typeof params.prompt === "string" ? params.prompt : "");
    const maskParam = definition.assetParamForPort?.mask;
    const mask =
      ports.get("mask")?.[0] ??
      (maskParam && typeof params[maskParam] === "string" ? { assetId: params[maskParam] as string, ...UNKNOWN_IMAGE_SIZE } : undefined);
    const media = ports.get("media")?.[0];

    const entry: PlannedModelRequest = { nodeId: id, nodeType: node.type, capability, modelId: null, body: null, count: images.length };
    const requested = typeof params.model === "string" ? params.model : "auto";
    if (requested !== "auto") entry.modelId = requested;
    else {
      try {
        entry.modelId = chooseModel({
          nodeType: node.type,
          capability,
          prompt,
          params,
          connectedInputs: connected,
          requiredInputs: [
            ...new Set([...(definition.modelInputs ?? []), ...[...connected].filter((port) => port === "mask" || port === "image")]),
          ],
          outputCount: num(params.numOutputs) ?? images.length,
          upstreamModels: [...new Set([...images, mask, media].map((ref) => ref?.model).filter((m): m is string => Boolean(m)))],
        }).modelId;
      } catch (error) {
        entry.problem = error instanceof Error ? error.message : String(error);
      }
    }

    const remote = (image: SimImage | undefined): ProviderImage | undefined =>
      image ? { ...image, url: "", remoteId: image.assetId } : undefined;
    const outputs: SimImage[] = [];
    for (const [index, image] of images.entries()) {
      let body: Record<string, unknown>;
      try {
        body = definition.buildRequest!({ params, prompt, image: remote(image), mask: remote(mask), media: remote(media), seed: 0 }).body;
      } catch (error) {
        entry.problem ??= error instanceof Error ? error.message : String(error);
        continue;
      }
      if (index === 0) entry.body = body;
      const perRequest = num(body.numOutputs) ?? 1;
      const factor = num(body.upscaleFactor);
      const base = image ?? UNKNOWN_IMAGE_SIZE;
      const width = num(body.width) ?? (factor ? base.width * factor : base.width);
      const height = num(body.height) ?? (factor ? base.height * factor : base.height);
      for (let k = 0; k < perRequest; k++) outputs.push(simulated(width, height, entry.modelId ?? undefined));
    }
    values.set(id, { images: outputs });
    planned.push(entry);
  }
  return planned;
}
