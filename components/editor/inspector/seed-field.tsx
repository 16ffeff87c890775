"use client";
import { useState } from "react";
import { randomSeed } from "@/lib/client/field-values";
import { DiceIcon } from "../../ui/icons";
import { INPUT_CLASS, type FieldOf, type FieldProps } from "./field-types";

/** A whole seed, or "random" (null: a new seed each run). The dice picks a fixed random seed. */
export function SeedField({ field, value, inputId, describedBy, invalid, commit, setDraftError }: FieldProps<FieldOf<"seed">>) {
  const random = value === null || value === undefined;
  const [draft, setDraft] = useState(random ? "" : String(value));
  const [seen, setSeen] = useState(value);
  if (!Object.is(seen, value)) {
    setSeen(value);
    setDraft(value === null || value === undefined ? "" : String(value));
  }

  return (
    <div className="space-y-2">
      <div className="flex items-center gap-1.5">
        <input
          id={inputId}
          data-testid={`field-${field.name}`}
          type="number"
          inputMode="numeric"
          min={0}
          max={2147483647}
          step={1}
          value={random ? "" : draft}
          disabled={random}
          placeholder={random ? "random each run" : "seed"}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(event) => {
            const text = event.target.value;
            setDraft(text);
            if (text.trim() === "") {
              setDraftError("Enter a seed, or tick Random");
              return;
            }
            commit(Number(text));
          }}
          className={`${INPUT_CLASS} h-8 min-w-0 flex-1 tabular-nums`}
        />
        <button
          type="button"
          data-testid={`field-${field.name}-dice`}
          aria-label="Pick a random fixed seed"
          title="Pick a random fixed seed"
          onClick={() => commit(randomSeed())}
          className="grid h-8 w-8 shrink-0 place-items-center rounded-md border border-line-strong bg-panel-2 text-muted hover:bg-panel-3 hover:text-fg focus-visible:outline-2 focus-visible:outline-accent"
        >
          <DiceIcon size={15} />
        </button>
      </div>
      <label className="flex cursor-pointer items-center gap-2 text-[12.5px] text-muted select-none">
        <input
          type="checkbox"
          data-testid={`field-${field.name}-random`}
          checked={random}
          onChange={(event) => commit(event.target.checked ? null : randomSeed())}
          className="h-3.5 w-3.5 accent-[var(--color-accent)]"
        />
        Random (a new seed each run)
      </label>
    </div>
  );
}
