/** Output node: marks an image as a result of the run (and, later, of an App). */
import { z } from "zod";
import type { NodeDefinition } from "./types";

export const outputParamsSchema = z.object({
  label: z.string().max(80, "must be at most 80 characters").default("Output"),
});
export type OutputParams = z.infer<typeof outputParamsSchema>;

export const outputNode: NodeDefinition<OutputParams> = {
  type: "output",
  label: "Output",
  description: "A result of the workflow, shown in the run panel.",
  category: "output",
  role: "sink",
  // Takes images and any other generated media (the port keeps its public name "image").
  inputs: [{ name: "image", type: "asset", label: "Result", required: true }],
  outputs: [],
  paramsSchema: outputParamsSchema,
  defaults: { label: "Output" },
  fields: [{ name: "label", label: "Label", kind: "text" }],
};
