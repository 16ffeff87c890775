/**
 * Puts an App form's values into the published graph: each exposed input overrides one
 * parameter of one node, and the node's own `paramsSchema` has the last word on the value
 * (so an App can never run a node with a value the editor would refuse).
 *
 * Pure module: zod and lib/nodes only.
 */
import { ownValue } from "../graph/id-record";
import { workflowGraphSchema, type WorkflowGraph } from "../graph/schema";
import { getNodeDefinition, type AnyNodeDefinition } from "../nodes";
import type { PublishedInput } from "./exposable-inputs";

/** One refused value: the input key (or `graph`) and why. */
export interface AppInputIssue {
  key: string;
  message: string;
}

/** Values an App's graph refuses; `message` lists `key: reason` for each. */
export class AppInputsError extends Error {
  constructor(readonly issues: AppInputIssue[]) {
    super(issues.map((i) => `${i.key}: ${i.message}`).join("; "));
    this.name = "AppInputsError";
  }
}

/**
 * A form value turned into the parameter value the node takes: for a select, the option
 * string itself, else the number it spells ("2" → 2), else null for ""; the first the node's
 * schema accepts wins. Other kinds pass through.
 */
function toParamValue(definition: AnyNodeDefinition, data: Record<string, unknown>, input: PublishedInput, value: unknown): unknown {
  if (input.kind !== "select" || typeof value !== "string") return value;
  const candidates: unknown[] = [value];
  if (value.trim() !== "" && Number.isFinite(Number(value))) candidates.push(Number(value));
  if (value === "") candidates.push(null);
  for (const candidate of candidates) {
    if (definition.paramsSchema.safeParse({ ...data, [input.field]: candidate }).success) return candidate;
  }
  return candidates[candidates.length - 1];
}

/**
 * Returns a copy of `graph` with the node parameters named by `inputs` set from `values`
 * (by input key). A key without a value takes the input's `default`; with neither, the node
 * keeps its published value. `graph` itself is not changed.
 *
 * @param values form values by key (form terms, see inputs-schema.ts); other keys are ignored.
 * @throws AppInputsError naming each input key whose value the node refuses (`platform: Invalid
 *   option…`), or whose node is missing from the graph; and `graph` when it is not a graph.
 */
export function applyInputs(graph: unknown, inputs: readonly PublishedInput[], values: Readonly<Record<string, unknown>>): WorkflowGraph {
  const parsed = workflowGraphSchema.safeParse(graph);
  if (!parsed.success) throw new AppInputsError([{ key: "graph", message: "is not a workflow graph" }]);
  const result: WorkflowGraph = structuredClone(parsed.data);
  const issues: AppInputIssue[] = [];
  for (const input of inputs) {
    const sent = ownValue(values, input.key);
    const value = sent !== undefined ? sent : input.default;
    if (value === undefined) continue;
    const node = result.nodes.find((n) => n.id === input.nodeId);
    const definition = node ? getNodeDefinition(node.type) : undefined;
    if (!node || !definition) {
      issues.push({ key: input.key, message: `node "${input.nodeId}" is not in the workflow` });
      continue;
    }
    const data = { ...(node.data ?? {}) };
    const paramValue = toParamValue(definition, data, input, value);
    const check = definition.paramsSchema.safeParse({ ...data, [input.field]: paramValue });
    const issue = check.success ? undefined : check.error.issues.find((i) => String(i.path[0] ?? "") === input.field);
    if (issue) {
      issues.push({ key: input.key, message: issue.message });
      continue;
    }
    node.data = { ...data, [input.field]: paramValue };
  }
  if (issues.length) throw new AppInputsError(issues);
  return result;
}
