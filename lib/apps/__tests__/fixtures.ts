/** Graphs the Apps unit tests share. */
import type { WorkflowGraph } from "../../graph/schema";
import type { PublishedInput } from "../exposable-inputs";

/** Image input → Expand → Upscale → Output, with a Prompt feeding nothing and a Generation branch. */
export function storyGraph(assetId: string | null = "asset-photo"): WorkflowGraph {
  return {
    nodes: [
      { id: "in", type: "imageInput", position: { x: 0, y: 0 }, data: { assetId } },
      { id: "exp", type: "expand", position: { x: 1, y: 0 }, data: { aspectRatio: "16:9" } },
      { id: "up", type: "upscale", position: { x: 2, y: 0 }, data: { factor: 2, preset: "balanced" } },
      { id: "out", type: "output", position: { x: 3, y: 0 }, data: { label: "Story" } },
    ],
    edges: [
      { id: "a", source: "in", sourceHandle: "image", target: "exp", targetHandle: "image" },
      { id: "b", source: "exp", sourceHandle: "image", target: "up", targetHandle: "image" },
      { id: "c", source: "up", sourceHandle: "image", target: "out", targetHandle: "image" },
    ],
  };
}

/** Prompt → Generation → Output. */
export function generationGraph(): WorkflowGraph {
  return {
    nodes: [
      { id: "p", type: "prompt", position: { x: 0, y: 0 }, data: { text: "a red bicycle" } },
      { id: "gen", type: "generation", position: { x: 1, y: 0 }, data: { numOutputs: 2, aspectRatio: "1:1" } },
      { id: "out", type: "output", position: { x: 2, y: 0 }, data: {} },
    ],
    edges: [
      { id: "a", source: "p", sourceHandle: "text", target: "gen", targetHandle: "prompt" },
      { id: "b", source: "gen", sourceHandle: "image", target: "out", targetHandle: "image" },
    ],
  };
}

/** The story graph's form: the image (required) and the platform (default Instagram story). */
export const storyInputs: PublishedInput[] = [
  { key: "image", nodeId: "in", field: "assetId", label: "Photo", required: true, kind: "image" },
  {
    key: "platform",
    nodeId: "exp",
    field: "platform",
    label: "Platform",
    required: false,
    default: "instagram_story",
    kind: "select",
    options: [
      { value: "", label: "None" },
      { value: "instagram_story", label: "Instagram story" },
      { value: "youtube_thumbnail", label: "YouTube thumbnail" },
    ],
  },
  {
    key: "factor",
    nodeId: "up",
    field: "factor",
    label: "Factor",
    required: false,
    kind: "select",
    options: [
      { value: "2", label: "2x" },
      { value: "4", label: "4x" },
    ],
  },
];
