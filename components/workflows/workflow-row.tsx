"use client";
import Link from "next/link";
import { useState } from "react";
import { errorMessage } from "@/lib/client/api-client";
import { absoluteTime, relativeTime } from "@/lib/client/format";
import { toast } from "@/lib/client/toast-store";
import type { WorkflowSummary } from "@/lib/client/types";
import { useDuplicateWorkflow } from "@/lib/client/use-duplicate-workflow";
import { useRenameWorkflow } from "@/lib/client/use-rename-workflow";
import { Button } from "../ui/button";
import { CopyIcon, ImageIcon, PencilIcon, TrashIcon } from "../ui/icons";
import { Spinner } from "../ui/spinner";
import { WORKFLOW_NAME_MAX_LENGTH } from "@/lib/workflows/limits";

/** One workflow in the list: its latest output as a thumbnail, open, rename inline, duplicate, delete. */
export function WorkflowRow({ workflow, onDelete }: { workflow: WorkflowSummary; onDelete: (w: WorkflowSummary) => void }) {
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState(workflow.name);
  const rename = useRenameWorkflow();
  const duplicate = useDuplicateWorkflow();
  const href = `/workflows/${encodeURIComponent(workflow.id)}`;

  const submitRename = () => {
    const name = draft.trim();
    if (!name || name === workflow.name) {
      setRenaming(false);
      return;
    }
    rename.mutate(
      { id: workflow.id, name },
      {
        onSuccess: () => setRenaming(false),
        onError: (error) => toast.error("Could not rename", errorMessage(error)),
      },
    );
  };

  return (
    <li
      data-testid="workflow-row"
      data-workflow-id={workflow.id}
      className="group flex items-center gap-3 border-b border-line px-3 py-2.5 sm:gap-4 sm:px-4 last:border-b-0 hover:bg-panel-2/60"
    >
      <Link href={href} tabIndex={-1} aria-hidden="true" className="shrink-0">
        {workflow.latestOutput ? (
          <img
            src={workflow.latestOutput.thumbnailUrl}
            alt=""
            loading="lazy"
            data-testid="workflow-thumbnail"
            className="checkerboard h-12 w-16 rounded-md border border-line object-cover"
          />
        ) : (
          <div
            data-testid="workflow-thumbnail-empty"
            className="grid h-12 w-16 place-items-center rounded-md border border-dashed border-line-strong bg-panel-2 text-faint"
          >
            <ImageIcon size={16} />
          </div>
        )}
      </Link>
      <div className="min-w-0 flex-1">
        {renaming ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              submitRename();
            }}
            className="flex items-center gap-2"
          >
            <label className="sr-only" htmlFor={`rename-${workflow.id}`}>
              New name
            </label>
            <input
              id={`rename-${workflow.id}`}
              data-testid="workflow-rename-input"
              autoFocus
              maxLength={WORKFLOW_NAME_MAX_LENGTH}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              onFocus={(event) => event.currentTarget.select()}
              onBlur={submitRename}
              onKeyDown={(event) => {
                if (event.key === "Escape") {
                  setDraft(workflow.name);
                  setRenaming(false);
                }
              }}
              className="h-7 w-full max-w-[360px] rounded-md border border-accent bg-canvas px-2 text-[13px] outline-none"
            />
            {rename.isPending && <Spinner size={12} label="Renaming" />}
          </form>
        ) : (
          <Link
            href={href}
            data-testid="workflow-open"
            className="block truncate rounded text-[13.5px] font-medium text-fg hover:text-white hover:underline focus-visible:outline-2 focus-visible:outline-accent"
          >
            {workflow.name}
          </Link>
        )}
        <p className="mt-0.5 text-[12px] text-faint">
          {workflow.nodeCount} {workflow.nodeCount === 1 ? "node" : "nodes"} · v{workflow.version} ·{" "}
          <time dateTime={workflow.updatedAt} title={absoluteTime(workflow.updatedAt)}>
            edited {relativeTime(workflow.updatedAt)}
          </time>
        </p>
      </div>
      <div className="flex items-center gap-0.5 opacity-70 transition-opacity group-focus-within:opacity-100 group-hover:opacity-100">
        <Button
          variant="ghost"
          size="icon-sm"
          aria-label={`Rename ${workflow.name}`}
          title="Rename"
          data-testid="workflow-rename"
          onClick={() => {
            setDraft(workflow.name);
            setRenaming(true);
          }}
        >
          <PencilIcon size={15} />
        </Button>
        <Button
          variant="ghost"
          size="icon-sm"
          aria-label={`Duplicate ${workflow.name}`}
          title="Duplicate"
          data-testid="workflow-duplicate"
          disabled={duplicate.isPending}
          onClick={() =>
            duplicate.mutate(workflow.id, {
              onSuccess: ({ workflow: copy }) => toast.success("Workflow duplicated", copy.name),
              onError: (error) => toast.error("Could not duplicate", errorMessage(error)),
            })
          }
        >
          {duplicate.isPending ? <Spinner size={13} /> : <CopyIcon size={15} />}
        </Button>
        <Button
          variant="ghost"
          size="icon-sm"
          aria-label={`Delete ${workflow.name}`}
          title="Delete"
          data-testid="workflow-delete"
          className="hover:!text-bad"
          onClick={() => onDelete(workflow)}
        >
          <TrashIcon size={15} />
        </Button>
      </div>
    </li>
  );
}
