"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useConnectionStore } from "./connection-store";
import { selectDirty, useEditorStore } from "./editor-store";
import { writeLocalDraftFromStore } from "./local-draft";
import { queryKeys } from "./query-keys";
import { flushSave, useSaveFailure } from "./workflow-saver";

export const AUTOSAVE_DELAY_MS = 800;
/** Wait before saving again after a save the server failed for a passing reason (5xx, 429). */
export const AUTOSAVE_RETRY_MS = 5_000;
/** Wait before writing the browser draft after a change (drags change the document often). */
const LOCAL_DRAFT_DELAY_MS = 150;

/**
 * Saves the document ~800 ms after the last document change (selection and viewport are not
 * document changes, see editor-store.ts) and keeps unsaved edits in the browser meanwhile
 * (local-draft.ts). While the server does not answer, saves wait (queued) and run by
 * themselves once it answers again; a save that failed for a passing reason is retried every
 * 5 s; one the designer must fix waits for the next edit. Warns before leaving with unsaved work.
 */
export function useAutosave() {
  const queryClient = useQueryClient();
  const revision = useEditorStore((s) => s.revision);
  const dirty = useEditorStore(selectDirty);
  const blocked = useEditorStore((s) => s.save.conflict);
  const saving = useEditorStore((s) => s.save.saving);
  const failed = useEditorStore((s) => s.save.error !== null);
  const transient = useSaveFailure((s) => s.transient);
  const failedRevision = useSaveFailure((s) => s.revision);
  const online = useConnectionStore((s) => s.online);
  const recoveries = useConnectionStore((s) => s.recoveries);

  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(writeLocalDraftFromStore, LOCAL_DRAFT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [revision, dirty]);

  useEffect(() => {
    if (!dirty || blocked || !online) return;
    const delay = failed && transient ? AUTOSAVE_RETRY_MS : AUTOSAVE_DELAY_MS;
    // A refusal the designer must fix is not sent again until they edit.
    if (failed && !transient && failedRevision === revision) return;
    const timer = setTimeout(() => {
      void flushSave().then((ok) => {
        if (ok) void queryClient.invalidateQueries({ queryKey: queryKeys.workflows });
      });
    }, delay);
    return () => clearTimeout(timer);
  }, [revision, dirty, blocked, online, recoveries, failed, transient, failedRevision, queryClient]);

  useEffect(() => {
    if (!dirty && !saving) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      writeLocalDraftFromStore();
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [dirty, saving]);
}
