/**
 * Helpers the importers share: parameters parsed with a node kind's own schema, leaving out (and
 * naming) the values it refuses; ids that are not taken yet. Pure module.
 */
import type { AnyNodeDefinition } from "../nodes";

/**
 * `raw` parsed with `definition.paramsSchema`; a parameter the schema refuses is dropped (its
 * default is used) and named in `dropped`. Never throws.
 */
export function parseParams(
  definition: AnyNodeDefinition,
  raw: Record<string, unknown>,
): { params: Record<string, unknown>; dropped: string[] } {
  const candidate: Record<string, unknown> = { ...raw };
  const dropped: string[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    const result = definition.paramsSchema.safeParse(candidate);
    if (result.success) return { params: result.data as Record<string, unknown>, dropped };
    const keys = [...new Set(result.error.issues.map((issue) => String(issue.path[0] ?? "")))].filter((key) => key in candidate);
    if (keys.length === 0) break;
    for (const key of keys) delete candidate[key];
    dropped.push(...keys);
  }
  return { params: structuredClone(definition.defaults) as Record<string, unknown>, dropped: Object.keys(raw) };
}

/** `wanted` when it is free, else `wanted-2`, `wanted-3`…; the id returned is added to `taken`. */
export function uniqueId(wanted: string, taken: Set<string>): string {
  const base = wanted.slice(0, 90) || "node";
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
