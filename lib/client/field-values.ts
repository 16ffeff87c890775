/**
 * Field values checked against the node definition's own `paramsSchema`, so the inspector
 * shows exactly the errors the server would give, and never stores a value it would refuse.
 */
import type { AnyNodeDefinition } from "@/lib/nodes";

/** Errors by parameter name for a node's current data. */
export function fieldErrors(definition: AnyNodeDefinition, data: Record<string, unknown>): Record<string, string> {
  const result = definition.paramsSchema.safeParse(data);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? "");
    errors[name] ??= issue.message;
  }
  return errors;
}

/** The error `value` would give for parameter `name`, or null when it is acceptable. */
export function validateFieldValue(
  definition: AnyNodeDefinition,
  data: Record<string, unknown>,
  name: string,
  value: unknown,
): string | null {
  const result = definition.paramsSchema.safeParse({ ...data, [name]: value });
  if (result.success) return null;
  const issue = result.error.issues.find((i) => String(i.path[0] ?? "") === name);
  return issue ? issue.message : null;
}

/**
 * A select option's string value turned into what the schema takes: the string itself, else
 * the number it spells ("2" → 2), else null for the empty option. The first the schema
 * accepts wins; no node type is special-cased.
 */
export function coerceOptionValue(definition: AnyNodeDefinition, data: Record<string, unknown>, name: string, raw: string): unknown {
  const candidates: unknown[] = [raw];
  if (raw.trim() !== "" && Number.isFinite(Number(raw))) candidates.push(Number(raw));
  if (raw === "") candidates.push(null);
  for (const candidate of candidates) {
    if (validateFieldValue(definition, data, name, candidate) === null) return candidate;
  }
  return candidates[candidates.length - 1];
}

/** A random seed in the schema's range (0 … 2^31-1). */
export function randomSeed(): number {
  const buffer = new Uint32Array(1);
  crypto.getRandomValues(buffer);
  return buffer[0] % 2147483647;
}

/** The message without the "Label node "id": " prefix the validator adds (the node is already in view). */
export function stripNodePrefix(message: string, label: string, nodeId: string): string {
  const prefix = `${label} node "${nodeId}": `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}
