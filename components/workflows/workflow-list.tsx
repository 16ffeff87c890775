"use client";
import { LoadError } from "@/components/ui/load-error";
import { useState } from "react";
import { errorMessage } from "@/lib/client/api-client";
import type { WorkflowSummary } from "@/lib/client/types";
import { useWorkflows } from "@/lib/client/use-workflows";
import { AppHeader } from "../app-header";
import { Button } from "../ui/button";
import { LayersIcon, PlusIcon } from "../ui/icons";
import { Skeleton } from "../ui/skeleton";
import { DeleteWorkflowDialog } from "./delete-workflow-dialog";
import { NewWorkflowForm } from "./new-workflow-form";
import { WaitingForYou } from "./waiting-for-you";
import { WorkflowRow } from "./workflow-row";

/** The home page: every workflow, newest edit first. */
export function WorkflowList() {
  const workflows = useWorkflows();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<WorkflowSummary | null>(null);
  const sorted = [...(workflows.data ?? [])].sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));

  return (
    <div className="flex min-h-full flex-col">
      <AppHeader />
      <main className="mx-auto w-full max-w-[880px] flex-1 px-4 py-6 sm:px-6 sm:py-10">
        <div className="mb-6 flex items-end justify-between gap-4">
          <div>
            <h1 className="text-[20px] font-semibold tracking-tight">Workflows</h1>
            <p className="mt-1 text-[13px] text-muted">Image pipelines built from nodes. Open one to edit and run it.</p>
          </div>
          {!creating && (
            <Button variant="primary" onClick={() => setCreating(true)} data-testid="new-workflow">
              <PlusIcon size={15} />
              New workflow
            </Button>
          )}
        </div>

        <WaitingForYou />

        {creating && (
          <div className="mb-4">
            <NewWorkflowForm onCancel={() => setCreating(false)} />
          </div>
        )}

        {workflows.isPending ? (
          <ul aria-busy="true" aria-label="Loading workflows" className="overflow-hidden rounded-lg border border-line bg-panel">
            {Array.from({ length: 4 }, (_, i) => (
              <li key={i} className="flex items-center gap-4 border-b border-line px-4 py-3 last:border-b-0">
                <Skeleton className="h-12 w-16" />
                <div className="flex-1 space-y-2">
                  <Skeleton className="h-3.5 w-1/3" />
                  <Skeleton className="h-3 w-1/4" />
                </div>
              </li>
            ))}
          </ul>
        ) : workflows.isError ? (
          <LoadError
            testId="workflow-list-error"
            title="Could not load workflows"
            detail={errorMessage(workflows.error)}
            onRetry={() => workflows.refetch()}
          />
        ) : sorted.length === 0 ? (
          !creating && (
            <div
              data-testid="workflow-list-empty"
              className="flex flex-col items-center gap-4 rounded-lg border border-dashed border-line-strong px-6 py-16 text-center"
            >
              <span className="grid h-12 w-12 place-items-center rounded-xl bg-accent-soft text-accent">
                <LayersIcon size={22} />
              </span>
              <div>
                <p className="text-[14px] font-medium">No workflows yet</p>
                <p className="mt-1 max-w-[380px] text-[13px] text-muted">
                  Chain a prompt, a generation, retouching and an upscale into a pipeline you can run again and again.
                </p>
              </div>
              <Button variant="primary" onClick={() => setCreating(true)}>
                <PlusIcon size={15} />
                Create your first workflow
              </Button>
            </div>
          )
        ) : (
          <ul className="overflow-hidden rounded-lg border border-line bg-panel" aria-label="Workflows">
            {sorted.map((w) => (
              <WorkflowRow key={w.id} workflow={w} onDelete={setDeleting} />
            ))}
          </ul>
        )}
      </main>
      <DeleteWorkflowDialog workflow={deleting} onClose={() => setDeleting(null)} />
    </div>
  );
}
