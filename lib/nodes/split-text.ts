/**
 * Split text node: one text becomes a list, one item per line (or per delimiter), each item
 * trimmed, empty items dropped. What a For each iterates over, and an App's "one product name
 * per line" list input. Scenario's `splitText` (data.splitDelimiter, default ",") maps here
 * (/work/shared/reference/scenario-workflow-format.md, "editorInfo"). Pure module: zod only.
 */
import { z } from "zod";
import type { NodeDefinition } from "./types";

export const SPLIT_MODES = ["lines", "delimiter"] as const;

export const splitTextParamsSchema = z.object({
  /** `lines`: one item per line; `delimiter`: split on `delimiter`. */
  mode: z.enum(SPLIT_MODES).default("lines"),
  delimiter: z.string().max(20, "must be at most 20 characters").default(","),
  /** The text to split when no input is connected (an App can expose it). */
  text: z.string().max(20000, "must be at most 20000 characters").default(""),
});
export type SplitTextParams = z.infer<typeof splitTextParamsSchema>;

/** Most items one Split text gives (a list longer than this is refused, not cut). */
export const MAX_SPLIT_ITEMS = 500;

/**
 * Splits `text` into trimmed, non-empty items.
 * @throws Error (a sentence) when there are more than MAX_SPLIT_ITEMS items or the delimiter is empty.
 * @example splitText("mug\n  vase \n\nlamp", "lines", ",") // ["mug", "vase", "lamp"]
 */
export function splitText(text: string, mode: SplitTextParams["mode"], delimiter: string): string[] {
  if (mode === "delimiter" && delimiter === "") throw new Error("The delimiter is empty: type the character that separates the items");
  const parts = mode === "lines" ? text.split(/\r?\n/) : text.split(delimiter);
  const items = parts.map((part) => part.trim()).filter((part) => part.length > 0);
  if (items.length > MAX_SPLIT_ITEMS) {
    throw new Error(`The text splits into ${items.length} items; a list holds at most ${MAX_SPLIT_ITEMS}`);
  }
  return items;
}

export const splitTextNode: NodeDefinition<SplitTextParams> = {
  type: "splitText",
  label: "Split text",
  description: "Turns a text into a list: one item per line, or per delimiter. Feed it to a For each.",
  category: "logic",
  role: "transform",
  inputs: [{ name: "text", type: "text", label: "Text", required: false }],
  outputs: [{ name: "list", type: "list", label: "List", required: false }],
  paramsSchema: splitTextParamsSchema,
  defaults: { mode: "lines", delimiter: ",", text: "" },
  fields: [
    {
      name: "text",
      label: "Text",
      kind: "textarea",
      placeholder: "Ceramic mug\nWalnut side table\nLinen lamp shade",
      help: "Used when no text is connected.",
    },
    {
      name: "mode",
      label: "Split on",
      kind: "select",
      options: [
        { value: "lines", label: "Each line" },
        { value: "delimiter", label: "A delimiter" },
      ],
    },
    { name: "delimiter", label: "Delimiter", kind: "text", placeholder: ",", help: "Only when splitting on a delimiter." },
  ],
  checkReady(params, connected) {
    if (params.mode === "delimiter" && params.delimiter === "") {
      return [
        { code: "invalid_parameter", field: "delimiter", message: "The delimiter is empty: type the character that separates the items" },
      ];
    }
    if (!connected.has("text") && !params.text.trim()) {
      return [{ code: "missing_parameter", field: "text", message: "There is nothing to split: type the items or connect a text" }];
    }
    return [];
  },
  evaluate({ params, inputs }) {
    const input = inputs.text;
    const text = typeof input === "string" ? input : params.text;
    return { list: splitText(text, params.mode, params.delimiter) };
  },
  summarize(params) {
    return params.mode === "lines" ? "One item per line" : `Split on “${params.delimiter}”`;
  },
};
