"use client";
import { useController, useFormContext } from "react-hook-form";
import type { PublishFormValues } from "@/lib/client/apps/publish-form";
import { thumbnailUrl } from "@/lib/client/api-client";
import { mediaKind } from "@/lib/client/media";
import { useWorkflowRuns } from "@/lib/client/use-workflow-runs";
import { Skeleton } from "../ui/skeleton";

const MAX_COVERS = 8;

/**
 * The App's cover: by default the latest image the workflow produces (it follows new runs), or
 * one of the images its latest runs produced; for a new version, also "keep the current cover". Radio buttons, so arrow keys move between choices.
 */
export function PublishCoverPicker({ workflowId, currentCoverUrl }: { workflowId: string; currentCoverUrl: string | null | undefined }) {
  const { control } = useFormContext<PublishFormValues>();
  const { field } = useController({ control, name: "cover" });
  const runs = useWorkflowRuns(workflowId);
  const seen = new Set<string>();
  const images = (runs.data ?? [])
    .filter((r) => r.status === "succeeded")
    .flatMap((r) => r.outputs)
    .filter((o) => mediaKind(o.mimeType) === "image" && !seen.has(o.assetId) && seen.add(o.assetId))
    .slice(0, MAX_COVERS);

  const choice = (value: string, label: string, content: React.ReactNode, testId: string, kind: "none" | "keep" | "result") => {
    const selected = (field.value ?? "") === value;
    return (
      <label
        key={value || "none"}
        className={`relative block cursor-pointer overflow-hidden rounded-lg border-2 transition-colors focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-accent ${
          selected ? "border-accent" : "border-line hover:border-line-strong"
        }`}
        title={label}
        data-testid={testId}
        data-cover-kind={kind}
        data-selected={selected}
      >
        <input
          type="radio"
          name={field.name}
          value={value}
          checked={selected}
          onChange={() => field.onChange(value === "" ? null : value)}
          className="sr-only"
          aria-label={label}
        />
        {content}
      </label>
    );
  };

  return (
    <fieldset>
      <legend className="mb-1 text-[12.5px] font-medium">
        Cover image <span className="font-normal text-faint">(optional)</span>
      </legend>
      <p className="mb-2 text-[11.5px] text-faint">Shown on the Apps home: the workflow&apos;s latest result unless you pick one.</p>
      {runs.isPending ? (
        <div className="flex gap-2">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-[68px] w-[96px]" />
          ))}
        </div>
      ) : (
        <div className="flex flex-wrap gap-2" role="radiogroup" aria-label="Cover image">
          {choice(
            "",
            "Latest result: the cover follows the workflow's newest image",
            <span className="grid h-[64px] w-[92px] place-items-center bg-panel-2 px-1 text-center text-[11px] leading-tight text-muted">
              Latest result
            </span>,
            "publish-cover-none",
            "none",
          )}
          {currentCoverUrl !== undefined &&
            choice(
              "keep",
              "Keep the current cover",
              currentCoverUrl ? (
                <span className="relative block">
                  <img src={thumbnailUrl(currentCoverUrl)} alt="" className="h-[64px] w-[92px] object-cover" />
                  <span className="absolute inset-x-0 bottom-0 bg-black/65 px-1 py-px text-center text-[10.5px]">Current</span>
                </span>
              ) : (
                <span className="grid h-[64px] w-[92px] place-items-center bg-panel-2 text-[11.5px] text-muted">Keep as is</span>
              ),
              "publish-cover-keep",
              "keep",
            )}
          {images.map((image, i) =>
            choice(
              image.assetId,
              `Result ${i + 1}: ${image.label}, ${image.width} × ${image.height}`,
              <img src={thumbnailUrl(image.url)} alt="" className="checkerboard h-[64px] w-[92px] object-cover" />,
              `publish-cover-${image.assetId}`,
              "result",
            ),
          )}
          {images.length === 0 && <p className="self-center text-[12px] text-faint">Run the workflow to have results to pick from.</p>}
        </div>
      )}
    </fieldset>
  );
}
