/**
 * For each and End: the two boundaries of a loop. The nodes between them (reachable from For
 * each's item and leading to End: lib/graph/loops.ts) run once per item of the list on For each's
 * input, a few items at a time; End collects each item's images and texts, in item order, from the
 * items that succeeded. Scenario's `forEach` (data.isConcurrentRuns) and `forEachEnd`
 * (data.parentNodeId) map here (/work/shared/reference/scenario-workflow-format.md, "editorInfo").
 * Loops inside loops are refused for now. Pure module: zod only.
 */
import { z } from "zod";
import type { NodeDefinition } from "./types";

/** Most items one For each runs at the same time. */
export const MAX_LOOP_CONCURRENCY = 8;

export const forEachParamsSchema = z.object({
  /** Items whose steps run at the same time (1 = one item after the other). */
  concurrency: z
    .number()
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MAX_LOOP_CONCURRENCY, `must be at most ${MAX_LOOP_CONCURRENCY}`)
    .default(4),
});
export type ForEachParams = z.infer<typeof forEachParamsSchema>;

export const forEachNode: NodeDefinition<ForEachParams> = {
  type: "forEach",
  label: "For each",
  description: "Runs the steps between it and its End once per item of a list, e.g. one image per product name.",
  category: "logic",
  role: "loop",
  loop: { boundary: "start", partner: "forEachEnd", listPort: "list", itemPort: "item", concurrencyParam: "concurrency" },
  inputs: [{ name: "list", type: "list", label: "List", required: true }],
  outputs: [{ name: "item", type: "text", label: "Item", required: false }],
  paramsSchema: forEachParamsSchema,
  defaults: { concurrency: 4 },
  fields: [
    {
      name: "concurrency",
      label: "Items at a time",
      kind: "number",
      min: 1,
      max: MAX_LOOP_CONCURRENCY,
      step: 1,
      help: "How many items run at the same time; 1 runs them one after the other.",
    },
  ],
  summarize(params) {
    return params.concurrency === 1 ? "One item at a time" : `${params.concurrency} items at a time`;
  },
};

export const forEachEndParamsSchema = z.object({});
export type ForEachEndParams = z.infer<typeof forEachEndParamsSchema>;

export const forEachEndNode: NodeDefinition<ForEachEndParams> = {
  type: "forEachEnd",
  label: "End",
  description: "Closes a For each loop: collects the images (and texts) every item produced.",
  category: "logic",
  role: "loop",
  loop: { boundary: "end", partner: "forEach", collect: { image: "images", text: "texts" } },
  inputs: [
    { name: "image", type: "image", label: "Image", required: false },
    { name: "text", type: "text", label: "Text", required: false },
  ],
  outputs: [
    { name: "images", type: "image", label: "Images", required: false },
    { name: "texts", type: "list", label: "Texts", required: false },
  ],
  paramsSchema: forEachEndParamsSchema,
  defaults: {},
  fields: [],
  checkReady(_params, connected) {
    if (connected.size === 0) {
      return [{ code: "missing_input", port: "image", message: "Nothing is collected: connect the last step of the loop to the End" }];
    }
    return [];
  },
};
