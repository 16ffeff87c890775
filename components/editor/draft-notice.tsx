"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEditorStore } from "@/lib/client/editor-store";
import { relativeTime } from "@/lib/client/format";
import { applyLocalDraft, clearLocalDraft, useDraftNotice } from "@/lib/client/local-draft";
import { queryKeys } from "@/lib/client/query-keys";
import type { Workflow } from "@/lib/client/types";
import { Button } from "../ui/button";
import { AlertIcon } from "../ui/icons";

/**
 * The bar under the header after opening a workflow whose unsaved edits were kept in this
 * browser: "Restored your unsaved edits from 2 min ago" with Discard, or, when someone saved the
 * workflow since, a choice between those edits and the saved version.
 */
export function DraftNotice({ workflowId }: { workflowId: string }) {
  const notice = useDraftNotice((s) => s.notice);
  const queryClient = useQueryClient();
  if (!notice || notice.draft.workflowId !== workflowId) return null;
  const when = relativeTime(new Date(notice.draft.savedAt).toISOString());
  const close = () => useDraftNotice.setState({ notice: null });
  const discard = () => {
    clearLocalDraft(workflowId);
    const saved = queryClient.getQueryData<{ workflow: Workflow }>(queryKeys.workflow(workflowId))?.workflow;
    if (saved && notice.kind === "restored") {
      // The restored edits may already be saved: then put the opened version back as a new save.
      const version = useEditorStore.getState().version;
      useEditorStore.getState().load(saved);
      if (version !== saved.version) useEditorStore.setState({ version, revision: 1 });
    }
    close();
  };
  return (
    <div
      role="status"
      data-testid="draft-notice"
      data-kind={notice.kind}
      className="nokey flex shrink-0 flex-wrap items-center gap-x-3 gap-y-1.5 border-b border-warn/30 bg-warn/10 px-3 py-1.5 text-[12.5px] text-warn"
    >
      <AlertIcon size={13} className="shrink-0" />
      <span className="min-w-0 flex-1">
        {notice.kind === "restored"
          ? `Restored your unsaved edits from this browser (${when}). They are being saved now.`
          : `This browser kept unsaved edits from ${when}, but the workflow was saved elsewhere since.`}
      </span>
      {notice.kind === "stale" && (
        <Button
          size="sm"
          data-testid="draft-restore"
          title="Put your kept edits on the canvas; saving them replaces the version saved elsewhere"
          onClick={() => {
            applyLocalDraft(notice.draft);
            useDraftNotice.setState({ notice: { ...notice, kind: "restored" } });
          }}
        >
          Use my edits
        </Button>
      )}
      <Button
        size="sm"
        variant="ghost"
        data-testid="draft-discard"
        onClick={discard}
        title="Forget the edits kept in this browser and show the saved workflow"
      >
        {notice.kind === "restored" ? "Discard them" : "Keep the saved version"}
      </Button>
      {notice.kind === "restored" && (
        <Button size="sm" variant="ghost" onClick={close} aria-label="Dismiss">
          OK
        </Button>
      )}
    </div>
  );
}
