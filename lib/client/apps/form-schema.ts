/**
 * The App form's zod schema, derived from the one-run schema (`buildInputsSchema(inputs)`,
 * lib/apps/inputs-schema.ts) so the form shows the errors the server would give. Pure module.
 *
 * The form differs from one run's inputs in two ways, both for batches:
 * - an image input holds a list of asset ids (one run per image);
 * - a textarea in "one run per line" mode holds several prompts.
 * The schema therefore checks the shape of those lists, then splits the form into runs
 * (batch.ts) and checks every run against the one-run schema, putting each error back on its
 * field, with the image or line it is about when there are several ("Line 2: must be…").
 */
import { z } from "zod";
import { planBatch, type AppFormValues } from "./batch";
import type { AppInput } from "./types";

/** The one-run schema's short messages ("required", "must be at most…") as a sentence for its field. */
export function fieldMessage(input: AppInput | undefined, message: string): string {
  if (message === "required") {
    if (input?.kind === "image") return "Upload an image";
    if (input?.kind === "mask") return "Paint over the area to change";
    if (input?.kind === "select") return "Choose an option";
    return "Required";
  }
  return message.charAt(0).toUpperCase() + message.slice(1);
}

export function buildFormSchema(runSchema: z.ZodType, inputs: readonly AppInput[], batchLines: ReadonlySet<string>) {
  const shape: Record<string, z.ZodType> = {};
  for (const input of inputs) {
    if (input.kind === "image") shape[input.key] = z.array(z.string());
    else if (input.kind === "textarea") shape[input.key] = z.string();
  }
  return z.looseObject(shape).superRefine((values, ctx) => {
    const form = values as AppFormValues;
    const plan = planBatch(inputs, form, batchLines);
    if (plan.error) {
      ctx.addIssue({ code: "custom", path: [plan.error.key], message: plan.error.message });
      return;
    }
    const varying = new Set(plan.batched.map((b) => b.key));
    const reported = new Set<string>();
    plan.items.forEach((item, index) => {
      const result = runSchema.safeParse(item);
      if (result.success) return;
      for (const issue of result.error.issues) {
        const key = String(issue.path[0] ?? "");
        if (reported.has(key)) continue;
        reported.add(key);
        const input = inputs.find((i) => i.key === key);
        const prefix = varying.has(key) ? `${input?.kind === "image" ? "Image" : "Line"} ${index + 1}: ` : "";
        ctx.addIssue({ code: "custom", path: [key], message: `${prefix}${fieldMessage(input, issue.message)}` });
      }
    });
  });
}

/** The form's starting values: each input's published default; image inputs start as an empty list. */
export function defaultFormValues(inputs: readonly AppInput[]): AppFormValues {
  const values: AppFormValues = {};
  for (const input of inputs) {
    if (input.kind === "image") values[input.key] = [];
    else if (input.default !== undefined && input.default !== null) values[input.key] = input.default;
    else if (input.kind === "text" || input.kind === "textarea" || input.kind === "select") values[input.key] = "";
    else values[input.key] = undefined;
  }
  return values;
}
