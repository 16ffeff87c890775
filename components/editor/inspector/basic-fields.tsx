"use client";
/** Text, textarea, select, number and slider controls; each keeps a draft until the schema accepts it. */
import { useState } from "react";
import { coerceOptionValue } from "@/lib/client/field-values";
import { INPUT_CLASS, type FieldOf, type FieldProps } from "./field-types";

/** Keeps a local draft, reset when the stored value changes from elsewhere (undo, another edit). */
function useDraft<T>(value: T, toDraft: (v: T) => string) {
  const [draft, setDraft] = useState(() => toDraft(value));
  const [seen, setSeen] = useState(value);
  if (!Object.is(seen, value)) {
    setSeen(value);
    setDraft(toDraft(value));
  }
  return [draft, setDraft] as const;
}

const asText = (v: unknown) => (v === null || v === undefined ? "" : String(v));

export function TextField({ field, value, inputId, describedBy, invalid, commit }: FieldProps<FieldOf<"text">>) {
  const [draft, setDraft] = useDraft(value, asText);
  return (
    <input
      id={inputId}
      data-testid={`field-${field.name}`}
      type="text"
      value={draft}
      placeholder={field.placeholder}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      onChange={(event) => {
        setDraft(event.target.value);
        commit(event.target.value);
      }}
      className={`${INPUT_CLASS} h-8`}
    />
  );
}

export function TextareaField({ field, value, inputId, describedBy, invalid, commit }: FieldProps<FieldOf<"textarea">>) {
  const [draft, setDraft] = useDraft(value, asText);
  return (
    <textarea
      id={inputId}
      data-testid={`field-${field.name}`}
      value={draft}
      rows={4}
      placeholder={field.placeholder}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      onChange={(event) => {
        setDraft(event.target.value);
        commit(event.target.value);
      }}
      className={`${INPUT_CLASS} min-h-[84px] resize-y py-2 leading-snug`}
    />
  );
}

export function SelectField({ field, definition, data, value, inputId, describedBy, invalid, commit }: FieldProps<FieldOf<"select">>) {
  const current = asText(value);
  const known = field.options.some((o) => o.value === current);
  return (
    <select
      id={inputId}
      data-testid={`field-${field.name}`}
      value={current}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      onChange={(event) => commit(coerceOptionValue(definition, data, field.name, event.target.value))}
      className={`${INPUT_CLASS} h-8 pr-7`}
    >
      {!known && <option value={current}>{current || "—"}</option>}
      {field.options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

export function NumberField({ field, value, inputId, describedBy, invalid, commit, setDraftError }: FieldProps<FieldOf<"number">>) {
  const [draft, setDraft] = useDraft(value, asText);
  const onChange = (text: string) => {
    setDraft(text);
    if (text.trim() === "") {
      if (field.nullable) commit(null);
      else setDraftError("Enter a number");
      return;
    }
    const n = Number(text);
    if (!Number.isFinite(n)) {
      setDraftError("Enter a number");
      return;
    }
    commit(n);
  };
  return (
    <div className="relative">
      <input
        id={inputId}
        data-testid={`field-${field.name}`}
        type="number"
        inputMode="numeric"
        value={draft}
        min={field.min}
        max={field.max}
        step={field.step}
        placeholder={field.placeholder ?? (field.nullable ? "auto" : undefined)}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
        className={`${INPUT_CLASS} h-8 tabular-nums ${field.unit ? "pr-9" : ""}`}
      />
      {field.unit && (
        <span className="pointer-events-none absolute top-1/2 right-2.5 -translate-y-1/2 text-[12px] text-faint">{field.unit}</span>
      )}
    </div>
  );
}

export function SliderField({ field, value, inputId, describedBy, commit }: FieldProps<FieldOf<"slider">>) {
  const n = typeof value === "number" ? value : field.min;
  const decimals = field.step < 1 ? (String(field.step).split(".")[1]?.length ?? 2) : 0;
  return (
    <div className="flex items-center gap-3">
      <input
        id={inputId}
        data-testid={`field-${field.name}`}
        type="range"
        min={field.min}
        max={field.max}
        step={field.step}
        value={n}
        aria-describedby={describedBy}
        aria-valuetext={n.toFixed(decimals)}
        onChange={(event) => commit(Number(event.target.value))}
        className="h-1.5 min-w-0 flex-1 cursor-pointer accent-[var(--color-accent)]"
      />
      <output htmlFor={inputId} className="w-10 text-right text-[12px] text-muted tabular-nums">
        {n.toFixed(decimals)}
      </output>
    </div>
  );
}
