"use client";
import { downloadUrl } from "@/lib/client/api-client";
import { Dialog } from "../ui/dialog";
import { DownloadIcon } from "../ui/icons";

export interface LightboxImage {
  url: string;
  label: string;
  width: number;
  height: number;
}

/** Full-size view of an output; Escape or the close button closes it. */
export function Lightbox({ image, onClose }: { image: LightboxImage | null; onClose: () => void }) {
  return (
    <Dialog
      open={!!image}
      onClose={onClose}
      title={image?.label ?? ""}
      description={image ? `${image.width} × ${image.height} px` : undefined}
      className="w-auto"
      testId="lightbox"
      footer={
        image && (
          <a
            href={downloadUrl(image.url)}
            download
            data-testid="lightbox-download"
            className="inline-flex h-8 items-center gap-2 rounded-md bg-accent-strong px-3 text-[13px] font-medium text-white hover:bg-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
          >
            <DownloadIcon size={14} /> Download
          </a>
        )
      }
    >
      {image && (
        <div className="checkerboard flex items-center justify-center">
          <img src={image.url} alt={image.label} data-testid="lightbox-image" className="block max-h-[calc(100vh-200px)] max-w-[calc(100vw-96px)] object-contain" />
        </div>
      )}
    </Dialog>
  );
}
