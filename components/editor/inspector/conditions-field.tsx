"use client";
/**
 * An ordered list of conditions (an If / else's): for each, an operator and, when the operator
 * compares, a value; add, remove. Operators and the most conditions come from the field spec
 * (lib/nodes/types.ts FieldSpec "conditions"). Each change is checked by the paramsSchema.
 */
import { useState } from "react";
import { TrashIcon, PlusIcon } from "../../ui/icons";
import { INPUT_CLASS, type FieldOf, type FieldProps } from "./field-types";

interface Condition {
  operator: string;
  value: string;
}

const asConditions = (value: unknown): Condition[] =>
  Array.isArray(value)
    ? value.map((c) => ({ operator: String((c as Condition)?.operator ?? ""), value: String((c as Condition)?.value ?? "") }))
    : [];

export function ConditionsField({ field, value, inputId, describedBy, invalid, commit }: FieldProps<FieldOf<"conditions">>) {
  const stored = asConditions(value);
  // Values being typed, so a keystroke the schema refuses (too long) is not lost.
  const [drafts, setDrafts] = useState<Record<number, string>>({});
  const update = (next: Condition[]) => {
    commit(next);
    setDrafts({});
  };
  return (
    <div
      id={inputId}
      role="group"
      aria-describedby={describedBy}
      aria-invalid={invalid}
      className="space-y-1.5"
      data-testid={`field-${field.name}`}
    >
      {stored.map((condition, index) => {
        const operator = field.operators.find((o) => o.value === condition.operator);
        return (
          <div key={index} className="space-y-1 rounded-md border border-line bg-panel-2 p-1.5" data-testid="condition-row">
            <div className="flex min-w-0 items-center gap-1.5">
              <span className="shrink-0 text-[11.5px] text-faint tabular-nums">If {index + 1}, the text</span>
              <select
                aria-label={`Condition ${index + 1}: operator`}
                value={condition.operator}
                onChange={(event) => update(stored.map((c, i) => (i === index ? { ...c, operator: event.target.value } : c)))}
                className={`${INPUT_CLASS} h-8 min-w-0 flex-1 px-1.5`}
              >
                {field.operators.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
              <button
                type="button"
                aria-label={`Remove condition ${index + 1}`}
                title="Remove this condition"
                onClick={() => update(stored.filter((_, i) => i !== index))}
                className="grid h-8 w-8 shrink-0 place-items-center rounded-md text-faint hover:bg-panel-3 hover:text-fg"
              >
                <TrashIcon size={14} />
              </button>
            </div>
            {operator?.takesValue && (
              <input
                type="text"
                aria-label={`Condition ${index + 1}: value`}
                value={drafts[index] ?? condition.value}
                placeholder="value, e.g. night"
                onChange={(event) => {
                  setDrafts({ ...drafts, [index]: event.target.value });
                  commit(stored.map((c, i) => (i === index ? { ...c, value: event.target.value } : c)));
                }}
                className={`${INPUT_CLASS} h-8`}
              />
            )}
          </div>
        );
      })}
      <p className="text-[11.5px] text-faint">Otherwise: Else</p>
      {stored.length < field.max && (
        <button
          type="button"
          onClick={() => update([...stored, { operator: field.operators[0]?.value ?? "", value: "" }])}
          className="flex h-7 items-center gap-1 rounded-md border border-line-strong px-2 text-[12px] text-muted hover:text-fg"
        >
          <PlusIcon size={13} /> Add condition
        </button>
      )}
    </div>
  );
}
