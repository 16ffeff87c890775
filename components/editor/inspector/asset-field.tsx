"use client";
import { useRef, useState, type DragEvent } from "react";
import { assetFileUrl, thumbnailUrl } from "@/lib/client/api-client";
import { ACCEPT_ATTRIBUTE } from "@/lib/client/upload-asset";
import { useAsset } from "@/lib/client/use-asset";
import { useUploadToNode } from "@/lib/client/use-upload-to-node";
import { useUploadStore } from "@/lib/client/upload-store";
import { Button } from "../../ui/button";
import { TrashIcon, UploadIcon } from "../../ui/icons";
import { Spinner } from "../../ui/spinner";
import type { FieldOf, FieldProps } from "./field-types";

/** An uploaded image: upload button, drop zone, preview with its size, progress and errors. */
export function AssetField({ field, nodeId, value, inputId, describedBy, commit }: FieldProps<FieldOf<"asset">>) {
  const assetId = typeof value === "string" && value ? value : null;
  const asset = useAsset(assetId);
  const upload = useUploadStore((s) => s.uploads[nodeId]);
  const uploadToNode = useUploadToNode();
  const fileInput = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const uploading = upload?.status === "uploading";

  const onFiles = (files: FileList | null) => {
    const file = files?.[0];
    if (file) void uploadToNode(nodeId, field.name, file);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    event.stopPropagation();
    setOver(false);
    onFiles(event.dataTransfer.files);
  };

  return (
    <div className="space-y-2">
      <input
        ref={fileInput}
        id={inputId}
        data-testid="upload-input"
        type="file"
        accept={ACCEPT_ATTRIBUTE}
        className="sr-only"
        tabIndex={-1}
        aria-describedby={describedBy}
        onChange={(event) => {
          onFiles(event.target.files);
          event.target.value = "";
        }}
      />
      <div
        data-testid="upload-dropzone"
        onDragOver={(event) => {
          if (!Array.from(event.dataTransfer.types).includes("Files")) return;
          event.preventDefault();
          event.stopPropagation();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        className={`overflow-hidden rounded-lg border border-dashed transition-colors ${over ? "border-accent bg-accent-soft" : "border-line-strong bg-panel-2/50"}`}
      >
        {assetId ? (
          <figure>
            <img
              src={thumbnailUrl(asset.data?.url ?? assetFileUrl(assetId))}
              alt="Uploaded image"
              data-testid="asset-preview"
              className="checkerboard max-h-[200px] w-full object-contain"
            />
            <figcaption
              className="flex items-center justify-between gap-2 border-t border-line px-2.5 py-1.5 text-[11.5px] text-muted"
              data-testid="asset-dimensions"
            >
              {asset.data ? (
                <span className="tabular-nums">
                  {asset.data.width} × {asset.data.height} px · {asset.data.mimeType.replace("image/", "").toUpperCase()}
                </span>
              ) : asset.isError ? (
                <span className="text-bad">Image details unavailable</span>
              ) : (
                <span>Loading…</span>
              )}
            </figcaption>
          </figure>
        ) : (
          <div className="flex flex-col items-center gap-1 px-3 py-6 text-center">
            <UploadIcon size={18} className="text-faint" />
            <p className="text-[12.5px] text-muted">Drop an image here</p>
            <p className="text-[11.5px] text-faint">PNG, JPEG or WebP, up to 20 MB</p>
          </div>
        )}
      </div>

      {uploading && (
        <div className="space-y-1" role="status" aria-live="polite">
          <p className="flex items-center gap-1.5 text-[12px] text-muted">
            <Spinner size={11} /> Uploading {upload.fileName}… {Math.round(upload.progress * 100)}%
          </p>
          <div className="h-1 overflow-hidden rounded-full bg-panel-3">
            <div className="h-full bg-accent transition-[width]" style={{ width: `${upload.progress * 100}%` }} />
          </div>
        </div>
      )}
      {upload?.status === "error" && (
        <p role="alert" data-testid="upload-error" className="text-[12px] text-bad">
          {upload.error}
        </p>
      )}

      <div className="flex gap-2">
        <Button size="sm" onClick={() => fileInput.current?.click()} disabled={uploading} data-testid="upload-button">
          <UploadIcon size={13} />
          {assetId ? "Replace image" : "Upload image"}
        </Button>
        {assetId && (
          <Button size="sm" variant="ghost" onClick={() => commit(null)} aria-label="Remove image">
            <TrashIcon size={13} />
            Remove
          </Button>
        )}
      </div>
    </div>
  );
}
