"use client";
/**
 * A run output of any kind: an image, a playable video or sound, or a file chip with a download
 * link for anything else (3D, SVG…). Controls carry React Flow's `nodrag nowheel` so using
 * them on a node card neither drags the node nor zooms the canvas. Images load as thumbnails
 * (≤ 512 px renditions) unless `full` is set (the lightbox).
 */
import { downloadUrl, thumbnailUrl } from "@/lib/client/api-client";
import { mediaFormat, mediaKind, mediaSizeLabel } from "@/lib/client/media";
import { DownloadIcon } from "../ui/icons";

export interface MediaItem {
  url: string;
  width: number;
  height: number;
  mimeType?: string;
}

export function MediaView({
  media,
  label,
  className = "",
  style,
  testId,
  assetId,
  asLink = true,
  full = false,
}: {
  media: MediaItem;
  label: string;
  className?: string;
  style?: React.CSSProperties;
  testId?: string;
  assetId?: string;
  /** Files without a preview: a download chip (default), or a plain placeholder where a download link sits beside it. */
  asLink?: boolean;
  /** Images: the full-size file instead of the thumbnail rendition. */
  full?: boolean;
}) {
  const kind = mediaKind(media.mimeType);
  const common = { "data-testid": testId, "data-asset-id": assetId, "data-media-kind": kind };
  if (kind === "video") {
    return (
      <video
        {...common}
        src={media.url}
        controls
        muted
        playsInline
        preload="metadata"
        aria-label={label}
        style={style}
        className={`nodrag nowheel bg-black ${className}`}
      />
    );
  }
  if (kind === "audio") {
    return (
      <div
        {...common}
        className={`nodrag nowheel flex flex-col justify-center gap-1.5 rounded-md bg-panel-3 p-2 ${className}`}
        style={style}
      >
        <span className="truncate text-[11px] text-muted">{mediaSizeLabel(media)}</span>
        <audio src={media.url} controls preload="metadata" aria-label={label} className="h-8 w-full" />
      </div>
    );
  }
  if (kind === "file" && !asLink) {
    return (
      <div
        {...common}
        role="img"
        aria-label={label}
        style={style}
        className={`flex flex-col items-center justify-center gap-1 bg-panel-3 ${className}`}
      >
        <span className="rounded bg-panel px-2 py-1 font-mono text-[12px] text-muted">{mediaFormat(media.mimeType) || "FILE"}</span>
        <span className="text-[11px] text-faint">No preview</span>
      </div>
    );
  }
  if (kind === "file") {
    return (
      <a
        {...common}
        href={downloadUrl(media.url)}
        download
        title={`Download ${label}`}
        style={style}
        className={`nodrag flex items-center gap-2 rounded-md border border-line-strong bg-panel-3 px-2.5 py-2 text-[12px] hover:border-accent focus-visible:outline-2 focus-visible:outline-accent ${className}`}
      >
        <span className="rounded bg-panel px-1.5 py-0.5 font-mono text-[10.5px] text-muted">{mediaFormat(media.mimeType) || "FILE"}</span>
        <span className="min-w-0 flex-1 truncate">{label}</span>
        <DownloadIcon size={14} className="shrink-0 text-muted" />
      </a>
    );
  }
  return (
    <img
      {...common}
      src={full ? media.url : thumbnailUrl(media.url)}
      alt={label}
      draggable={false}
      style={style}
      className={`checkerboard ${className}`}
    />
  );
}
