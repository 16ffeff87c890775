"use client";
/** Text, prompt (with one run per line), select and number fields of an App's form. */
import { useFormContext, useWatch } from "react-hook-form";
import { promptLines, runsLabel, type AppFormValues } from "@/lib/client/apps/batch";
import type { AppInput } from "@/lib/client/apps/types";
import { APP_INPUT_CLASS, FieldShell } from "./field-shell";

export interface AppFieldProps {
  input: AppInput;
  controlId: string;
  error?: string;
}

export function fieldTestId(input: AppInput): string {
  return `app-field-${input.key}`;
}

function describedBy(controlId: string) {
  return `${controlId}-desc`;
}

export function TextInputField({ input, controlId, error }: AppFieldProps) {
  const { register } = useFormContext<AppFormValues>();
  return (
    <FieldShell
      testId={fieldTestId(input)}
      controlId={controlId}
      label={input.label}
      required={input.required}
      help={input.help}
      error={error}
    >
      <input
        id={controlId}
        type="text"
        data-testid={`app-input-${input.key}`}
        aria-invalid={!!error}
        aria-required={input.required}
        aria-describedby={describedBy(controlId)}
        className={`${APP_INPUT_CLASS} w-full h-9`}
        {...register(input.key)}
      />
    </FieldShell>
  );
}

/** A prompt: several lines may mean several runs when "One run per line" is on. */
export function TextareaInputField({
  input,
  controlId,
  error,
  batch,
  onBatchChange,
}: AppFieldProps & { batch: boolean; onBatchChange: (on: boolean) => void }) {
  const { register, control } = useFormContext<AppFormValues>();
  const value = useWatch({ control, name: input.key });
  const lines = promptLines(value).length;
  return (
    <FieldShell
      testId={fieldTestId(input)}
      controlId={controlId}
      label={input.label}
      required={input.required}
      help={batch ? "Each line is the prompt of its own run." : input.help}
      error={error}
      aside={
        <label className="flex cursor-pointer items-center gap-1.5 text-[11.5px] text-muted select-none">
          <input
            type="checkbox"
            data-testid={`app-input-${input.key}-batch`}
            checked={batch}
            onChange={(event) => onBatchChange(event.target.checked)}
            className="h-3.5 w-3.5 accent-[var(--color-accent)]"
          />
          One run per line
        </label>
      }
    >
      <textarea
        id={controlId}
        data-testid={`app-input-${input.key}`}
        rows={batch ? Math.min(8, Math.max(3, lines + 1)) : 3}
        aria-invalid={!!error}
        aria-required={input.required}
        aria-describedby={describedBy(controlId)}
        className={`${APP_INPUT_CLASS} w-full min-h-[76px] resize-y py-2 leading-snug`}
        {...register(input.key)}
      />
      {batch && lines > 0 && (
        <p className="text-[11.5px] text-accent" data-testid={`app-input-${input.key}-lines`} aria-live="polite">
          {lines} {lines === 1 ? "line" : "lines"} → {runsLabel(lines)}
        </p>
      )}
    </FieldShell>
  );
}

/** A select of the published options; "" is "not given" (the input's default applies) unless it is an option itself. */
export function SelectInputField({ input, controlId, error }: AppFieldProps) {
  const { register } = useFormContext<AppFormValues>();
  const options = input.options ?? [];
  const hasDefault = input.default !== undefined && input.default !== null && input.default !== "";
  const placeholder = !options.some((o) => o.value === "") && !hasDefault;
  return (
    <FieldShell
      testId={fieldTestId(input)}
      controlId={controlId}
      label={input.label}
      required={input.required}
      help={input.help}
      error={error}
    >
      <select
        id={controlId}
        data-testid={`app-input-${input.key}`}
        aria-invalid={!!error}
        aria-required={input.required}
        aria-describedby={describedBy(controlId)}
        className={`${APP_INPUT_CLASS} w-full h-9 pr-7`}
        {...register(input.key)}
      >
        {placeholder && <option value="">{input.required ? "Choose…" : "Not set"}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function NumberInputField({ input, controlId, error }: AppFieldProps) {
  const { register } = useFormContext<AppFormValues>();
  const range = input.min !== undefined && input.max !== undefined ? `${input.min} to ${input.max}` : null;
  return (
    <FieldShell
      testId={fieldTestId(input)}
      controlId={controlId}
      label={input.label}
      required={input.required}
      help={[input.help, range].filter(Boolean).join(" · ") || undefined}
      error={error}
    >
      <input
        id={controlId}
        type="number"
        inputMode="decimal"
        data-testid={`app-input-${input.key}`}
        min={input.min}
        max={input.max}
        aria-invalid={!!error}
        aria-required={input.required}
        aria-describedby={describedBy(controlId)}
        className={`${APP_INPUT_CLASS} h-9 w-40 tabular-nums`}
        {...register(input.key, {
          setValueAs: (raw: unknown) => (raw === "" || raw === null || raw === undefined ? undefined : Number(raw)),
        })}
      />
    </FieldShell>
  );
}
