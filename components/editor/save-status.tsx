"use client";
import { selectDirty, useEditorStore } from "@/lib/client/editor-store";
import { flushSave } from "@/lib/client/workflow-saver";
import { Button } from "../ui/button";
import { AlertIcon, CheckIcon } from "../ui/icons";
import { Spinner } from "../ui/spinner";

/** "Saved" / "Saving…" / "Unsaved changes" / "Error — retry" / conflict with Reload. */
export function SaveStatus({ onReload, reloading }: { onReload: () => void; reloading: boolean }) {
  const dirty = useEditorStore(selectDirty);
  const save = useEditorStore((s) => s.save);
  const state = save.conflict ? "conflict" : save.saving ? "saving" : save.error ? "error" : dirty ? "dirty" : "saved";

  return (
    <div data-testid="save-status" data-state={state} role="status" aria-live="polite" className="flex min-w-0 items-center gap-2 text-[12px]">
      {state === "saved" && (
        <span className="flex items-center gap-1 text-faint">
          <CheckIcon size={13} /> Saved
        </span>
      )}
      {state === "saving" && (
        <span className="flex items-center gap-1.5 text-muted">
          <Spinner size={11} /> Saving…
        </span>
      )}
      {state === "dirty" && (
        <span className="flex items-center gap-1.5 text-muted">
          <span className="h-1.5 w-1.5 rounded-full bg-warn" aria-hidden="true" /> Unsaved changes
        </span>
      )}
      {state === "error" && (
        <>
          <Button size="sm" variant="ghost" className="!text-bad" onClick={() => void flushSave()} data-testid="save-retry" title={save.error ?? undefined}>
            <AlertIcon size={13} /> Error — retry
          </Button>
          <span className="max-w-[280px] truncate text-bad/90" title={save.error ?? undefined}>
            {save.error}
          </span>
        </>
      )}
      {state === "conflict" && (
        <span className="flex items-center gap-2 rounded-md border border-warn/40 bg-warn/10 py-0.5 pr-0.5 pl-2 text-warn">
          <AlertIcon size={13} />
          This workflow was changed elsewhere
          <Button size="sm" onClick={onReload} disabled={reloading} data-testid="reload-workflow" title="Load the latest saved version (your unsaved edits are discarded)">
            {reloading && <Spinner size={11} />}
            Reload
          </Button>
        </span>
      )}
    </div>
  );
}
