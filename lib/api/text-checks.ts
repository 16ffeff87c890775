/**
 * Checks of text that reaches the database: PostgreSQL refuses the NUL character in `text` and
 * `jsonb`, and a lone UTF-16 surrogate (half of an emoji) cannot be encoded as UTF-8, so both
 * would fail deep in a query. They are refused up front with the field's name instead.
 */

/** Why `value` cannot be stored as text, or null when it can. */
export function textProblem(value: string): string | null {
  if (value.includes("\u0000")) return "must not contain the NUL character";
  if (!value.isWellFormed()) return "must be valid Unicode text (it has a lone surrogate)";
  return null;
}

/** How deeply a JSON body may nest objects and arrays (a graph needs about 6 levels). */
export const MAX_JSON_DEPTH = 64;

export interface JsonProblem {
  /** `body.nodes.3.data.prompt`, `body.name`, … */
  path: string;
  message: string;
}

/**
 * The first string (value or object key) of a parsed JSON value that cannot be stored, or a
 * nesting deeper than `MAX_JSON_DEPTH`; null when everything is storable. Iterative, so a
 * hostile nesting cannot overflow the stack.
 */
export function findJsonProblem(value: unknown, root = "body"): JsonProblem | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: root, depth: 0 }];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item.value === "string") {
      const problem = textProblem(item.value);
      if (problem) return { path: item.path, message: problem };
      continue;
    }
    if (item.value === null || typeof item.value !== "object") continue;
    if (item.depth >= MAX_JSON_DEPTH) return { path: item.path, message: `must not nest deeper than ${MAX_JSON_DEPTH} levels` };
    const entries = Array.isArray(item.value) ? item.value.map((v, i) => [String(i), v] as const) : Object.entries(item.value);
    for (const [key, child] of entries) {
      const keyProblem = textProblem(key);
      const path = `${item.path}.${keyProblem ? "?" : key}`;
      if (keyProblem) return { path, message: `has a key that ${keyProblem}` };
      stack.push({ value: child, path, depth: item.depth + 1 });
    }
  }
  return null;
}
