"use client";
import { useId, useState } from "react";
import { downloadUrl } from "@/lib/client/api-client";
import type { AppRunOutput } from "@/lib/client/apps/types";
import { mediaKind, mediaSizeLabel } from "@/lib/client/media";
import type { LightboxImage } from "../editor/lightbox";
import { MediaView } from "../editor/media-view";
import { ChevronDownIcon, ChevronUpIcon, DownloadIcon, ExpandIcon } from "../ui/icons";
import { InfoIcon } from "../ui/icons";
import { ProvenanceDetails } from "./provenance-details";
import { CompareView, useBeforeImage } from "../editor/compare-view";

/** One result: the image (opens full size), its size, download, and how it was made on demand. */
export function OutputTile({ output, onZoom }: { output: AppRunOutput; onZoom: (image: LightboxImage) => void }) {
  const [details, setDetails] = useState(false);
  const detailsId = useId();
  const image = mediaKind(output.mimeType) === "image";
  // An image a node made from the teammate's input (Retouch, Upscale…) shows both, split by a slider.
  const before = useBeforeImage(image ? output.assetId : null);
  return (
    <figure
      className="@container overflow-hidden rounded-lg border border-line bg-panel-2"
      data-testid="app-result"
      data-asset-id={output.assetId}
    >
      {image && before ? (
        <div className="relative">
          <CompareView
            beforeAssetId={before}
            afterUrl={output.url}
            label={output.label}
            width={output.width}
            height={output.height}
            className="h-[240px] w-full"
          />
          <button
            type="button"
            onClick={() => onZoom(output)}
            aria-label={`View ${output.label} full size`}
            title="View full size"
            data-testid="app-result-open"
            className="absolute right-2 bottom-2 rounded bg-black/65 p-1.5 text-white hover:bg-black/85 focus-visible:outline-2 focus-visible:outline-accent"
          >
            <ExpandIcon size={14} />
          </button>
        </div>
      ) : image ? (
        <button
          type="button"
          onClick={() => onZoom(output)}
          aria-label={`View ${output.label} full size`}
          data-testid="app-result-open"
          className="group relative block w-full focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent"
        >
          <MediaView
            media={output}
            label={output.label}
            testId="app-result-image"
            assetId={output.assetId}
            className="h-[240px] w-full object-contain"
          />
          <span className="absolute top-2 right-2 rounded bg-black/60 p-1 opacity-0 transition-opacity group-hover:opacity-100 group-focus-visible:opacity-100">
            <ExpandIcon size={14} />
          </span>
        </button>
      ) : (
        <MediaView
          media={output}
          label={output.label}
          testId="app-result-image"
          assetId={output.assetId}
          asLink={false}
          className="h-[240px] w-full object-contain"
        />
      )}
      <figcaption className="flex items-center gap-1 border-t border-line px-2.5 py-1.5">
        <div className="min-w-0 flex-1">
          <p className="truncate text-[12.5px] font-medium" title={output.label}>
            {output.label}
          </p>
          <p className="truncate text-[11.5px] whitespace-nowrap text-faint tabular-nums" data-testid="app-result-size">
            {mediaSizeLabel(output)}
            {output.width > 0 ? " px" : ""}
          </p>
        </div>
        <button
          type="button"
          onClick={() => setDetails(!details)}
          aria-expanded={details}
          aria-controls={detailsId}
          data-testid="app-result-details"
          aria-label={`Details of ${output.label}: how it was made`}
          title="How it was made"
          className="flex h-7 shrink-0 items-center gap-1 rounded-md px-1.5 text-[12px] text-muted hover:bg-panel-3 hover:text-fg focus-visible:outline-2 focus-visible:outline-accent @[250px]:px-2"
        >
          <InfoIcon size={14} />
          <span className="hidden @[250px]:inline">Details</span>
          {details ? <ChevronUpIcon size={12} /> : <ChevronDownIcon size={12} />}
        </button>
        <a
          href={downloadUrl(output.url)}
          download
          data-testid="app-result-download"
          aria-label={`Download ${output.label}`}
          title="Download"
          className="grid h-7 w-7 shrink-0 place-items-center rounded-md text-muted hover:bg-panel-3 hover:text-fg focus-visible:outline-2 focus-visible:outline-accent"
        >
          <DownloadIcon size={14} />
        </a>
      </figcaption>
      {details && (
        <div className="border-t border-line bg-panel-2/60">
          <ProvenanceDetails assetId={output.assetId} id={detailsId} />
        </div>
      )}
    </figure>
  );
}

/** A Lightbox entry for an output. */
export function toLightbox(output: AppRunOutput): LightboxImage {
  return {
    url: output.url,
    label: output.label,
    width: output.width,
    height: output.height,
    mimeType: output.mimeType,
    assetId: output.assetId,
  };
}
