"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, assetThumbUrl } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import { toast } from "@/lib/client/toast-store";
import type { NodeRun } from "@/lib/client/types";
import { describePickBounds } from "@/lib/nodes/pick";
import { Button } from "../ui/button";
import { CheckIcon } from "../ui/icons";

/**
 * The candidates of a Pick where a run waits, with a checkbox each and Continue / Reject
 * (POST /api/runs/:id/pick). Used on the Pick node of the canvas and in an App's run card.
 * With one pick allowed, choosing an image replaces the previous choice.
 */
export function PickChooser({
  runId,
  node,
  compact = false,
  onPicked,
}: {
  runId: string;
  node: NodeRun;
  compact?: boolean;
  /** Called after the server took a pick (the run goes on: follow it live). */
  onPicked?: () => void;
}) {
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<string[]>([]);
  const [sending, setSending] = useState<"pick" | "reject" | null>(null);
  const pick = node.pick;
  if (!pick || node.status !== "waiting") return null;
  const bounds = { min: pick.min, max: pick.max };
  const valid = chosen.length >= bounds.min && chosen.length <= bounds.max;

  const toggle = (assetId: string) =>
    setChosen((list) =>
      list.includes(assetId) ? list.filter((id) => id !== assetId) : bounds.max === 1 ? [assetId] : [...list, assetId].slice(0, bounds.max),
    );

  const send = async (reject: boolean) => {
    setSending(reject ? "reject" : "pick");
    try {
      const { run } = await api.pickCandidates(
        runId,
        reject ? { nodeId: node.nodeId, reject: true } : { nodeId: node.nodeId, assetIds: chosen },
      );
      queryClient.setQueryData(queryKeys.run(runId), run);
      if (!reject) onPicked?.();
      void queryClient.invalidateQueries({ queryKey: queryKeys.waitingRuns() });
    } catch (error) {
      toast.failure(reject ? "Could not reject the candidates" : "Could not continue with your pick", error);
    } finally {
      setSending(null);
    }
  };

  return (
    <div className="nodrag nopan space-y-2" data-testid="pick-chooser">
      {pick.message && <p className="text-[12px] text-fg">{pick.message}</p>}
      <p className="text-[11.5px] text-muted">
        {describePickBounds(bounds)} of {pick.candidates.length}
      </p>
      <ul className={`grid gap-1.5 ${compact ? "grid-cols-2" : "grid-cols-[repeat(auto-fill,minmax(120px,1fr))]"}`}>
        {pick.candidates.map((image, index) => {
          const on = chosen.includes(image.assetId);
          return (
            <li key={image.assetId}>
              <label
                className={`relative block cursor-pointer overflow-hidden rounded-md border-2 ${on ? "border-accent" : "border-transparent hover:border-line-strong"}`}
              >
                <input
                  type="checkbox"
                  className="peer sr-only"
                  checked={on}
                  onChange={() => toggle(image.assetId)}
                  aria-label={`Candidate ${index + 1}`}
                  data-testid="pick-candidate"
                />
                <img src={assetThumbUrl(image.assetId)} alt="" className="checkerboard aspect-square w-full object-cover" />
                <span
                  className={`absolute top-1 left-1 grid h-5 w-5 place-items-center rounded border peer-focus-visible:ring-2 peer-focus-visible:ring-accent ${
                    on ? "border-accent bg-accent-strong text-white" : "border-white/70 bg-black/40 text-transparent"
                  }`}
                  aria-hidden
                >
                  <CheckIcon size={12} />
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      <div className="flex gap-2">
        <Button
          variant="primary"
          size="sm"
          disabled={!valid || sending !== null}
          onClick={() => void send(false)}
          data-testid="pick-continue"
        >
          {sending === "pick" ? "Continuing…" : `Continue${chosen.length > 1 ? ` with ${chosen.length}` : ""}`}
        </Button>
        <Button variant="ghost" size="sm" disabled={sending !== null} onClick={() => void send(true)} data-testid="pick-reject">
          {sending === "reject" ? "Rejecting…" : "Reject"}
        </Button>
      </div>
    </div>
  );
}
