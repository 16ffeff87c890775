"use client";
/**
 * Unsaved edits kept in the browser (localStorage), one draft per workflow, so no edit is lost
 * when a save fails, the server is unreachable or the page is reloaded:
 * - written on every document change while the document has unsaved changes (use-autosave.ts);
 * - removed once the server holds the current document (workflow-saver.ts);
 * - on opening the workflow, a draft that differs from the saved workflow is put back as
 *   unsaved edits with a notice (draft-notice.tsx), and can be discarded.
 *
 * Stored as `studio:draft:<workflowId>` → `{ name, graph, baseVersion, savedAt }` (JSON).
 */
import { create } from "zustand";
import type { WorkflowGraph } from "@/lib/graph/schema";
import { useEditorStore } from "./editor-store";
import { fromGraph, toGraph } from "./graph-doc";
import type { Workflow } from "./types";

export interface LocalDraft {
  workflowId: string;
  name: string;
  graph: WorkflowGraph;
  /** The saved version these edits were made on. */
  baseVersion: number;
  /** When the draft was written (ms since epoch). */
  savedAt: number;
}

const key = (workflowId: string) => `studio:draft:${workflowId}`;

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** The draft kept for `workflowId`, or null (none, or unreadable). */
export function readLocalDraft(workflowId: string): LocalDraft | null {
  const raw = storage()?.getItem(key(workflowId));
  if (!raw) return null;
  try {
    const draft = JSON.parse(raw) as LocalDraft;
    if (draft && draft.workflowId === workflowId && draft.graph && Array.isArray(draft.graph.nodes) && typeof draft.name === "string")
      return draft;
  } catch {
    // A draft that cannot be read is dropped below.
  }
  clearLocalDraft(workflowId);
  return null;
}

export function clearLocalDraft(workflowId: string): void {
  storage()?.removeItem(key(workflowId));
}

/** Writes the editor's document as the draft of its workflow, when it has unsaved changes. Quota errors are ignored. */
export function writeLocalDraftFromStore(now = Date.now()): void {
  const s = useEditorStore.getState();
  if (!s.workflowId || s.revision === s.savedRevision) return;
  const draft: LocalDraft = {
    workflowId: s.workflowId,
    name: s.name,
    graph: toGraph(s.nodes, s.edges),
    baseVersion: s.version,
    savedAt: now,
  };
  try {
    storage()?.setItem(key(s.workflowId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the edits stay in memory only.
  }
}

/** Removes the draft once the server holds the editor's current document. */
export function clearLocalDraftIfSaved(): void {
  const s = useEditorStore.getState();
  if (s.workflowId && s.revision === s.savedRevision) clearLocalDraft(s.workflowId);
}

/** True when the draft says something the saved workflow does not (name or graph). */
export function draftDiffers(draft: LocalDraft, workflow: Pick<Workflow, "name" | "graph">): boolean {
  return (
    draft.name !== workflow.name ||
    JSON.stringify(draft.graph) !== JSON.stringify(toGraph(fromGraph(workflow.graph).nodes, fromGraph(workflow.graph).edges))
  );
}

/**
 * What opening `workflow` finds in the browser: nothing (no draft, or one equal to the saved
 * workflow, which is removed), a draft made on the saved version (`current`), or one made on an
 * older version that someone has saved over since (`stale`).
 */
export function findLocalDraft(workflow: Workflow): { draft: LocalDraft; stale: boolean } | null {
  const draft = readLocalDraft(workflow.id);
  if (!draft) return null;
  if (!draftDiffers(draft, workflow)) {
    clearLocalDraft(workflow.id);
    return null;
  }
  return { draft, stale: draft.baseVersion !== workflow.version };
}

/**
 * Puts the draft into the editor as unsaved edits on top of the loaded workflow (autosave then
 * saves it). The undo history starts afresh.
 */
export function applyLocalDraft(draft: LocalDraft): void {
  const { nodes, edges } = fromGraph(draft.graph);
  const s = useEditorStore.getState();
  useEditorStore.setState({ name: draft.name, nodes, edges, revision: s.savedRevision + 1, past: [], future: [], lastMark: null });
}

/** The notice shown after opening a workflow that had a draft in this browser (draft-notice.tsx). */
export interface DraftNotice {
  /** `restored`: the draft is on the canvas as unsaved edits; `stale`: it was made on an older version and waits for a choice. */
  kind: "restored" | "stale";
  draft: LocalDraft;
}

export const useDraftNotice = create<{ notice: DraftNotice | null }>()(() => ({ notice: null }));

/**
 * Called right after the editor loaded `workflow`: puts back a draft made on this version (and
 * says so), or offers one made on an older version.
 */
export function restoreLocalDraftOnLoad(workflow: Workflow): void {
  const found = findLocalDraft(workflow);
  if (!found) {
    useDraftNotice.setState({ notice: null });
    return;
  }
  if (!found.stale) applyLocalDraft(found.draft);
  useDraftNotice.setState({ notice: { kind: found.stale ? "stale" : "restored", draft: found.draft } });
}
