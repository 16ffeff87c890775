/**
 * How a model schema's `source` reads in the picker: `api 2026-12-03T09:00:00.000Z` → "read
 * from Scenario 2026-12-03"; `recorded 2026-08 (…)` → "recorded 2026-08"; anything else as is.
 * Pure module.
 */
export function schemaSourceLabel(source: string | null): string | null {
  if (!source) return null;
  const api = /^api (\d{4}-\d{2}-\d{2})/.exec(source);
  if (api) return `read from Scenario ${api[1]}`;
  return source.replace(/\s*\(.*\)\s*$/, "");
}
