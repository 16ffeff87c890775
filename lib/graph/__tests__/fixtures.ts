/** Graph fixtures for validation and executor tests (n8n-style JSON fixture workflows). */
import type { WorkflowGraph } from "../schema";

const at = (x: number) => ({ x, y: 0 });

/** Image input → Retouch → Expand → Upscale → Output, as a designer builds it. */
export function editChain(assetId: string | null = "asset_1", maskAssetId: string | null = "mask_1"): WorkflowGraph {
  return {
    nodes: [
      { id: "in", type: "imageInput", position: at(0), data: { assetId } },
      { id: "retouch", type: "retouch", position: at(200), data: { maskAssetId, prompt: "steam" } },
      { id: "expand", type: "expand", position: at(400), data: { aspectRatio: "16:9" } },
      { id: "upscale", type: "upscale", position: at(600), data: { factor: 2, preset: "balanced" } },
      { id: "out", type: "output", position: at(800), data: { label: "Final" } },
    ],
    edges: [
      { id: "e1", source: "in", sourceHandle: "image", target: "retouch", targetHandle: "image" },
      { id: "e2", source: "retouch", sourceHandle: "image", target: "expand", targetHandle: "image" },
      { id: "e3", source: "expand", sourceHandle: "image", target: "upscale", targetHandle: "image" },
      { id: "e4", source: "upscale", sourceHandle: "image", target: "out", targetHandle: "image" },
    ],
  };
}

/** Prompt → Generation → Output. */
export function generationChain(numOutputs = 1, seed: number | null = 7): WorkflowGraph {
  return {
    nodes: [
      { id: "p", type: "prompt", position: at(0), data: { text: "a red fox in snow" } },
      { id: "gen", type: "generation", position: at(200), data: { aspectRatio: "16:9", numOutputs, seed } },
      { id: "out", type: "output", position: at(400), data: {} },
    ],
    edges: [
      { id: "e1", source: "p", sourceHandle: "text", target: "gen", targetHandle: "prompt" },
      { id: "e2", source: "gen", sourceHandle: "image", target: "out", targetHandle: "image" },
    ],
  };
}
