"use client";
import { useId, useRef, type KeyboardEvent } from "react";
import { PRIORITIES, type Priority } from "@/lib/client/types";

const LABELS: Record<Priority, { label: string; title: string }> = {
  quality: { label: "Quality", title: "Rank by Arena ELO (higher first)" },
  speed: { label: "Speed", title: "Rank by median generation time (faster first)" },
  cost: { label: "Cost", title: "Rank by median cost per asset (cheaper first)" },
};

/** Quality / Speed / Cost as a segmented radio group (arrow keys move, like native radios). */
export function PriorityToggle({
  value,
  onChange,
  label = "Rank by",
}: {
  value: Priority;
  onChange: (p: Priority) => void;
  label?: string;
}) {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const labelId = useId();
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step =
      event.key === "ArrowRight" || event.key === "ArrowDown" ? 1 : event.key === "ArrowLeft" || event.key === "ArrowUp" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (index + step + PRIORITIES.length) % PRIORITIES.length;
    onChange(PRIORITIES[next]);
    refs.current[next]?.focus();
  };
  return (
    <div className="flex items-center gap-2">
      <span className="text-[11.5px] text-faint" id={labelId}>
        {label}
      </span>
      <div
        role="radiogroup"
        aria-labelledby={labelId}
        className="flex rounded-md border border-line-strong bg-canvas p-0.5"
        data-testid="priority-toggle"
      >
        {PRIORITIES.map((p, i) => (
          <button
            key={p}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="radio"
            aria-checked={value === p}
            tabIndex={value === p ? 0 : -1}
            title={LABELS[p].title}
            data-testid={`priority-${p}`}
            onClick={() => onChange(p)}
            onKeyDown={(event) => onKeyDown(event, i)}
            className={`h-6 rounded px-2 text-[11.5px] font-medium transition-colors focus-visible:outline-2 focus-visible:outline-accent ${
              value === p ? "bg-panel-3 text-fg shadow-sm" : "text-muted hover:text-fg"
            }`}
          >
            {LABELS[p].label}
          </button>
        ))}
      </div>
    </div>
  );
}
