"use client";
import { useId, useState } from "react";
import { DEFAULT_MODEL_BY_CAPABILITY } from "@/lib/nodes/default-models";
import { INPUT_CLASS, type FieldOf, type FieldProps } from "./field-types";

const AUTO = "auto";
const CUSTOM = "__custom";
const KNOWN_MODELS = [...new Set(Object.values(DEFAULT_MODEL_BY_CAPABILITY))];

/** "Auto (recommended)" or a specific model id typed in (with known ids suggested). */
export function ModelField({ field, value, inputId, describedBy, invalid, commit, setDraftError }: FieldProps<FieldOf<"model">>) {
  const stored = typeof value === "string" && value ? value : AUTO;
  const [custom, setCustom] = useState(stored !== AUTO);
  const [draft, setDraft] = useState(stored === AUTO ? "" : stored);
  const [seen, setSeen] = useState(stored);
  if (seen !== stored) {
    setSeen(stored);
    setCustom(stored !== AUTO);
    if (stored !== AUTO) setDraft(stored);
  }
  const listId = useId();

  return (
    <div className="space-y-2">
      <select
        id={inputId}
        data-testid={`field-${field.name}`}
        value={custom ? CUSTOM : AUTO}
        aria-describedby={describedBy}
        onChange={(event) => {
          if (event.target.value === AUTO) {
            setCustom(false);
            setDraftError(null);
            commit(AUTO);
          } else {
            setCustom(true);
            if (draft.trim()) commit(draft.trim());
          }
        }}
        className={`${INPUT_CLASS} h-8`}
      >
        <option value={AUTO}>Auto (recommended)</option>
        <option value={CUSTOM}>Specific model…</option>
      </select>
      {custom && (
        <>
          <input
            data-testid={`field-${field.name}-id`}
            aria-label="Model id"
            list={listId}
            value={draft}
            placeholder="model_…"
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(event) => {
              const text = event.target.value;
              setDraft(text);
              if (!text.trim()) {
                setDraftError("Type a model id, or choose Auto");
                return;
              }
              commit(text.trim());
            }}
            className={`${INPUT_CLASS} h-8 font-mono text-[12px]`}
          />
          <datalist id={listId}>
            {KNOWN_MODELS.map((id) => (
              <option key={id} value={id} />
            ))}
          </datalist>
        </>
      )}
    </div>
  );
}
