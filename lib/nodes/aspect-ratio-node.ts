/**
 * Aspect ratio node: one aspect ratio ("16:9") that Generation and Expand nodes take on their
 * `aspectRatio` input, where it overrides their own field (their `portParams`). Scenario's
 * `aspectRatio` node (/work/shared/reference/scenario-workflow-format.md) offers 21:9 … 9:21;
 * this node offers the ratios our Generation and Expand accept (lib/nodes/aspect-ratio.ts).
 * Pure module: zod only.
 */
import { z } from "zod";
import { ASPECT_RATIO_OPTIONS, aspectRatioSchema, sizeForAspectRatio } from "./aspect-ratio";
import type { NodeDefinition } from "./types";

export const aspectRatioParamsSchema = z.object({ aspectRatio: aspectRatioSchema.default("16:9") });
export type AspectRatioParams = z.infer<typeof aspectRatioParamsSchema>;

export const aspectRatioNode: NodeDefinition<AspectRatioParams> = {
  type: "aspectRatio",
  label: "Aspect ratio",
  description: "One aspect ratio for several Generation and Expand nodes: connect it to their Aspect ratio input.",
  category: "input",
  role: "transform",
  inputs: [],
  outputs: [{ name: "aspectRatio", type: "text", label: "Aspect ratio", required: false }],
  paramsSchema: aspectRatioParamsSchema,
  defaults: { aspectRatio: "16:9" },
  fields: [{ name: "aspectRatio", label: "Aspect ratio", kind: "select", options: ASPECT_RATIO_OPTIONS }],
  evaluate: ({ params }) => ({ aspectRatio: params.aspectRatio }),
  summarize(params) {
    const { width, height } = sizeForAspectRatio(params.aspectRatio);
    return `${params.aspectRatio} · ${width} × ${height} px at 1024`;
  },
};
