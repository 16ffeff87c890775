/**
 * A mask painted in the editor is drawn for the designer's picture: published over an image the
 * teammate supplies, it would repaint the same pixels of a different photo. Which ports are
 * painted over which comes from the node definitions (`paintedOverPort`, e.g. Retouch
 * `mask` → `image`; `assetParamForPort` says which parameter holds a painted mask), never from
 * the node kind. A mask exposed as an App input (the teammate paints it on their own image in the
 * form) is no conflict: {@link paintedOverInput} names the image input it is painted on.
 *
 * Pure module: lib/graph and lib/nodes only.
 */
import type { WorkflowGraph } from "../graph/schema";
import { incomingEdgesByNode } from "../graph/upstream";
import { getNodeDefinition } from "../nodes";
import type { PublishedInput } from "./exposable-inputs";

/** A node whose fixed painted mask would land on a teammate's image. */
export interface PaintedMaskConflict {
  nodeId: string;
  /** The node kind's label, e.g. "Retouch". */
  nodeLabel: string;
  /** The exposed input whose image reaches the painted-over port. */
  inputKey: string;
  inputLabel: string;
  /** The sentence shown to the designer. */
  message: string;
}

/** Node ids upstream of `nodeId`'s input port `port` (the node feeding it and everything before). */
function upstreamOfPort(graph: WorkflowGraph, nodeId: string, port: string): Set<string> {
  const incoming = incomingEdgesByNode(graph.edges);
  const seen = new Set<string>();
  const stack = (incoming.get(nodeId) ?? []).filter((e) => (e.targetHandle ?? "") === port).map((e) => e.source);
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const edge of incoming.get(id) ?? []) stack.push(edge.source);
  }
  return seen;
}

/**
 * The exposed image input that a mask parameter of `nodeId` is painted over: the first exposed
 * image input upstream of the port that `paintedOverPort` pairs with the mask's port.
 * @param field the mask parameter (e.g. Retouch `maskAssetId`).
 * @returns the image input, or undefined when the node paints over no image the App's form asks for.
 */
export function paintedOverInput(
  graph: WorkflowGraph,
  nodeId: string,
  field: string,
  inputs: readonly PublishedInput[],
): PublishedInput | undefined {
  const node = graph.nodes.find((n) => n.id === nodeId);
  const definition = node ? getNodeDefinition(node.type) : undefined;
  const maskPort = Object.entries(definition?.assetParamForPort ?? {}).find(([, param]) => param === field)?.[0];
  const imagePort = maskPort ? definition?.paintedOverPort?.[maskPort] : undefined;
  if (!imagePort) return undefined;
  const upstream = upstreamOfPort(graph, nodeId, imagePort);
  return inputs.find((input) => input.kind === "image" && upstream.has(input.nodeId));
}

/**
 * Nodes where a fixed painted mask (the mask parameter set, its port not connected, the parameter
 * not itself an App input) sits over an image that comes, directly or through other nodes, from an
 * exposed image input of the App.
 * @param graph a parsed workflow graph; @param inputs the App's resolved inputs.
 * @returns one conflict per such node, in graph order (empty when publishing is fine).
 */
export function findPaintedMaskConflicts(graph: WorkflowGraph, inputs: readonly PublishedInput[]): PaintedMaskConflict[] {
  const exposedImages = inputs.filter((input) => input.kind === "image");
  if (exposedImages.length === 0) return [];
  const conflicts: PaintedMaskConflict[] = [];
  for (const node of graph.nodes) {
    const definition = getNodeDefinition(node.type);
    if (!definition?.paintedOverPort) continue;
    for (const [maskPort, imagePort] of Object.entries(definition.paintedOverPort)) {
      const param = definition.assetParamForPort?.[maskPort];
      const painted = param ? node.data?.[param] : undefined;
      const maskConnected = graph.edges.some((e) => e.target === node.id && e.targetHandle === maskPort);
      const maskExposed = !!param && inputs.some((i) => i.nodeId === node.id && i.field === param);
      if (maskConnected || maskExposed || typeof painted !== "string" || !painted) continue;
      const upstream = upstreamOfPort(graph, node.id, imagePort);
      const input = exposedImages.find((i) => upstream.has(i.nodeId));
      if (!input) continue;
      conflicts.push({
        nodeId: node.id,
        nodeLabel: definition.label,
        inputKey: input.key,
        inputLabel: input.label,
        message:
          `${definition.label} would paint the mask you drew on your own picture onto every "${input.label}" a teammate uploads, ` +
          `in the same place whatever their photo shows. Let teammates paint the mask themselves (expose "Paint the area to change"), ` +
          `connect a mask image instead, or stop exposing "${input.label}".`,
      });
    }
  }
  return conflicts;
}
