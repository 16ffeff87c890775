"use client";
/**
 * The App's form, generated from its published inputs: react-hook-form with the zod schema of
 * lib/apps (the server checks the same), image inputs taking several files and prompts one run
 * per line (a batch), the estimated cost, the daily quota, and Run.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useCallback, useEffect, useId, useMemo, useState } from "react";
import { FormProvider, useForm, useWatch, type Resolver } from "react-hook-form";
import { buildInputsSchema } from "@/lib/apps/exposable-inputs";
import { MAX_BATCH_ITEMS } from "@/lib/apps/schemas";
import { planBatch, runsLabel, type AppFormValues } from "@/lib/client/apps/batch";
import { buildFormSchema, defaultFormValues } from "@/lib/client/apps/form-schema";
import type { AppDetail, AppRunInputs } from "@/lib/client/apps/types";
import { useAppEstimate } from "@/lib/client/apps/use-app-estimate";
import { shortcutLabel } from "../editor/shortcuts";
import { Button } from "../ui/button";
import { PlayIcon } from "../ui/icons";
import { Spinner } from "../ui/spinner";
import { GaugeIcon } from "../ui/icons";
import { NumberInputField, SelectInputField, TextInputField, TextareaInputField } from "./app-form-fields";
import { CostEstimate } from "./cost-estimate";
import { ImageDropField } from "./image-drop-field";
import { MaskPaintField } from "./mask-paint-field";
import { RunStartError } from "./quota-notice";

export function AppRunForm({
  app,
  onRun,
  starting,
  startError,
}: {
  app: AppDetail;
  /** Starts one run per item. */
  onRun: (items: AppRunInputs[]) => void;
  starting: boolean;
  startError: unknown;
}) {
  const inputs = app.currentVersion.inputs;
  const formId = useId();
  const runSchema = useMemo(() => buildInputsSchema(inputs), [inputs]);
  const partialSchema = useMemo(() => buildInputsSchema(inputs, { partial: true }), [inputs]);
  const [batchLines, setBatchLines] = useState<ReadonlySet<string>>(() => new Set());
  const formSchema = useMemo(() => buildFormSchema(runSchema, inputs, batchLines), [runSchema, inputs, batchLines]);
  const defaultValues = useMemo(() => defaultFormValues(inputs), [inputs]);
  const form = useForm<AppFormValues>({
    resolver: zodResolver(formSchema) as unknown as Resolver<AppFormValues>,
    defaultValues,
    mode: "onTouched",
  });
  const { errors, isValid, isSubmitted } = form.formState;

  // A batch toggle changes the schema: check again what was already checked.
  useEffect(() => {
    if (isSubmitted || Object.keys(form.formState.touchedFields).length > 0) void form.trigger();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [formSchema]);

  const values = useWatch({ control: form.control }) as AppFormValues;
  const plan = useMemo(() => planBatch(inputs, values, batchLines), [inputs, values, batchLines]);

  const [pendingUploads, setPendingUploads] = useState<Record<string, number>>({});
  const onPendingChange = useCallback(
    (key: string, count: number) => setPendingUploads((p) => (p[key] === count ? p : { ...p, [key]: count })),
    [],
  );
  const uploading = Object.values(pendingUploads).some((n) => n > 0);

  // Price the form as soon as what is filled in is valid (required inputs may still be missing).
  const estimateItems = useMemo(() => {
    if (plan.error || plan.items.length === 0) return null;
    const parsed: AppRunInputs[] = [];
    for (const item of plan.items) {
      const result = partialSchema.safeParse(item);
      if (!result.success) return null;
      parsed.push(result.data);
    }
    return parsed;
  }, [plan, partialSchema]);
  const estimate = useAppEstimate(app.slug, estimateItems ?? [], !!estimateItems && !uploading);

  const runs = plan.items.length;
  const remaining = Math.max(0, app.dailyRunQuota - app.runsToday);
  const overQuota = runs > remaining;
  const tooMany = runs > MAX_BATCH_ITEMS;
  const blocked = !isValid || uploading || overQuota || tooMany || !!plan.error;
  const hint = uploading
    ? "Waiting for the uploads to finish…"
    : tooMany
      ? `At most ${MAX_BATCH_ITEMS} runs at once: split the batch.`
      : remaining === 0
        ? "No runs left today on this App."
        : overQuota
          ? `This batch needs ${runsLabel(runs)}; ${remaining} left today.`
          : !isValid
            ? Object.keys(errors).length > 0
              ? "Correct the fields marked in red to run."
              : "Fill in the required fields to run."
            : null;

  const submit = form.handleSubmit((formValues) => {
    const batch = planBatch(inputs, formValues, batchLines);
    if (batch.error || batch.items.length === 0) return;
    onRun(batch.items.map((item) => runSchema.parse(item)));
  });

  const toggleBatch = (key: string, on: boolean) =>
    setBatchLines((set) => {
      const next = new Set(set);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  return (
    <FormProvider {...form}>
      <form
        noValidate
        aria-labelledby={`${formId}-title`}
        data-testid="app-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!blocked && !starting) void submit();
          else void form.trigger();
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            event.currentTarget.requestSubmit();
          }
        }}
        className="overflow-hidden rounded-xl border border-line bg-panel"
      >
        <div className="border-b border-line px-4 py-3">
          <h2 id={`${formId}-title`} className="text-[13.5px] font-semibold">
            Run this App
          </h2>
          <p className="mt-0.5 text-[12px] text-faint">Fields marked * are required.</p>
        </div>
        <div className="space-y-5 px-4 py-4">
          {inputs.map((input) => {
            const controlId = `${formId}-${input.key}`;
            const error = errors[input.key]?.message as string | undefined;
            switch (input.kind) {
              case "image":
                return (
                  <ImageDropField
                    key={input.key}
                    input={input}
                    controlId={controlId}
                    error={error}
                    onPendingChange={onPendingChange}
                    single={inputs.some((i) => i.kind === "mask" && i.paintedOver === input.key)}
                  />
                );
              case "mask":
                return <MaskPaintField key={input.key} input={input} controlId={controlId} error={error} inputs={inputs} />;
              case "textarea":
                return (
                  <TextareaInputField
                    key={input.key}
                    input={input}
                    controlId={controlId}
                    error={error}
                    batch={batchLines.has(input.key)}
                    onBatchChange={(on) => toggleBatch(input.key, on)}
                  />
                );
              case "select":
                return <SelectInputField key={input.key} input={input} controlId={controlId} error={error} />;
              case "number":
                return <NumberInputField key={input.key} input={input} controlId={controlId} error={error} />;
              default:
                return <TextInputField key={input.key} input={input} controlId={controlId} error={error} />;
            }
          })}
        </div>
        <div className="space-y-3 border-t border-line bg-panel-2/30 px-4 py-3.5">
          <CostEstimate
            estimate={estimate.data}
            runs={Math.max(1, runs)}
            loading={estimate.isFetching || estimate.settling}
            error={estimate.error}
            ready={!!estimateItems && !uploading}
          />
          {startError ? <RunStartError error={startError} /> : null}
          <div className="flex items-center gap-3">
            <p
              className={`flex items-center gap-1.5 text-[12px] ${remaining === 0 ? "text-warn" : "text-muted"}`}
              data-testid="app-quota"
              data-remaining={remaining}
              title={`Each member may start ${app.dailyRunQuota} runs a day on this App; the count resets at 00:00 UTC.`}
            >
              <GaugeIcon size={14} />
              <span>
                <span className="tabular-nums">
                  {remaining} of {app.dailyRunQuota}
                </span>{" "}
                runs left today
              </span>
            </p>
            <Button
              type="submit"
              variant="primary"
              className="ml-auto h-9 px-4"
              disabled={blocked || starting}
              data-testid="app-run-button"
              aria-keyshortcuts="Control+Enter Meta+Enter"
              aria-describedby={hint ? `${formId}-hint` : undefined}
            >
              {starting ? <Spinner size={12} /> : <PlayIcon size={12} />}
              {starting ? "Starting…" : runs > 1 ? `Run ${runs} times` : "Run"}
            </Button>
          </div>
          <p
            id={`${formId}-hint`}
            className="min-h-[1.2em] text-right text-[11.5px] text-faint"
            data-testid="app-run-hint"
            aria-live="polite"
          >
            {hint ?? (
              <span data-testid="app-run-count">
                {runsLabel(runs)}
                {plan.batched.length > 0
                  ? " · one per " +
                    plan.batched.map((b) => (inputs.find((i) => i.key === b.key)?.kind === "image" ? "image" : "line")).join(" and ")
                  : ""}{" "}
                · {shortcutLabel("Enter")}
              </span>
            )}
          </p>
        </div>
      </form>
    </FormProvider>
  );
}
