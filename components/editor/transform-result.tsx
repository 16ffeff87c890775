"use client";
/**
 * What a transform node (Split text, Text template, If / else) produced in the run on display,
 * read from its node run's recorded values (lib/engine/transform-node.ts): the composed text,
 * the number of list items, and which outputs were left empty (the branch taken). Derived from
 * the definition's output ports, never from the node's type.
 */
import type { AnyNodeDefinition } from "@/lib/nodes";
import type { NodeRun } from "@/lib/client/types";

export function TransformResult({ definition, run }: { definition: AnyNodeDefinition; run: NodeRun }) {
  const values = run.values ?? {};
  const empty = new Set(run.emptyPorts ?? []);
  const lines: Array<{ key: string; text: string; title?: string }> = [];
  const taken = definition.outputs.filter((port) => !empty.has(port.name));
  if (empty.size > 0 && taken.length > 0) {
    lines.push({ key: "branch", text: `Took ${taken.map((port) => `“${port.label}”`).join(", ")}` });
  }
  for (const port of definition.outputs) {
    const value = values[port.name];
    if (Array.isArray(value)) {
      const shown = value.slice(0, 3).join(" · ");
      lines.push({
        key: port.name,
        text: `${value.length} ${value.length === 1 ? "item" : "items"}${shown ? `: ${shown}${value.length > 3 ? " …" : ""}` : ""}`,
        title: value.join("\n"),
      });
    } else if (typeof value === "string" && empty.size === 0) {
      lines.push({ key: port.name, text: value || "(empty text)", title: value });
    }
  }
  if (lines.length === 0) return null;
  return (
    <div
      className="mx-3 mb-2.5 space-y-1 rounded-md border border-line bg-panel-2 px-2 py-1.5 text-[11.5px]"
      data-testid="node-transform-result"
    >
      {lines.map((line) => (
        <p key={line.key} className="line-clamp-4 break-words text-fg" title={line.title}>
          {line.text}
        </p>
      ))}
    </div>
  );
}
