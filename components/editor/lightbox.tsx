"use client";
import { downloadUrl } from "@/lib/client/api-client";
import { Dialog } from "../ui/dialog";
import { DownloadIcon } from "../ui/icons";
import { mediaFormat, mediaKind, mediaSizeLabel } from "@/lib/client/media";
import { useState } from "react";
import { CompareView, useBeforeImage } from "./compare-view";
import { MediaView } from "./media-view";

export interface LightboxImage {
  url: string;
  label: string;
  width: number;
  height: number;
  /** Set for media that is not an image (a video plays here with its controls). */
  mimeType?: string;
  /** The studio asset shown; when its node changed an input image, the view compares with it. */
  assetId?: string;
}

/** "1440 × 810 px", "1080 × 1920 px · MP4", "Audio · MPEG". */
function describe(media: LightboxImage): string {
  if (media.width <= 0) return mediaSizeLabel(media);
  return `${media.width} × ${media.height} px${media.mimeType ? ` · ${mediaFormat(media.mimeType)}` : ""}`;
}

/**
 * Full-size view of an output (image or video); Escape or the close button closes it. An image a
 * node made from an input image (Retouch, Expand, Upscale, Remove background) opens as a
 * before/after comparison, with a button to see the result alone.
 */
export function Lightbox({ image, onClose }: { image: LightboxImage | null; onClose: () => void }) {
  const before = useBeforeImage(image && mediaKind(image.mimeType) === "image" ? image.assetId : null);
  // "Result only" holds for the image it was chosen on; the next one opens compared again.
  const [resultOnlyUrl, setResultOnlyUrl] = useState<string | null>(null);
  const resultOnly = !!image && resultOnlyUrl === image.url;
  const comparing = !!before && !resultOnly;
  return (
    <Dialog
      open={!!image}
      onClose={onClose}
      title={image?.label ?? ""}
      description={image ? describe(image) : undefined}
      className="w-auto"
      testId="lightbox"
      footer={
        image && (
          <>
            {before && (
              <button
                type="button"
                onClick={() => setResultOnlyUrl(resultOnly ? null : image.url)}
                aria-pressed={comparing}
                data-testid="lightbox-compare-toggle"
                className="mr-auto inline-flex h-8 items-center rounded-md border border-line-strong px-3 text-[13px] hover:bg-panel-3 focus-visible:outline-2 focus-visible:outline-accent"
              >
                {comparing ? "Show result only" : "Compare with input"}
              </button>
            )}
            <a
              href={downloadUrl(image.url)}
              download
              data-testid="lightbox-download"
              className="inline-flex h-8 items-center gap-2 rounded-md bg-accent-strong px-3 text-[13px] font-medium text-white hover:bg-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
            >
              <DownloadIcon size={14} /> Download
            </a>
          </>
        )
      }
    >
      {image && comparing && before && (
        <div className="flex items-center justify-center">
          <CompareView
            full
            afterTestId="lightbox-image"
            beforeAssetId={before}
            afterUrl={image.url}
            label={image.label}
            width={image.width}
            height={image.height}
            style={{
              width:
                image.width > 0 && image.height > 0
                  ? `min(calc(100vw - 96px), calc((100vh - 200px) * ${image.width / image.height}))`
                  : undefined,
            }}
            className="max-h-[calc(100vh-200px)] max-w-[calc(100vw-96px)]"
          />
        </div>
      )}
      {image && !comparing && (
        <div className={`flex items-center justify-center ${mediaKind(image.mimeType) === "image" ? "checkerboard" : "bg-black p-2"}`}>
          <MediaView
            media={image}
            label={image.label}
            testId="lightbox-image"
            full
            // A video's width is not known before its metadata loads: size it from the output's own.
            style={
              mediaKind(image.mimeType) === "video" && image.width > 0 && image.height > 0
                ? { width: `min(calc(100vw - 96px), calc((100vh - 200px) * ${image.width / image.height}))` }
                : undefined
            }
            className={`block max-h-[calc(100vh-200px)] max-w-[calc(100vw-96px)] object-contain ${mediaKind(image.mimeType) === "audio" ? "w-[420px]" : ""}`}
          />
        </div>
      )}
    </Dialog>
  );
}
