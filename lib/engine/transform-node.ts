/**
 * Transform nodes (role `transform`: Split text, Text template, If / else, Aspect ratio): their
 * outputs are computed from their inputs and parameters by the definition's `evaluate`, with no
 * provider and no credits. The executor records each one as a node run whose `outputs` hold the
 * images it passed on and whose `request` holds `{ values, emptyPorts }`: the text and list
 * values by output port (what the canvas and the run panel show) and the output ports left empty
 * (the scheduler skips what hangs off them). The App cost estimate evaluates them the same way.
 * Imports no React, Next.js or Prisma.
 */
import type { ResolvedEdge, ResolvedNode } from "../graph/validate";
import type { ImageRef, PortValue } from "../nodes/types";
import { NodeFailure } from "./errors";
import { portValue, type NodeValue } from "./model-node-request";
import type { NodeResult } from "./model-node";
import type { ExecutionStore } from "./types";

/** What a transform node's evaluation gives the executor. */
export interface TransformOutcome {
  value: NodeValue;
  /** Output ports left empty: the scheduler skips the nodes fed by them. */
  emptyPorts: string[];
  /** Text and list values by output port, as recorded in the node run's `request.values`. */
  values: Record<string, string | string[]>;
}

const isImageList = (value: PortValue): value is ImageRef[] => Array.isArray(value) && value.every((item) => typeof item !== "string");

/**
 * The inputs of `resolved` by port name, from its incoming edges and finished nodes' values. A
 * text arriving on a list port becomes a one-item list (lib/graph/ports.ts).
 */
export function collectTransformInputs(
  resolved: ResolvedNode,
  incoming: readonly ResolvedEdge[],
  valueOf: (nodeId: string) => NodeValue | undefined,
): Record<string, PortValue | undefined> {
  const inputs: Record<string, PortValue | undefined> = {};
  for (const edge of incoming) {
    const value = portValue(valueOf(edge.source), edge.sourceHandle);
    const port = resolved.definition.inputs.find((p) => p.name === edge.targetHandle);
    inputs[edge.targetHandle] = port?.type === "list" && typeof value === "string" ? [value] : value;
  }
  return inputs;
}

/**
 * Evaluates a transform node (no store, no provider): the executor and the App estimate share it.
 * @throws NodeFailure with the definition's sentence when `evaluate` throws or returns a value of
 * the wrong kind for a port.
 */
export async function evaluateTransformNode(
  resolved: ResolvedNode,
  incoming: readonly ResolvedEdge[],
  valueOf: (nodeId: string) => NodeValue | undefined,
): Promise<TransformOutcome> {
  const { definition, params } = resolved;
  if (!definition.evaluate) throw new NodeFailure(`The ${definition.label} node cannot run: it has nothing to compute its outputs`);
  const inputs = collectTransformInputs(resolved, incoming, valueOf);
  let result;
  try {
    result = await definition.evaluate({ params, inputs });
  } catch (error) {
    throw new NodeFailure(error instanceof Error ? error.message : String(error));
  }
  const ports: Record<string, PortValue> = {};
  const values: Record<string, string | string[]> = {};
  const images = new Map<string, ImageRef>();
  const emptyPorts: string[] = [];
  for (const port of definition.outputs) {
    const value = result[port.name];
    if (value === undefined) {
      emptyPorts.push(port.name);
      continue;
    }
    const fits =
      port.type === "text"
        ? typeof value === "string"
        : port.type === "list"
          ? Array.isArray(value) && value.every((v) => typeof v === "string")
          : isImageList(value);
    if (!fits) throw new NodeFailure(`The ${definition.label} node produced a value of the wrong kind for its output “${port.label}”`);
    ports[port.name] = value;
    if (isImageList(value)) for (const image of value) images.set(image.assetId, image);
    else values[port.name] = value as string | string[];
  }
  const firstText = Object.values(ports).find((v): v is string => typeof v === "string");
  return { value: { text: firstText, images: [...images.values()], ports }, emptyPorts, values };
}

/**
 * Runs a transform node and records its node run (`succeeded`, progress 1, no credits) under
 * `runKey` (the node id, or an item's key inside a For each loop).
 * @returns the node's value, zero credits and the output ports it left empty.
 * @throws NodeFailure (shown on the node) when the evaluation fails.
 */
export async function runTransformNode(
  store: ExecutionStore,
  runId: string,
  resolved: ResolvedNode,
  incoming: readonly ResolvedEdge[],
  valueOf: (nodeId: string) => NodeValue | undefined,
  runKey: string = resolved.node.id,
): Promise<NodeResult & { emptyPorts: string[] }> {
  const startedAt = new Date();
  await store.updateNodeRun(runId, runKey, { status: "running", startedAt, progress: 0 });
  const outcome = await evaluateTransformNode(resolved, incoming, valueOf);
  await store.updateNodeRun(runId, runKey, {
    status: "succeeded",
    progress: 1,
    credits: 0,
    outputs: outcome.value.images,
    request: { values: outcome.values, emptyPorts: outcome.emptyPorts },
    startedAt,
    finishedAt: new Date(),
  });
  return { value: outcome.value, credits: 0, emptyPorts: outcome.emptyPorts };
}

/** The text and list values a transform node run recorded (`request.values`), or {} for other node runs. */
export function recordedValues(request: Record<string, unknown> | null): Record<string, string | string[]> {
  const values = request?.values;
  if (!values || typeof values !== "object" || Array.isArray(values)) return {};
  const out: Record<string, string | string[]> = {};
  for (const [port, value] of Object.entries(values)) {
    if (typeof value === "string" || (Array.isArray(value) && value.every((v) => typeof v === "string"))) out[port] = value;
  }
  return out;
}

/** The output ports a transform node run left empty (`request.emptyPorts`), or []. */
export function recordedEmptyPorts(request: Record<string, unknown> | null): string[] {
  const ports = request?.emptyPorts;
  return Array.isArray(ports) ? ports.filter((p): p is string => typeof p === "string") : [];
}
