"use client";
/**
 * Saves the editor document with optimistic concurrency: PUT carries the version the
 * document is based on; a 409 means someone else saved first, and the editor stops saving
 * until the user reloads (it never overwrites silently). One save at a time.
 */
import { create } from "zustand";
import { ApiError, api } from "./api-client";
import { useEditorStore } from "./editor-store";
import { describeError } from "./error-copy";
import { toGraph } from "./graph-doc";
import { clearLocalDraftIfSaved, writeLocalDraftFromStore } from "./local-draft";

/** The technical side of the last failed save (for the "Details" disclosure), and whether waiting may fix it. */
export const useSaveFailure = create<{ details: string | null; transient: boolean; revision: number }>()(() => ({
  details: null,
  transient: false,
  revision: -1,
}));

let inFlight: Promise<boolean> | null = null;

async function saveOnce(): Promise<boolean> {
  const store = useEditorStore.getState();
  const { workflowId, revision, savedRevision, save } = store;
  if (!workflowId || save.conflict) return false;
  if (revision === savedRevision) return true;
  store.setSave({ saving: true, error: null });
  try {
    const { workflow, warnings } = await api.updateWorkflow(workflowId, {
      name: store.name,
      graph: toGraph(store.nodes, store.edges, store.annotations),
      version: store.version,
    });
    useEditorStore.getState().markSaved(revision, workflow.version);
    useEditorStore.getState().setWarnings(warnings ?? []);
    useSaveFailure.setState({ details: null, transient: false, revision: -1 });
    clearLocalDraftIfSaved();
    return true;
  } catch (error) {
    const s = useEditorStore.getState();
    // Whatever went wrong, the edits stay in this browser until a save succeeds.
    writeLocalDraftFromStore();
    const nodes = s.nodes;
    if (error instanceof ApiError && error.status === 409) {
      s.setSave({ saving: false, conflict: true, error: describeError(error).sentence });
    } else if (error instanceof ApiError && error.code === "network_error") {
      // Not a failure of the document: autosave waits for the connection and saves by itself.
      useSaveFailure.setState({ details: describeError(error).details, transient: true, revision });
      s.setSave({ saving: false, error: null });
    } else {
      if (error instanceof ApiError && error.issues.length > 0) s.setIssues(error.issues);
      const friendly = describeError(error, { nodes });
      useSaveFailure.setState({ details: friendly.details, transient: friendly.transient, revision });
      s.setSave({ saving: false, error: friendly.sentence });
    }
    return false;
  }
}

/**
 * Saves now if there are unsaved changes (waiting for a save in progress first) and resolves
 * true once the server holds the current document.
 */
export async function flushSave(): Promise<boolean> {
  for (let attempt = 0; attempt < 5; attempt++) {
    // Loop, not `if`: another caller may start a save between our wake-up and our check.
    while (inFlight) await inFlight;
    const s = useEditorStore.getState();
    if (s.revision === s.savedRevision && !s.save.conflict) return true;
    if (s.save.conflict) return false;
    inFlight = saveOnce().finally(() => {
      inFlight = null;
    });
    const ok = await inFlight;
    if (!ok) return false;
  }
  const s = useEditorStore.getState();
  return s.revision === s.savedRevision;
}
