/**
 * If / else node: tests a text against conditions in order; the first that holds chooses its
 * branch (`if1`…`if4`), else `else`. The chosen branch passes the text on (and, when an image is
 * connected, the images on its image output); every other output is left empty, so the nodes
 * after it end `skipped` (lib/engine/scheduler.ts). Operators and first-match rule follow
 * Scenario's `ifElse` (/work/shared/reference/scenario-workflow-format.md): isEmpty, isNotEmpty,
 * contains, notContains, equals, notEquals; one condition per branch here. Text comparisons
 * ignore case and the spaces around the text. Pure module: zod only.
 */
import { z } from "zod";
import type { PortSpec } from "../graph/ports";
import type { EvaluateResult, NodeDefinition } from "./types";

export const CONDITION_OPERATORS = ["isEmpty", "isNotEmpty", "contains", "notContains", "equals", "notEquals"] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export const OPERATOR_LABELS: Readonly<Record<ConditionOperator, string>> = {
  isEmpty: "is empty",
  isNotEmpty: "is not empty",
  contains: "contains",
  notContains: "does not contain",
  equals: "equals",
  notEquals: "does not equal",
};

/** Operators that compare with a value (the others look at the text alone). */
export const OPERATORS_WITH_VALUE: ReadonlySet<ConditionOperator> = new Set(["contains", "notContains", "equals", "notEquals"]);

/** Most condition branches. */
export const MAX_CONDITIONS = 4;

const conditionSchema = z.object({
  operator: z.enum(CONDITION_OPERATORS),
  value: z.string().max(500, "must be at most 500 characters").default(""),
});
export type Condition = z.infer<typeof conditionSchema>;

export const ifElseParamsSchema = z.object({
  conditions: z
    .array(conditionSchema)
    .max(MAX_CONDITIONS, `must have at most ${MAX_CONDITIONS} conditions`)
    .default([{ operator: "isNotEmpty", value: "" }]),
});
export type IfElseParams = z.infer<typeof ifElseParamsSchema>;

/** True when `text` meets `condition` (case and surrounding spaces ignored). */
export function conditionHolds(text: string, condition: Condition): boolean {
  const subject = text.trim().toLowerCase();
  const value = condition.value.trim().toLowerCase();
  switch (condition.operator) {
    case "isEmpty":
      return subject === "";
    case "isNotEmpty":
      return subject !== "";
    case "contains":
      return subject.includes(value);
    case "notContains":
      return !subject.includes(value);
    case "equals":
      return subject === value;
    case "notEquals":
      return subject !== value;
  }
}

/** The branch taken: "if1"… for the first condition that holds, else "else". */
export function chooseBranch(text: string, conditions: readonly Condition[]): string {
  const index = conditions.findIndex((condition) => conditionHolds(text, condition));
  return index < 0 ? "else" : `if${index + 1}`;
}

const BRANCHES = [...Array.from({ length: MAX_CONDITIONS }, (_, i) => `if${i + 1}`), "else"];
const branchLabel = (branch: string) => (branch === "else" ? "Else" : `If ${branch.slice(2)}`);

const outputs: readonly PortSpec[] = [
  ...BRANCHES.map((branch): PortSpec => ({ name: branch, type: "text", label: branchLabel(branch), required: false })),
  ...BRANCHES.map((branch): PortSpec => ({
    name: `${branch}Image`,
    type: "asset",
    label: `${branchLabel(branch)} image`,
    required: false,
  })),
];

export const ifElseNode: NodeDefinition<IfElseParams> = {
  type: "ifElse",
  label: "If / else",
  description: "Sends a text (and an image) down the first branch whose condition holds; the other branches are skipped.",
  category: "logic",
  role: "transform",
  inputs: [
    { name: "text", type: "text", label: "Text", required: true },
    { name: "image", type: "asset", label: "Image", required: false },
  ],
  outputs,
  paramsSchema: ifElseParamsSchema,
  defaults: { conditions: [{ operator: "isNotEmpty", value: "" }] },
  fields: [
    {
      name: "conditions",
      label: "Conditions",
      kind: "conditions",
      operators: CONDITION_OPERATORS.map((value) => ({
        value,
        label: OPERATOR_LABELS[value],
        takesValue: OPERATORS_WITH_VALUE.has(value),
      })),
      max: MAX_CONDITIONS,
      help: "Tested in order on the text; the first that holds takes its branch, else Else. Case is ignored.",
    },
  ],
  emptyPortReason: "the If / else took another branch",
  visibleOutputs(params, connectedInputs) {
    const branches = [...params.conditions.map((_, i) => `if${i + 1}`), "else"];
    return connectedInputs.has("image") ? [...branches, ...branches.map((b) => `${b}Image`)] : branches;
  },
  checkReady(params) {
    if (params.conditions.length === 0) {
      return [{ code: "missing_parameter", field: "conditions", message: "An If / else needs at least one condition: add one" }];
    }
    const blank = params.conditions.findIndex((c) => OPERATORS_WITH_VALUE.has(c.operator) && !c.value.trim());
    if (blank >= 0) {
      const c = params.conditions[blank];
      return [
        {
          code: "invalid_parameter",
          field: "conditions",
          message: `Condition ${blank + 1} (“${OPERATOR_LABELS[c.operator]}”) has no value to compare with: type one`,
        },
      ];
    }
    return [];
  },
  evaluate({ params, inputs }) {
    const text = typeof inputs.text === "string" ? inputs.text : "";
    const branch = chooseBranch(text, params.conditions);
    const images = Array.isArray(inputs.image) ? inputs.image.filter((item) => typeof item !== "string") : [];
    const result: Record<string, string | typeof images> = { [branch]: text };
    if (inputs.image !== undefined) result[`${branch}Image`] = images;
    return result as EvaluateResult;
  },
  summarize(params) {
    const first = params.conditions[0];
    if (!first) return "No condition yet";
    const rest = params.conditions.length > 1 ? ` (+${params.conditions.length - 1})` : "";
    return `If text ${OPERATOR_LABELS[first.operator]}${OPERATORS_WITH_VALUE.has(first.operator) ? ` “${first.value}”` : ""}${rest}`;
  },
};
