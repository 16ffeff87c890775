"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage } from "@/lib/client/api-client";
import { useCreateWorkflow } from "@/lib/client/use-create-workflow";
import { Button } from "../ui/button";
import { Spinner } from "../ui/spinner";
import { WORKFLOW_NAME_MAX_LENGTH } from "@/lib/workflows/limits";

/** Inline "name your workflow" row; creates it and opens the editor. */
export function NewWorkflowForm({ onCancel }: { onCancel: () => void }) {
  const [name, setName] = useState("Untitled workflow");
  const create = useCreateWorkflow();
  const router = useRouter();
  const trimmed = name.trim();

  return (
    <form
      className="flex flex-wrap items-center gap-2 rounded-lg border border-accent/40 bg-panel-2 p-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (!trimmed || create.isPending) return;
        create.mutate({ name: trimmed }, { onSuccess: ({ workflow }) => router.push(`/workflows/${encodeURIComponent(workflow.id)}`) });
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
    >
      <label htmlFor="new-workflow-name" className="sr-only">
        Workflow name
      </label>
      <input
        id="new-workflow-name"
        data-testid="new-workflow-name"
        autoFocus
        maxLength={WORKFLOW_NAME_MAX_LENGTH}
        value={name}
        onFocus={(event) => event.currentTarget.select()}
        onChange={(event) => setName(event.target.value)}
        className="h-8 min-w-[240px] flex-1 rounded-md border border-line-strong bg-canvas px-2.5 text-[13px] outline-none focus:border-accent"
      />
      <Button type="submit" variant="primary" disabled={!trimmed || create.isPending} data-testid="new-workflow-submit">
        {create.isPending && <Spinner size={12} />}
        Create
      </Button>
      <Button variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
      {create.isError && (
        <p role="alert" className="w-full text-[12.5px] text-bad">
          Could not create the workflow: {errorMessage(create.error)}
        </p>
      )}
    </form>
  );
}
