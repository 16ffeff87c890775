/**
 * The node registry, keyed by `type`: the one place the canvas, the inspector, the validator
 * and the executor look up a node kind. Registering a type twice throws (like tldraw's
 * shape utils), so two definitions can never silently disagree.
 */
import { aspectRatioNode } from "./aspect-ratio-node";
import { expandNode } from "./expand";
import { forEachEndNode, forEachNode } from "./for-each";
import { generationNode } from "./generation";
import { ifElseNode } from "./if-else";
import { imageInputNode } from "./image-input";
import { outputNode } from "./output";
import { placeholderNode } from "./placeholder";
import { pickNode } from "./pick";
import { promptNode } from "./prompt";
import { removeBackgroundNode } from "./remove-background";
import { retouchNode } from "./retouch";
import { runModelNode } from "./run-model";
import { splitTextNode } from "./split-text";
import { textTemplateNode } from "./text-template";
import type { NodeDefinition } from "./types";
import { upscaleNode } from "./upscale";

// Each definition is typed by its own params; the registry holds them by their common shape.
type AnyNodeDefinition = NodeDefinition<Record<string, unknown>>;

function buildRegistry(definitions: ReadonlyArray<NodeDefinition<never>>): ReadonlyMap<string, AnyNodeDefinition> {
  const map = new Map<string, AnyNodeDefinition>();
  for (const definition of definitions) {
    if (map.has(definition.type)) throw new Error(`Node type "${definition.type}" is registered twice`);
    map.set(definition.type, definition as unknown as AnyNodeDefinition);
  }
  return map;
}

/** Palette order. */
export const NODE_DEFINITIONS = [
  promptNode,
  imageInputNode,
  aspectRatioNode,
  generationNode,
  retouchNode,
  expandNode,
  upscaleNode,
  removeBackgroundNode,
  runModelNode,
  textTemplateNode,
  splitTextNode,
  ifElseNode,
  forEachNode,
  forEachEndNode,
  pickNode,
  outputNode,
  placeholderNode,
] as const;

const registry = buildRegistry(NODE_DEFINITIONS as unknown as ReadonlyArray<NodeDefinition<never>>);

/** The definition of a node kind, or undefined for an unknown type. */
export function getNodeDefinition(type: string): AnyNodeDefinition | undefined {
  return registry.get(type);
}

/** Every registered definition, in palette order. */
export function listNodeDefinitions(): AnyNodeDefinition[] {
  return [...registry.values()];
}

export type { AnyNodeDefinition };
export * from "./types";
