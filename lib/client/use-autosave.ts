"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { selectDirty, useEditorStore } from "./editor-store";
import { queryKeys } from "./query-keys";
import { flushSave } from "./workflow-saver";

export const AUTOSAVE_DELAY_MS = 800;

/**
 * Saves the document ~800 ms after the last document change (selection and viewport are not
 * document changes, see editor-store.ts), and warns before leaving the page with unsaved work.
 */
export function useAutosave() {
  const queryClient = useQueryClient();
  const revision = useEditorStore((s) => s.revision);
  const dirty = useEditorStore(selectDirty);
  const blocked = useEditorStore((s) => s.save.conflict);
  const saving = useEditorStore((s) => s.save.saving);

  useEffect(() => {
    if (!dirty || blocked) return;
    const timer = setTimeout(() => {
      void flushSave().then((ok) => {
        if (ok) void queryClient.invalidateQueries({ queryKey: queryKeys.workflows });
      });
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [revision, dirty, blocked, queryClient]);

  useEffect(() => {
    if (!dirty && !saving) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [dirty, saving]);
}
