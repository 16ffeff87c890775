"use client";
/**
 * "Model settings": the chosen model's own inputs, from the schema a run would use
 * (GET /api/models/:id/schema), minus the ones the node maps itself (prompt, images, size, count,
 * seed, strength…): GPT Image 2's quality and background, FLUX's guidance and steps. Ranges,
 * defaults and `uiConfig.selects` labels come from the schema. Values are saved in the node's
 * `settings` parameter; the request builder checks them and never sends one the model lacks.
 */
import { useEditorStore } from "@/lib/client/editor-store";
import { useModelSchema } from "@/lib/client/use-model-schema";
import { inputLabel, modelSettingInputs, valueLabel } from "@/lib/nodes/prepare-request";
import type { ModelInput, ModelSchema } from "@/lib/providers/model-schema";
import { INPUT_CLASS } from "./field-types";

type Settings = Record<string, string | number | boolean>;

export function ModelSettings({ nodeId, modelId, settings }: { nodeId: string; modelId: string; settings: Settings }) {
  const answer = useModelSchema(modelId === "auto" ? null : modelId);
  const set = (name: string, value: string | number | boolean | null) => {
    const next: Settings = { ...settings };
    if (value === null || value === "") delete next[name];
    else next[name] = value;
    useEditorStore.getState().updateNodeData(nodeId, { settings: next }, `settings:${name}`);
  };

  let body: React.ReactNode;
  if (modelId === "auto") body = <p className="text-faint">Auto picks a model per run; choose one to set its own settings.</p>;
  else if (answer.isPending) body = <p className="text-faint">Loading the model's settings…</p>;
  else if (answer.isError) body = <p className="text-bad">The model's settings could not be loaded.</p>;
  else if (!answer.data.schema)
    body = (
      <p className="text-warn" data-testid="model-settings-none">
        {answer.data.message}
      </p>
    );
  else {
    const schema = answer.data.schema;
    const inputs = modelSettingInputs(schema);
    const stale = Object.keys(settings).filter((name) => !schema.inputs.some((i) => i.name === name));
    body = (
      <>
        {answer.data.message && <p className="text-faint">{answer.data.message}</p>}
        {inputs.length === 0 ? (
          <p className="text-faint">{answer.data.name} has no settings beyond the node's own.</p>
        ) : (
          inputs.map((input) => (
            <SettingControl
              key={input.name}
              schema={schema}
              input={input}
              value={settings[input.name]}
              onChange={(v) => set(input.name, v)}
            />
          ))
        )}
        {stale.length > 0 && (
          <p className="text-faint" data-testid="model-settings-stale">
            Not sent to {answer.data.name} (settings of another model): {stale.join(", ")}.{" "}
            <button
              type="button"
              className="underline"
              onClick={() =>
                useEditorStore
                  .getState()
                  .updateNodeData(nodeId, { settings: Object.fromEntries(Object.entries(settings).filter(([k]) => !stale.includes(k))) })
              }
            >
              Remove
            </button>
          </p>
        )}
      </>
    );
  }
  return (
    <section aria-label="Model settings" data-testid="model-settings" className="space-y-2.5 text-[12px]">
      <h3 className="text-[12.5px] font-medium text-muted">Model settings</h3>
      {body}
    </section>
  );
}

function SettingControl({
  schema,
  input,
  value,
  onChange,
}: {
  schema: ModelSchema;
  input: ModelInput;
  value: unknown;
  onChange(value: string | number | boolean | null): void;
}) {
  const id = `model-setting-${input.name}`;
  const label = inputLabel(input);
  const fallback = input.default;
  const hint = [
    input.min !== undefined || input.max !== undefined ? `${input.min ?? "…"} to ${input.max ?? "…"}` : null,
    fallback !== undefined && fallback !== ""
      ? `default ${input.allowedValues ? valueLabel(schema, input, fallback) : String(fallback)}`
      : null,
  ]
    .filter(Boolean)
    .join(" · ");
  let control: React.ReactNode;
  if (input.allowedValues) {
    control = (
      <select
        id={id}
        data-testid={id}
        className={`${INPUT_CLASS} h-8`}
        value={value === undefined ? "" : String(value)}
        onChange={(e) => {
          const raw = e.target.value;
          const picked = input.allowedValues!.find((v) => String(v) === raw);
          onChange(picked === undefined ? null : picked);
        }}
      >
        <option value="">Model default{fallback !== undefined ? ` (${valueLabel(schema, input, fallback)})` : ""}</option>
        {input.allowedValues.map((v) => (
          <option key={String(v)} value={String(v)}>
            {valueLabel(schema, input, v)}
          </option>
        ))}
      </select>
    );
  } else if (input.type === "boolean") {
    control = (
      <select
        id={id}
        data-testid={id}
        className={`${INPUT_CLASS} h-8`}
        value={value === undefined ? "" : String(value)}
        onChange={(e) => onChange(e.target.value === "" ? null : e.target.value === "true")}
      >
        <option value="">Model default{fallback !== undefined ? ` (${fallback ? "on" : "off"})` : ""}</option>
        <option value="true">On</option>
        <option value="false">Off</option>
      </select>
    );
  } else if (input.type === "number") {
    control = (
      <input
        id={id}
        data-testid={id}
        type="number"
        className={`${INPUT_CLASS} h-8`}
        min={input.min}
        max={input.max}
        step={input.step ?? "any"}
        placeholder={fallback !== undefined ? String(fallback) : "model default"}
        value={typeof value === "number" ? value : ""}
        onChange={(e) => onChange(e.target.value === "" ? null : Number(e.target.value))}
      />
    );
  } else {
    control = (
      <input
        id={id}
        data-testid={id}
        type="text"
        className={`${INPUT_CLASS} h-8`}
        maxLength={input.maxLength}
        placeholder={fallback !== undefined && fallback !== "" ? String(fallback) : "model default"}
        value={typeof value === "string" ? value : ""}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="flex justify-between gap-2 text-muted">
        <span>{label}</span>
        {hint && <span className="text-faint tabular-nums">{hint}</span>}
      </label>
      {control}
      {input.description && <p className="text-[11px] text-faint">{input.description}</p>}
    </div>
  );
}
