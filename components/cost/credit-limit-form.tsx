"use client";
import { useEffect, useId, useState } from "react";
import { errorMessage } from "@/lib/client/api-client";
import { credits } from "@/lib/client/format";
import { CREDIT_LIMIT_RANGE } from "@/lib/runs/credit-limit-schema";
import { APP_INPUT_CLASS } from "../apps/field-shell";
import { Button } from "../ui/button";
import { Spinner } from "../ui/spinner";

/**
 * The per-run credit limit of a workflow or an App (issue 11, a budget): owners type a whole
 * number of credits, or leave it empty for no limit; others read it. A run whose estimate is over
 * the limit is refused by the server before anything is spent.
 */
export function CreditLimitForm({
  value,
  editable,
  subject,
  saving,
  onSave,
  testId,
}: {
  /** The saved limit (CU per run), or null for none. */
  value: number | null;
  /** Owners only; others see the figure and who can change it. */
  editable: boolean;
  /** "workflow" or "App", as the sentences say it. */
  subject: string;
  saving: boolean;
  /** Saves `limit` (null clears it); rejects with the server's error. */
  onSave: (limit: number | null) => Promise<unknown>;
  testId: string;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value === null ? "" : String(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft(value === null ? "" : String(value)), [value]);
  const saved = value === null ? "" : String(value);

  if (!editable) {
    return (
      <p className="text-[12px] text-muted" data-testid={`${testId}-readonly`}>
        {value === null ? (
          <>No limit per run. The team owner can set one.</>
        ) : (
          <>
            Runs of this {subject} may cost at most <span className="font-medium text-fg tabular-nums">{credits(value)}</span> each. The
            team owner can change it.
          </>
        )}
      </p>
    );
  }

  const save = async (next: string) => {
    const trimmed = next.trim();
    const limit = trimmed === "" ? null : Number(trimmed);
    if (limit !== null && (!Number.isInteger(limit) || limit < CREDIT_LIMIT_RANGE.min || limit > CREDIT_LIMIT_RANGE.max)) {
      setError(
        `A whole number of credits from ${CREDIT_LIMIT_RANGE.min} to ${CREDIT_LIMIT_RANGE.max.toLocaleString("en")}, or empty for no limit.`,
      );
      return;
    }
    setError(null);
    try {
      await onSave(limit);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <form
      className="space-y-1.5"
      data-testid={testId}
      onSubmit={(event) => {
        event.preventDefault();
        void save(draft);
      }}
    >
      <label htmlFor={id} className="block text-[12px] text-muted">
        Most credits one run of this {subject} may cost (empty: no limit)
      </label>
      <div className="flex items-center gap-2">
        <div className="relative">
          <input
            id={id}
            type="number"
            inputMode="numeric"
            min={CREDIT_LIMIT_RANGE.min}
            max={CREDIT_LIMIT_RANGE.max}
            step={1}
            placeholder="No limit"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            aria-invalid={!!error}
            aria-describedby={`${id}-error`}
            data-testid={`${testId}-input`}
            className={`${APP_INPUT_CLASS} h-8 w-28 [appearance:textfield] pr-9 tabular-nums [&::-webkit-inner-spin-button]:appearance-none [&::-webkit-outer-spin-button]:appearance-none`}
          />
          <span className="pointer-events-none absolute top-1/2 right-2.5 -translate-y-1/2 text-[11.5px] text-faint" aria-hidden="true">
            CU
          </span>
        </div>
        <Button type="submit" size="md" disabled={saving || draft.trim() === saved} data-testid={`${testId}-save`}>
          {saving && <Spinner size={12} />} Save
        </Button>
        {value !== null && (
          <Button
            variant="ghost"
            size="md"
            disabled={saving}
            onClick={() => {
              setDraft("");
              void save("");
            }}
            data-testid={`${testId}-clear`}
          >
            Remove
          </Button>
        )}
      </div>
      <p id={`${id}-error`} className="text-[12px] text-bad" role={error ? "alert" : undefined}>
        {error}
      </p>
    </form>
  );
}
