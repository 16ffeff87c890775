"use client";
import { useState, type ComponentType } from "react";
import { useShallow } from "zustand/react/shallow";
import { getNodeDefinition, type AnyNodeDefinition, type FieldSpec } from "@/lib/nodes";
import type { GraphIssue } from "@/lib/graph/issues";
import { useEditorStore } from "@/lib/client/editor-store";
import { stripNodePrefix, validateFieldValue } from "@/lib/client/field-values";
import { AssetField } from "./asset-field";
import { ConditionsField } from "./conditions-field";
import { NumberField, SelectField, SliderField, TextField, TextareaField } from "./basic-fields";
import type { FieldOf, FieldProps } from "./field-types";
import { MaskField } from "./mask-field";
import { ModelField } from "./model-field";
import { SeedField } from "./seed-field";
import { PresetFitNote, usePresetFit } from "./preset-fit";

/** The control for each field kind (kinds come from lib/nodes/types.ts FieldSpec). */
const CONTROLS: { [K in FieldSpec["kind"]]: ComponentType<FieldProps<FieldOf<K>>> } = {
  text: TextField,
  textarea: TextareaField,
  select: SelectField,
  number: NumberField,
  slider: SliderField,
  seed: SeedField,
  model: ModelField,
  asset: AssetField,
  mask: MaskField,
  conditions: ConditionsField,
};

const NO_WARNINGS: never[] = [];

export interface FieldRowProps {
  field: FieldSpec;
  nodeId: string;
  definition: AnyNodeDefinition;
  data: Record<string, unknown>;
  /** Error of the stored value under the paramsSchema. */
  storedError?: string;
  issues: readonly GraphIssue[];
}

/**
 * One parameter: label, control, help and error. When the input port this parameter stands
 * in for is connected (same name, or `assetParamForPort`), the connection is shown first and
 * the parameter is tucked away as the fallback.
 */
export function FieldRow({ field: declared, nodeId, definition, data, storedError, issues }: FieldRowProps) {
  const [draftError, setDraftError] = useState<string | null>(null);
  // Presets labelled with what the node's model will make of them (lib/nodes/preset-fit.ts).
  const { field, active: presetFit, modelName } = usePresetFit(nodeId, definition, data, declared);
  // A value another setting decides (the preset's ratio and pixels): shown, not editable.
  const savedWarnings = useEditorStore((s) => s.warnings[nodeId]) ?? NO_WARNINGS;
  const locks = definition.lockedFields?.(data as never) ?? {};
  const lock = locks[field.name];
  // The reason is said once, under the first locked field.
  const firstLock = lock && definition.fields.find((f) => locks[f.name])?.name === field.name;
  const updateNodeData = useEditorStore((s) => s.updateNodeData);
  const port = definition.inputs.find((p) => p.name === field.name || definition.assetParamForPort?.[p.name] === field.name);
  const source = useEditorStore(
    useShallow((s) => {
      if (!port) return null;
      const edge = s.edges.find((e) => e.target === nodeId && e.targetHandle === port.name);
      const node = edge ? s.nodes.find((n) => n.id === edge.source) : undefined;
      return node ? { id: node.id, type: node.type ?? "" } : null;
    }),
  );
  const selectNode = (id: string) =>
    useEditorStore
      .getState()
      .onNodesChange(useEditorStore.getState().nodes.map((n) => ({ type: "select" as const, id: n.id, selected: n.id === id })));

  const inputId = `field-${nodeId}-${field.name}`;
  const describedBy = `${inputId}-desc`;
  const issue = issues.find((i) => i.field === field.name || (port && i.port === port.name));
  const error = draftError ?? storedError ?? (issue ? stripNodePrefix(issue.message, definition.label, nodeId) : undefined);

  const commit = (value: unknown): string | null => {
    const problem = validateFieldValue(definition, data, field.name, value);
    setDraftError(problem);
    if (problem === null) updateNodeData(nodeId, { [field.name]: value }, field.name);
    return problem;
  };

  const Control = CONTROLS[field.kind] as ComponentType<FieldProps>;
  const lockedLabel =
    lock && field.kind === "select"
      ? (field.options.find((o) => o.value === String(lock.value))?.label ?? String(lock.value))
      : lock
        ? `${String(lock.value)}${field.kind === "number" && field.unit ? ` ${field.unit}` : ""}`
        : "";
  const control = lock ? (
    <select
      id={inputId}
      data-testid={`field-${field.name}`}
      data-locked="true"
      disabled
      value={String(lock.value)}
      aria-describedby={describedBy}
      title={lock.reason}
      className="h-8 w-full cursor-not-allowed rounded-md border border-line bg-panel-2 px-2 text-[12.5px] text-muted opacity-90"
    >
      <option value={String(lock.value)}>🔒 {lockedLabel}</option>
    </select>
  ) : (
    <Control
      field={field}
      nodeId={nodeId}
      definition={definition}
      data={data}
      value={data[field.name]}
      inputId={inputId}
      describedBy={describedBy}
      invalid={!!error}
      commit={commit}
      setDraftError={setDraftError}
    />
  );
  // Kinds whose control is a group of buttons get no <label for>.
  const labelled = field.kind !== "mask" && field.kind !== "asset" && field.kind !== "conditions";
  const Label = labelled ? "label" : "span";

  return (
    <div className="space-y-1.5" data-field={field.name}>
      <Label {...(labelled ? { htmlFor: inputId } : {})} className="block text-[12px] font-medium text-muted">
        {field.label}
      </Label>
      {source ? (
        <>
          <div
            className="flex items-center gap-2 rounded-md border border-line bg-panel-2 px-2.5 py-2 text-[12.5px]"
            data-testid={`field-${field.name}-connected`}
          >
            <span
              className={`h-2 w-2 shrink-0 rounded-full ${port?.type === "text" ? "bg-port-text" : port?.type === "asset" ? "bg-port-asset" : "bg-port-image"}`}
              aria-hidden="true"
            />
            <span className="min-w-0 flex-1">
              {field.label}: from connected {getNodeDefinition(source.type)?.label ?? source.type} node
            </span>
            <button
              type="button"
              onClick={() => selectNode(source.id)}
              className="rounded text-[12px] text-accent hover:underline focus-visible:outline-2 focus-visible:outline-accent"
            >
              Select
            </button>
          </div>
          {field.kind !== "mask" && field.kind !== "asset" && (
            <details className="group">
              <summary className="cursor-pointer text-[11.5px] text-faint select-none hover:text-muted">Fallback when disconnected</summary>
              <div className="mt-1.5">{control}</div>
            </details>
          )}
        </>
      ) : (
        control
      )}
      <div id={describedBy}>
        {presetFit && !savedWarnings.some((w) => w.message === presetFit.note) && <PresetFitNote fit={presetFit} modelName={modelName} />}
        {lock ? (
          firstLock && (
            <p className="text-[11.5px] text-faint" data-testid={`field-${field.name}-locked`}>
              {lock.reason}
            </p>
          )
        ) : error ? (
          <p className="text-[12px] text-bad" data-testid={`field-${field.name}-error`}>
            {error}
          </p>
        ) : (
          field.help && <p className="text-[11.5px] text-faint">{field.help}</p>
        )}
      </div>
    </div>
  );
}
