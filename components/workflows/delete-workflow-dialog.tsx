"use client";
import { errorMessage } from "@/lib/client/api-client";
import { useDeleteWorkflow } from "@/lib/client/use-delete-workflow";
import type { WorkflowSummary } from "@/lib/client/types";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { Spinner } from "../ui/spinner";

/** Asks before deleting a workflow (its runs go with it). */
export function DeleteWorkflowDialog({ workflow, onClose }: { workflow: WorkflowSummary | null; onClose: () => void }) {
  const remove = useDeleteWorkflow();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Dialog
      open={!!workflow}
      onClose={close}
      title="Delete workflow?"
      description={workflow ? <>“{workflow.name}” and its run history will be deleted. This cannot be undone.</> : null}
      className="w-[420px]"
      testId="delete-dialog"
      footer={
        <>
          <Button variant="ghost" onClick={close} autoFocus>
            Cancel
          </Button>
          <Button
            variant="danger"
            data-testid="confirm-delete"
            disabled={remove.isPending}
            onClick={() => workflow && remove.mutate(workflow.id, { onSuccess: close })}
          >
            {remove.isPending && <Spinner size={12} />}
            Delete
          </Button>
        </>
      }
    >
      {remove.isError && (
        <p role="alert" className="px-5 py-3 text-[12.5px] text-bad">
          Could not delete: {errorMessage(remove.error)}
        </p>
      )}
    </Dialog>
  );
}
