/**
 * The publish dialog's form: its values, its zod schema (the route's own field schemas from
 * lib/apps/schemas.ts, plus the rules the dialog can check before asking: at least one input,
 * labels, unique keys) and the request body it becomes. Pure module.
 */
import { z } from "zod";
import { INPUT_KEY_PATTERN, type ExposableInput, type ExposedInput, type PublishedInput } from "@/lib/apps/exposable-inputs";
import { appDescriptionSchema, appNameSchema, appSlugSchema } from "@/lib/apps/schemas";
import type { PublishAppBody } from "./types";

export interface PublishInputValues {
  enabled: boolean;
  key: string;
  label: string;
  help: string;
  default: unknown;
  required: boolean;
}

export interface PublishFormValues {
  /** "" for a new App, else the slug of the App to publish a new version of. */
  target: string;
  name: string;
  slug: string;
  description: string;
  /** An asset id, null for no cover, "keep" to leave an existing App's cover as it is. */
  cover: string | null;
  /** One entry per exposable input, in the order `listExposableInputs` gives. */
  inputs: PublishInputValues[];
}

const capitalize = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

export const publishFormSchema = z
  .object({
    target: z.string(),
    name: z.string(),
    slug: z.string(),
    description: z.string(),
    cover: z.string().nullable(),
    inputs: z.array(
      z.object({ enabled: z.boolean(), key: z.string(), label: z.string(), help: z.string(), default: z.unknown(), required: z.boolean() }),
    ),
  })
  .superRefine((values, ctx) => {
    const check = (schema: z.ZodType, value: unknown, path: Array<string | number>) => {
      const result = schema.safeParse(value);
      if (!result.success) ctx.addIssue({ code: "custom", path, message: capitalize(result.error.issues[0].message) });
    };
    check(appNameSchema, values.name, ["name"]);
    check(appSlugSchema, values.slug, ["slug"]);
    check(appDescriptionSchema, values.description, ["description"]);
    const enabled = values.inputs.map((input, index) => ({ input, index })).filter(({ input }) => input.enabled);
    if (enabled.length === 0) ctx.addIssue({ code: "custom", path: ["inputs"], message: "Choose at least one input for the App's form." });
    const seen = new Set<string>();
    for (const { input, index } of enabled) {
      if (!input.label.trim()) ctx.addIssue({ code: "custom", path: ["inputs", index, "label"], message: "Give the field a label" });
      else if (input.label.trim().length > 80)
        ctx.addIssue({ code: "custom", path: ["inputs", index, "label"], message: "At most 80 characters" });
      if (input.help.trim().length > 300)
        ctx.addIssue({ code: "custom", path: ["inputs", index, "help"], message: "At most 300 characters" });
      if (!INPUT_KEY_PATTERN.test(input.key))
        ctx.addIssue({ code: "custom", path: ["inputs", index, "key"], message: "Use a-z, 0-9 and _ (starting with a letter)" });
      else if (seen.has(input.key))
        ctx.addIssue({ code: "custom", path: ["inputs", index, "key"], message: "Another input uses this key" });
      seen.add(input.key);
    }
  });

/** "Story Maker 2!" → "story-maker-2". */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

/** Whether an input starts checked: uploads, painted masks and prompts are what a form is usually for. */
function exposedByDefault(candidate: ExposableInput): boolean {
  return candidate.kind === "image" || candidate.kind === "mask" || candidate.kind === "textarea";
}

/** Whether an input starts required; a painted mask always is (the server makes it so). */
function requiredByDefault(candidate: ExposableInput): boolean {
  return candidate.kind === "image" || candidate.kind === "mask" || candidate.kind === "textarea";
}

/**
 * The inputs' starting values: the candidates' suggestions, or, when publishing a new version
 * of an App, what its current version exposes (same keys, so earlier runs re-run the same).
 */
export function initialInputs(candidates: readonly ExposableInput[], published?: readonly PublishedInput[]): PublishInputValues[] {
  return candidates.map((candidate) => {
    const previous = published?.find((p) => p.nodeId === candidate.nodeId && p.field === candidate.field);
    if (published) {
      return {
        enabled: !!previous,
        key: previous?.key ?? candidate.suggestedKey,
        label: previous?.label ?? candidate.label,
        help: previous?.help ?? "",
        default: previous ? (previous.default ?? candidate.defaultValue) : candidate.defaultValue,
        required: previous?.required ?? requiredByDefault(candidate),
      };
    }
    return {
      enabled: exposedByDefault(candidate),
      key: candidate.suggestedKey,
      label: candidate.label,
      help: "",
      default: candidate.defaultValue,
      required: requiredByDefault(candidate),
    };
  });
}

/** Whether a default is worth sending: a required image has none (each member uploads theirs), a painted mask never. */
function sendableDefault(kind: ExposableInput["kind"], input: PublishInputValues): unknown {
  if (input.default === undefined || input.default === null || input.default === "") return undefined;
  if (kind === "mask") return undefined;
  if (kind === "image" && input.required) return undefined;
  if (kind === "number" && typeof input.default === "number" && Number.isNaN(input.default)) return undefined;
  return input.default;
}

export function toPublishBody(candidates: readonly ExposableInput[], values: PublishFormValues): PublishAppBody {
  const inputs: ExposedInput[] = [];
  values.inputs.forEach((input, index) => {
    const candidate = candidates[index];
    if (!input.enabled || !candidate) return;
    const exposed: ExposedInput = {
      key: input.key,
      nodeId: candidate.nodeId,
      field: candidate.field,
      label: input.label.trim(),
      required: input.required || candidate.kind === "mask",
    };
    if (input.help.trim()) exposed.help = input.help.trim();
    const def = sendableDefault(candidate.kind, input);
    if (def !== undefined) exposed.default = def;
    inputs.push(exposed);
  });
  const body: PublishAppBody = { name: values.name.trim(), slug: values.slug, description: values.description.trim(), inputs };
  if (values.target) body.appSlug = values.target;
  if (values.cover !== "keep") body.coverAssetId = values.cover;
  return body;
}
