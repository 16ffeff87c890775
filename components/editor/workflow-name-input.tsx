"use client";
import { useState } from "react";
import { useEditorStore } from "@/lib/client/editor-store";
import { WORKFLOW_NAME_MAX_LENGTH } from "@/lib/workflows/limits";

/**
 * The workflow's name, edited in place: Enter or leaving the field keeps it, Escape reverts. A
 * name longer than the header's room ends in an ellipsis; the full name is its tooltip and shows
 * (scrolling) while the field has focus.
 */
export function WorkflowNameInput() {
  const name = useEditorStore((s) => s.name);
  const setName = useEditorStore((s) => s.setName);
  const [draft, setDraft] = useState(name);
  const [seen, setSeen] = useState(name);
  if (seen !== name) {
    setSeen(name);
    setDraft(name);
  }
  const commit = () => {
    const trimmed = draft.trim();
    if (trimmed && trimmed !== name) setName(trimmed);
    else setDraft(name);
  };
  return (
    <input
      aria-label="Workflow name"
      data-testid="workflow-name"
      title={draft}
      value={draft}
      maxLength={WORKFLOW_NAME_MAX_LENGTH}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === "Enter") event.currentTarget.blur();
        if (event.key === "Escape") {
          setDraft(name);
          requestAnimationFrame(() => (event.target as HTMLInputElement).blur());
        }
      }}
      style={{ width: `${Math.min(Math.max(draft.length, 8), 48) + 2}ch` }}
      className="h-7 min-w-20 truncate sm:min-w-32 rounded-md border border-transparent bg-transparent px-1.5 text-[14px] font-semibold text-fg outline-none hover:border-line-strong focus:border-accent focus:bg-canvas"
    />
  );
}
