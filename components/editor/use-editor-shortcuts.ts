"use client";
import { useEffect, useEffectEvent } from "react";
import { useEditorStore } from "@/lib/client/editor-store";
import { flushSave } from "@/lib/client/workflow-saver";
import { DRAFT_SHORTCUT_KEY } from "./shortcuts";

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * Editor keyboard shortcuts: Ctrl/⌘+Enter runs, Ctrl/⌘+S saves now, Ctrl/⌘+K opens "Draft from
 * description", Ctrl/⌘+Z undoes and Shift+Ctrl/⌘+Z (or Ctrl+Y) redoes. Undo keys are left to
 * text fields while typing, and nothing fires behind an open dialog.
 */
export function useEditorShortcuts(onRun: () => void, onDraft: () => void) {
  const run = useEffectEvent(onRun);
  const draft = useEffectEvent(onDraft);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      if (document.querySelector("dialog[open]")) return;
      const key = event.key.toLowerCase();
      if (key === "enter") {
        event.preventDefault();
        run();
      } else if (key === DRAFT_SHORTCUT_KEY && !event.shiftKey) {
        event.preventDefault();
        draft();
      } else if (key === "s") {
        event.preventDefault();
        void flushSave();
      } else if ((key === "z" || key === "y") && !isEditable(event.target)) {
        event.preventDefault();
        const store = useEditorStore.getState();
        if (key === "y" || event.shiftKey) store.redo();
        else store.undo();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
