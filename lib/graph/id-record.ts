/**
 * Records keyed by ids a person chose (node ids, edge ids, App input keys). A plain `{}`
 * inherits `constructor`, `toString`, `__proto__`…, so `record["constructor"]` is a function
 * before anything is stored and `record["__proto__"] = x` replaces the prototype. A record
 * without a prototype has only what was put in it. Pure module.
 */

/** An empty record without a prototype (optionally filled from `entries`). */
export function idRecord<T>(entries?: Iterable<readonly [string, T]>): Record<string, T> {
  const record = Object.create(null) as Record<string, T>;
  if (entries) for (const [key, value] of entries) record[key] = value;
  return record;
}

/** A copy of `record` without a prototype. */
export function copyIdRecord<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return idRecord(Object.entries(record));
}

/** `record[key]` when `key` was stored there itself (never an inherited member), else undefined. */
export function ownValue<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}
