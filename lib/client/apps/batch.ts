/**
 * How one filled form becomes one run per item (a batch). Pure module.
 *
 * 1. An image input holds a list of uploaded asset ids; a textarea marked "one run per line"
 *    holds its non-empty lines. Every other input holds one value.
 * 2. The lists longer than one must all have the same length n (3 images and 3 prompt lines
 *    pair up in order); lists of one repeat for every run; an empty image list leaves the
 *    input out (the App's default applies).
 * 3. A painted mask (`paintedOver`) is drawn on one image: its image input takes a single image.
 * 4. The batch is n runs (1 when nothing is batched), each with one value per input.
 */
import type { AppInput, AppRunInputs } from "./types";

/** Form values by input key: image inputs hold `string[]` (asset ids). */
export type AppFormValues = Record<string, unknown>;

export interface BatchPlan {
  items: AppRunInputs[];
  /** Inputs that vary across runs, with how many values each. */
  batched: Array<{ key: string; count: number }>;
  /** When the batched lists do not line up: the input at fault and why. */
  error: { key: string; message: string } | null;
}

/** The non-empty lines of a prompt, trimmed. */
export function promptLines(text: unknown): string[] {
  return typeof text === "string"
    ? text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
    : [];
}

/** The asset ids an image input holds. */
export function imageIds(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string" && v.length > 0);
  return typeof value === "string" && value ? [value] : [];
}

const noun = (input: AppInput, count: number) =>
  input.kind === "image" ? `${count} image${count === 1 ? "" : "s"}` : `${count} line${count === 1 ? "" : "s"} of ${input.label}`;

export function planBatch(inputs: readonly AppInput[], values: AppFormValues, batchLines: ReadonlySet<string>): BatchPlan {
  const lists = new Map<string, unknown[]>();
  for (const input of inputs) {
    if (input.kind === "image") lists.set(input.key, imageIds(values[input.key]));
    else if (input.kind === "textarea" && batchLines.has(input.key)) lists.set(input.key, promptLines(values[input.key]));
  }
  const batched = [...lists].filter(([, list]) => list.length > 1).map(([key, list]) => ({ key, count: list.length }));
  let error: BatchPlan["error"] = null;
  const first = batched[0];
  const mismatch = batched.find((b) => b.count !== first.count);
  const masked = inputs.find((i) => i.kind === "mask" && i.paintedOver && batched.some((b) => b.key === i.paintedOver));
  if (masked) {
    const image = inputs.find((i) => i.key === masked.paintedOver)!;
    error = { key: image.key, message: `"${masked.label}" is painted on one image: choose a single image for "${image.label}".` };
  } else if (first && mismatch) {
    const a = inputs.find((i) => i.key === first.key)!;
    const b = inputs.find((i) => i.key === mismatch.key)!;
    error = { key: mismatch.key, message: `${noun(a, first.count)} but ${noun(b, mismatch.count)}: give as many of each, or just one.` };
  }
  const count = error ? 0 : (first?.count ?? 1);
  const items: AppRunInputs[] = [];
  for (let index = 0; index < count; index++) {
    const item: AppRunInputs = {};
    for (const input of inputs) {
      const list = lists.get(input.key);
      if (!list) {
        if (values[input.key] !== undefined) item[input.key] = values[input.key];
        continue;
      }
      if (list.length === 0) {
        // A batched prompt with no lines is an empty prompt (required ones fail validation); an empty image list is left out.
        if (input.kind !== "image") item[input.key] = "";
        continue;
      }
      item[input.key] = list.length === 1 ? list[0] : list[index];
    }
    items.push(item);
  }
  return { items, batched, error };
}

/** "1 run", "3 runs". */
export function runsLabel(count: number): string {
  return `${count} run${count === 1 ? "" : "s"}`;
}
