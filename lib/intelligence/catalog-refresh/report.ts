/**
 * Human-readable report of a catalog refresh (printed by `npm run catalog:refresh`). Pure module.
 */
import type { MergeReport } from "./merge";

/** Longest rendering of one before/after value, in characters. */
const MAX_VALUE_CHARS = 120;

/**
 * Formats the merge report as lines: counts, then kept models with their changed fields
 * (`inputs.aspectRatios: [...] → [...]`), added models, dropped models with the reason, skipped rows.
 *
 * @param extra lines about the fetch (rows listed, skipped, warnings) printed after the counts.
 */
export function formatReport(
  report: MergeReport,
  extra: { listed?: number; fetchSkipped?: { id: string; reason: string }[]; warnings?: string[] } = {},
): string[] {
  const lines: string[] = [];
  lines.push(`Catalog refresh: snapshot ${report.previousSnapshotDate} → ${report.snapshotDate}`);
  lines.push(
    `  kept ${report.kept.length}, added ${report.added.length}, dropped ${report.dropped.length}, ` +
      `changed ${report.changed.length}, skipped ${report.skipped.length + (extra.fetchSkipped?.length ?? 0)}`,
  );
  if (extra.listed !== undefined) lines.push(`  GET /models listed ${extra.listed} row(s)`);
  for (const warning of extra.warnings ?? []) lines.push(`  warning: ${warning}`);

  if (report.changed.length) {
    lines.push("Changed (kept models):");
    for (const { id, changes } of report.changed) {
      lines.push(`  ${id}`);
      for (const change of changes) lines.push(`    ${change.field}: ${renderChange(change.before, change.after)}`);
    }
  }
  if (report.added.length) {
    lines.push("Added (null performance figures: not in the previous snapshot):");
    for (const id of report.added) lines.push(`  + ${id}`);
  }
  if (report.dropped.length) {
    lines.push("Dropped:");
    for (const { id, name, reason } of report.dropped) lines.push(`  - ${id} (${name}): ${reason}`);
  }
  const skipped = [...report.skipped, ...(extra.fetchSkipped ?? [])];
  if (skipped.length) {
    lines.push("Skipped API rows:");
    for (const { id, reason } of skipped) lines.push(`  · ${id}: ${reason}`);
  }
  return lines;
}

/** `before → after`; for two lists of plain values with the same items added/removed, `+a, −b` (or "reordered"). */
function renderChange(before: unknown, after: unknown): string {
  if (isPlainList(before) && isPlainList(after)) {
    const added = after.filter((v) => !before.includes(v));
    const removed = before.filter((v) => !after.includes(v));
    if (added.length || removed.length) {
      return truncate([...added.map((v) => `+${JSON.stringify(v)}`), ...removed.map((v) => `−${JSON.stringify(v)}`)].join(", "));
    }
    if (before.length === after.length) return `reordered to ${render(after)}`;
  }
  return `${render(before)} → ${render(after)}`;
}

function isPlainList(value: unknown): value is (string | number | boolean)[] {
  return Array.isArray(value) && value.every((v) => ["string", "number", "boolean"].includes(typeof v));
}

function truncate(text: string): string {
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

function render(value: unknown): string {
  if (value === undefined) return "(none)";
  return truncate(JSON.stringify(value) ?? String(value));
}
