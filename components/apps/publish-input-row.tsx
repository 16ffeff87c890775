"use client";
import { useFormContext, useWatch } from "react-hook-form";
import type { ExposableInput } from "@/lib/apps/exposable-inputs";
import { assetThumbUrl } from "@/lib/client/api-client";
import type { PublishFormValues } from "@/lib/client/apps/publish-form";
import { APP_INPUT_CLASS } from "./field-shell";

const KIND_LABELS: Record<ExposableInput["kind"], string> = {
  text: "Text",
  textarea: "Prompt",
  image: "Image upload",
  mask: "Painted by the member",
  select: "Choice",
  number: "Number",
};

/** The node's current value, as the designer reads it. */
function currentValue(candidate: ExposableInput): string {
  const value = candidate.defaultValue;
  if (candidate.kind === "image") return value ? "image uploaded" : "no image yet";
  if (candidate.kind === "mask") return value ? "your mask (not published)" : "no mask yet";
  if (candidate.kind === "select") return candidate.options?.find((o) => o.value === value)?.label ?? String(value ?? "");
  if (value === undefined || value === null || value === "") return "empty";
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** One value the form may expose: a checkbox, then its label, help, default and required flag. */
export function PublishInputRow({ candidate, index }: { candidate: ExposableInput; index: number }) {
  const { register, control, formState } = useFormContext<PublishFormValues>();
  const enabled = useWatch({ control, name: `inputs.${index}.enabled` });
  const required = useWatch({ control, name: `inputs.${index}.required` });
  const key = useWatch({ control, name: `inputs.${index}.key` });
  const errors = formState.errors.inputs?.[index];
  const base = `publish-input-${candidate.nodeId}-${candidate.field}`;
  const id = (part: string) => `${base}-${part}`;

  return (
    <li
      className={`rounded-lg border transition-colors ${enabled ? "border-accent/50 bg-accent-soft/40" : "border-line bg-panel-2/40"}`}
      data-testid={base}
      data-enabled={enabled}
    >
      <label className="flex cursor-pointer items-center gap-2.5 px-3 py-2">
        <input
          type="checkbox"
          data-testid={id("toggle")}
          className="h-4 w-4 accent-[var(--color-accent)]"
          {...register(`inputs.${index}.enabled`)}
        />
        <span className="min-w-0 flex-1">
          <span className="text-[13px] font-medium">{candidate.nodeLabel}</span>
          <span className="text-[13px] text-muted">
            {" "}
            ·{" "}
            {candidate.field === "assetId"
              ? "upload"
              : candidate.field === "text"
                ? "text"
                : candidate.kind === "mask"
                  ? "mask"
                  : candidate.label}
          </span>
          <span className="ml-2 rounded bg-panel-3 px-1.5 py-px text-[10.5px] text-faint">{KIND_LABELS[candidate.kind]}</span>
        </span>
        <span className="max-w-[200px] truncate text-[11.5px] text-faint" title={currentValue(candidate)}>
          now: {currentValue(candidate)}
        </span>
      </label>
      {enabled && (
        <div className="grid grid-cols-2 gap-x-3 gap-y-2.5 border-t border-line/70 px-3 py-3 pl-9">
          <div className="space-y-1">
            <label htmlFor={id("label")} className="block text-[11.5px] font-medium text-muted">
              Field label
            </label>
            <input
              id={id("label")}
              data-testid={id("label")}
              aria-invalid={!!errors?.label}
              aria-describedby={errors?.label ? id("label-error") : undefined}
              className={`${APP_INPUT_CLASS} w-full h-8`}
              {...register(`inputs.${index}.label`)}
            />
            {errors?.label && (
              <p id={id("label-error")} className="text-[11.5px] text-bad">
                {errors.label.message}
              </p>
            )}
          </div>
          <div className="space-y-1">
            <span id={id("default-label")} className="block text-[11.5px] font-medium text-muted">
              Default
            </span>
            <DefaultControl
              candidate={candidate}
              index={index}
              labelledBy={id("default-label")}
              testId={id("default")}
              required={required}
            />
          </div>
          <div className="col-span-2 space-y-1">
            <label htmlFor={id("help")} className="block text-[11.5px] font-medium text-muted">
              Help text <span className="font-normal text-faint">(optional)</span>
            </label>
            <input
              id={id("help")}
              data-testid={id("help")}
              placeholder="Shown under the field, e.g. “Where the image will be posted”"
              aria-invalid={!!errors?.help}
              className={`${APP_INPUT_CLASS} w-full h-8`}
              {...register(`inputs.${index}.help`)}
            />
            {errors?.help && <p className="text-[11.5px] text-bad">{errors.help.message}</p>}
          </div>
          <label className="col-span-2 flex cursor-pointer items-center gap-2 text-[12.5px] text-muted">
            <input
              type="checkbox"
              data-testid={id("required")}
              className="h-3.5 w-3.5 accent-[var(--color-accent)]"
              {...register(`inputs.${index}.required`)}
              {...(candidate.kind === "mask" ? { checked: true, disabled: true } : {})}
            />
            {candidate.kind === "mask"
              ? "Required: each member paints on the image they upload (expose that image too)"
              : "Required: the member must fill it in"}
            {errors?.key && (
              <span className="ml-auto text-[11.5px] text-bad">
                Key “{key}”: {errors.key.message}
              </span>
            )}
          </label>
        </div>
      )}
    </li>
  );
}

function DefaultControl({
  candidate,
  index,
  labelledBy,
  testId,
  required,
}: {
  candidate: ExposableInput;
  index: number;
  labelledBy: string;
  testId: string;
  required: boolean;
}) {
  const { register } = useFormContext<PublishFormValues>();
  const name = `inputs.${index}.default` as const;
  switch (candidate.kind) {
    case "select":
      return (
        <select aria-labelledby={labelledBy} data-testid={testId} className={`${APP_INPUT_CLASS} w-full h-8 pr-7`} {...register(name)}>
          {candidate.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
    case "number":
      return (
        <input
          type="number"
          aria-labelledby={labelledBy}
          data-testid={testId}
          min={candidate.min}
          max={candidate.max}
          step={candidate.step}
          className={`${APP_INPUT_CLASS} w-full h-8 tabular-nums`}
          {...register(name, { setValueAs: (v: unknown) => (v === "" || v === null || v === undefined ? undefined : Number(v)) })}
        />
      );
    case "image": {
      const assetId = typeof candidate.defaultValue === "string" && candidate.defaultValue ? candidate.defaultValue : null;
      return (
        <p className="flex h-8 items-center gap-2 text-[12px] text-faint" data-testid={testId}>
          {assetId && !required && <img src={assetThumbUrl(assetId)} alt="" className="checkerboard h-7 w-7 rounded object-cover" />}
          {required ? "None: each member uploads theirs" : assetId ? "The workflow's image" : "None"}
        </p>
      );
    }
    case "mask":
      return (
        <p className="flex h-8 items-center text-[12px] text-faint" data-testid={testId}>
          None: each member paints theirs
        </p>
      );
    case "textarea":
      return (
        <textarea
          aria-labelledby={labelledBy}
          data-testid={testId}
          rows={1}
          className={`${APP_INPUT_CLASS} w-full min-h-8 resize-y py-1.5`}
          {...register(name)}
        />
      );
    default:
      return <input aria-labelledby={labelledBy} data-testid={testId} className={`${APP_INPUT_CLASS} w-full h-8`} {...register(name)} />;
  }
}
