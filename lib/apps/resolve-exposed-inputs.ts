/**
 * Checks a designer's choice of exposed inputs against the graph and completes each with how
 * the form draws it (kind, options, bounds from the node definition's `fields`): what publish
 * stores on the App version. Pure module (the publish dialog may run it before sending).
 */
import { workflowGraphSchema } from "../graph/schema";
import { getNodeDefinition } from "../nodes";
import { exposableField, formFieldOf, INPUT_KEY_PATTERN, type ExposedInput, type PublishedInput } from "./exposable-inputs";
import { buildInputsSchema } from "./inputs-schema";
import { paintedOverInput } from "./painted-mask-rule";

/** One refused input: `path` like `inputs[2].key`, and why. */
export interface ExposedInputIssue {
  path: string;
  message: string;
}

/**
 * @returns `{ inputs }` (published inputs, in the given order) or `{ issues }`, each naming the
 *   input by index and field: a key that does not match {@link INPUT_KEY_PATTERN} or repeats, a
 *   node that is not in the graph, a field that cannot be exposed, the same field exposed twice,
 *   a default the field refuses; a painted mask (kind `mask`) that is painted over no exposed
 *   image input, or that has a default (a mask drawn on another picture). A mask input is always
 *   required (without one the node would keep the designer's mask) and gets `paintedOver`.
 */
export function resolveExposedInputs(
  graph: unknown,
  exposed: readonly ExposedInput[],
): { inputs: PublishedInput[]; issues?: undefined } | { inputs?: undefined; issues: ExposedInputIssue[] } {
  const parsed = workflowGraphSchema.safeParse(graph);
  if (!parsed.success) return { issues: [{ path: "graph", message: "the saved workflow is not a valid graph" }] };
  const issues: ExposedInputIssue[] = [];
  const keys = new Map<string, number>();
  const fields = new Map<string, number>();
  const inputs: PublishedInput[] = [];
  const indexOf = new Map<PublishedInput, number>();

  exposed.forEach((input, index) => {
    const at = `inputs[${index}]`;
    if (!INPUT_KEY_PATTERN.test(input.key)) {
      issues.push({
        path: `${at}.key`,
        message: `"${input.key}" must start with a lower-case letter and use only a-z, 0-9 and _ (40 characters at most)`,
      });
    } else if (keys.has(input.key)) {
      issues.push({
        path: `${at}.key`,
        message: `"${input.key}" is already the key of inputs[${keys.get(input.key)}]; each input needs its own key`,
      });
    } else {
      keys.set(input.key, index);
    }
    const node = parsed.data.nodes.find((n) => n.id === input.nodeId);
    const definition = node ? getNodeDefinition(node.type) : undefined;
    if (!node || !definition) {
      issues.push({ path: `${at}.nodeId`, message: `the workflow has no node "${input.nodeId}"` });
      return;
    }
    const spec = exposableField(definition, input.field);
    if (!spec) {
      issues.push({
        path: `${at}.field`,
        message: `"${input.field}" of ${definition.label} node "${node.id}" cannot be exposed in an App form`,
      });
      return;
    }
    const fieldKey = `${node.id}\u0000${input.field}`;
    if (fields.has(fieldKey)) {
      issues.push({
        path: `${at}.field`,
        message: `"${input.field}" of ${definition.label} node "${node.id}" is already exposed by inputs[${fields.get(fieldKey)}]`,
      });
      return;
    }
    fields.set(fieldKey, index);
    const published: PublishedInput = {
      key: input.key,
      nodeId: input.nodeId,
      field: input.field,
      label: input.label,
      required: input.required,
      ...formFieldOf(spec),
    };
    if (input.help) published.help = input.help;
    if (input.default !== undefined && input.default !== null) published.default = input.default;
    for (const [name, value] of Object.entries(published))
      if (value === undefined) delete (published as unknown as Record<string, unknown>)[name];
    inputs.push(published);
    indexOf.set(published, index);

    if (published.default !== undefined) {
      const check = buildInputsSchema([{ ...published, required: false }], { partial: true }).safeParse({});
      if (!check.success) issues.push({ path: `${at}.default`, message: check.error.issues[0]?.message ?? "is not a valid value" });
    }
  });
  for (const input of inputs) {
    if (input.kind !== "mask") continue;
    const at = `inputs[${indexOf.get(input)}]`;
    input.required = true;
    if (input.default !== undefined) {
      issues.push({ path: `${at}.default`, message: "a painted mask has no default: each member paints on the image they upload" });
    }
    const image = paintedOverInput(parsed.data, input.nodeId, input.field, inputs);
    if (image) input.paintedOver = image.key;
    else
      issues.push({
        path: `${at}.field`,
        message: `"${input.label}" is painted on an image: also expose the image input that reaches this node, so members paint on their own`,
      });
  }
  return issues.length ? { issues } : { inputs };
}
