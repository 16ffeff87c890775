/** Prompt node: a piece of text other nodes take on their `prompt` port. */
import { z } from "zod";
import type { NodeDefinition } from "./types";

export const promptParamsSchema = z.object({
  text: z.string().max(4000, "must be at most 4000 characters").default(""),
});
export type PromptParams = z.infer<typeof promptParamsSchema>;

export const promptNode: NodeDefinition<PromptParams> = {
  type: "prompt",
  label: "Prompt",
  description: "Text that describes what to make; connect it to a Generation or Retouch node.",
  category: "input",
  role: "source",
  inputs: [],
  outputs: [{ name: "text", type: "text", label: "Text", required: false }],
  paramsSchema: promptParamsSchema,
  defaults: { text: "" },
  fields: [{ name: "text", label: "Text", kind: "textarea", placeholder: "A ceramic mug on a walnut table, soft morning light" }],
  checkReady(params) {
    return params.text.trim() ? [] : [{ code: "missing_parameter", field: "text", message: "Prompt is empty: type the text" }];
  },
};
