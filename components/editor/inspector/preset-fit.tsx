"use client";
import { connectedInputPorts } from "@/lib/graph/upstream";
import type { AnyNodeDefinition, FieldSpec } from "@/lib/nodes";
import { DEFAULT_MODEL_BY_CAPABILITY } from "@/lib/nodes/default-models";
import { fitPresetToModel, presetOptionLabel, type PresetFit } from "@/lib/nodes/preset-fit";
import { useEditorStore } from "@/lib/client/editor-store";
import { useModelSchema } from "@/lib/client/use-model-schema";

/**
 * The model a node's request will be built for, to check sizes against: the chosen model, or
 * for Auto the default model of the node's capability (the resolver may pick another one; the
 * save-time warnings then say what it changes).
 */
function useSizeModel(nodeId: string, definition: AnyNodeDefinition, data: Record<string, unknown>): string | null {
  const edges = useEditorStore((s) => s.edges);
  const chosen = typeof data.model === "string" ? data.model : "auto";
  if (chosen !== "auto") return chosen;
  const capability = definition.capability?.(data, connectedInputPorts(nodeId, edges));
  return capability ? (DEFAULT_MODEL_BY_CAPABILITY[capability] ?? null) : null;
}

/**
 * The platform field with each preset labelled for the node's model: a preset over the model's
 * maximum shows the size the model will get ("Poster print — 3000 × 4500 → 2731 × 4096 (model's
 * limit)"), and the active preset's adjustment is said under the field.
 */
export function usePresetFit(
  nodeId: string,
  definition: AnyNodeDefinition,
  data: Record<string, unknown>,
  field: FieldSpec,
): { field: FieldSpec; active: PresetFit | null; modelName: string | null } {
  const modelId = useSizeModel(nodeId, definition, data);
  const schema = useModelSchema(field.name === "platform" ? modelId : null);
  const answer = schema.data?.schema ? schema.data : null;
  if (field.kind !== "select" || field.name !== "platform" || !answer?.schema) return { field, active: null, modelName: null };
  const options = field.options.map((option) =>
    option.value
      ? { ...option, label: presetOptionLabel(option.value, option.label, fitPresetToModel(option.value, answer.schema!, answer.name)) }
      : option,
  );
  const active = typeof data.platform === "string" && data.platform ? fitPresetToModel(data.platform, answer.schema, answer.name) : null;
  return { field: { ...field, options }, active: active && (active.adjusted || active.refused) ? active : null, modelName: answer.name };
}

/** The note under the platform field when the active preset is adjusted for the model. */
export function PresetFitNote({ fit, modelName }: { fit: PresetFit; modelName: string | null }) {
  return (
    <p className="text-[11.5px] text-warn" data-testid="preset-fit-note">
      {fit.note ?? `${modelName ?? "The model"} cannot make this size.`}
    </p>
  );
}
