"use client";
/**
 * An App's image input: a drop zone (or file picker) that takes one or several images, uploads
 * each at once (POST /api/assets, with progress), and shows them with their size. The form value
 * is the list of uploaded asset ids; several images mean one run per image. With `single` (a
 * mask is painted on the image) the field holds one image: a new upload replaces it.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type DragEvent } from "react";
import { useController, useFormContext } from "react-hook-form";
import { assetFileUrl, errorMessage, thumbnailUrl } from "@/lib/client/api-client";
import { imageIds, runsLabel, type AppFormValues } from "@/lib/client/apps/batch";
import { queryKeys } from "@/lib/client/query-keys";
import { ACCEPT_ATTRIBUTE, isImageFile, uploadAsset } from "@/lib/client/upload-asset";
import { useAsset } from "@/lib/client/use-asset";
import { Button } from "../ui/button";
import { UploadIcon, XIcon } from "../ui/icons";
import { Spinner } from "../ui/spinner";
import { fieldTestId, type AppFieldProps } from "./app-form-fields";
import { FieldShell } from "./field-shell";

interface PendingUpload {
  localId: number;
  name: string;
  progress: number;
  error: string | null;
}

let nextLocalId = 1;

export function ImageDropField({
  input,
  controlId,
  error,
  onPendingChange,
  single = false,
}: AppFieldProps & { onPendingChange: (key: string, count: number) => void; single?: boolean }) {
  const queryClient = useQueryClient();
  const { control, getValues, setValue } = useFormContext<AppFormValues>();
  const { field } = useController({ control, name: input.key });
  const ids = imageIds(field.value);
  const [pending, setPending] = useState<PendingUpload[]>([]);
  const [names, setNames] = useState<Record<string, string>>({});
  const [over, setOver] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const chooseButton = useRef<HTMLButtonElement | null>(null);
  const uploading = pending.filter((p) => !p.error).length;
  const chooseLabel = single ? (ids.length === 0 ? "Choose an image" : "Replace image") : ids.length === 0 ? "Choose images" : "Add images";

  useEffect(() => onPendingChange(input.key, uploading), [input.key, uploading, onPendingChange]);

  const addFiles = (files: FileList | File[] | null) => {
    for (const file of Array.from(files ?? []).slice(0, single ? 1 : undefined)) {
      const localId = nextLocalId++;
      if (!isImageFile(file)) {
        setPending((list) => [...list, { localId, name: file.name, progress: 0, error: "Not an image: use PNG, JPEG or WebP." }]);
        continue;
      }
      setPending((list) => [...list, { localId, name: file.name, progress: 0, error: null }]);
      uploadAsset(file, {
        onProgress: (progress) => setPending((list) => list.map((p) => (p.localId === localId ? { ...p, progress } : p))),
      })
        .then((asset) => {
          queryClient.setQueryData(queryKeys.asset(asset.id), { asset });
          setNames((n) => ({ ...n, [asset.id]: file.name }));
          setPending((list) => list.filter((p) => p.localId !== localId));
          // Read the list now: other uploads may have finished meanwhile.
          setValue(input.key, single ? [asset.id] : [...imageIds(getValues(input.key)), asset.id], {
            shouldValidate: true,
            shouldDirty: true,
            shouldTouch: true,
          });
        })
        .catch((err: unknown) => setPending((list) => list.map((p) => (p.localId === localId ? { ...p, error: errorMessage(err) } : p))));
    }
  };

  const remove = (id: string) => {
    setValue(
      input.key,
      imageIds(getValues(input.key)).filter((x) => x !== id),
      { shouldValidate: true, shouldDirty: true, shouldTouch: true },
    );
    chooseButton.current?.focus();
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    addFiles(event.dataTransfer.files);
  };

  return (
    <FieldShell
      testId={fieldTestId(input)}
      controlId={controlId}
      label={input.label}
      required={input.required}
      help={
        input.help ?? (single ? "PNG, JPEG or WebP, up to 20 MB." : "PNG, JPEG or WebP, up to 20 MB. Several images start one run each.")
      }
      error={error}
      labelFor={false}
      aside={
        ids.length > 1 && (
          <span
            className="rounded-full bg-accent-soft px-2 py-px text-[11px] font-medium text-[#b3b6ff]"
            data-testid={`app-input-${input.key}-count`}
          >
            {ids.length} images · {runsLabel(ids.length)}
          </span>
        )
      }
    >
      <input
        ref={fileInput}
        id={controlId}
        data-testid={`app-input-${input.key}-file`}
        type="file"
        multiple={!single}
        accept={ACCEPT_ATTRIBUTE}
        className="sr-only"
        tabIndex={-1}
        aria-labelledby={`${controlId}-label`}
        aria-describedby={`${controlId}-desc`}
        onBlur={field.onBlur}
        onChange={(event) => {
          addFiles(event.target.files);
          event.target.value = "";
        }}
      />
      <div
        data-testid={`app-input-${input.key}-dropzone`}
        onDragOver={(event) => {
          if (!Array.from(event.dataTransfer.types).includes("Files")) return;
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        aria-invalid={!!error}
        className={`rounded-lg border border-dashed transition-colors ${over ? "border-accent bg-accent-soft" : error ? "border-bad/70 bg-bad-soft" : "border-line-strong bg-panel-2/50"}`}
      >
        {(ids.length > 0 || pending.length > 0) && (
          <ul className="grid grid-cols-[repeat(auto-fill,minmax(104px,1fr))] gap-2 p-2" aria-label={`${input.label}: chosen images`}>
            {ids.map((id, index) => (
              <UploadedImage key={id} id={id} name={names[id] ?? `Image ${index + 1}`} onRemove={() => remove(id)} />
            ))}
            {pending.map((p) => (
              <li
                key={p.localId}
                className="flex flex-col justify-between gap-1 rounded-md border border-line bg-panel p-2 text-[11px]"
                data-testid="app-image-pending"
              >
                <span className="truncate text-muted" title={p.name}>
                  {p.name}
                </span>
                {p.error ? (
                  <>
                    <span role="alert" className="text-bad">
                      {p.error}
                    </span>
                    <button
                      type="button"
                      onClick={() => setPending((list) => list.filter((x) => x.localId !== p.localId))}
                      className="self-start rounded text-faint hover:text-fg focus-visible:outline-2 focus-visible:outline-accent"
                    >
                      Dismiss
                    </button>
                  </>
                ) : (
                  <span role="status" className="space-y-1">
                    <span className="flex items-center gap-1 text-faint">
                      <Spinner size={10} /> {Math.round(p.progress * 100)}%
                    </span>
                    <span className="block h-1 overflow-hidden rounded-full bg-panel-3">
                      <span className="block h-full bg-accent transition-[width]" style={{ width: `${p.progress * 100}%` }} />
                    </span>
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
        <div
          className={`flex items-center gap-3 px-3 ${ids.length > 0 || pending.length > 0 ? "border-t border-line py-2" : "flex-col py-6 text-center"}`}
        >
          {ids.length === 0 && pending.length === 0 && <UploadIcon size={20} className="text-faint" />}
          <p className="text-[12.5px] text-muted">
            {ids.length === 0 && pending.length === 0
              ? single
                ? "Drop an image here, or"
                : "Drop images here, or"
              : single
                ? "Drop another to replace it, or"
                : "Add more by dropping here, or"}
          </p>
          <Button
            ref={(element) => {
              chooseButton.current = element;
              field.ref(element);
            }}
            size="sm"
            onClick={() => fileInput.current?.click()}
            data-testid={`app-input-${input.key}-choose`}
            aria-label={`${chooseLabel} for ${input.label}`}
            aria-describedby={`${controlId}-desc`}
          >
            <UploadIcon size={13} />
            {chooseLabel}
          </Button>
        </div>
      </div>
    </FieldShell>
  );
}

function UploadedImage({ id, name, onRemove }: { id: string; name: string; onRemove: () => void }) {
  const asset = useAsset(id);
  return (
    <li className="group relative overflow-hidden rounded-md border border-line bg-panel" data-testid="app-image-thumb" data-asset-id={id}>
      <img
        src={thumbnailUrl(asset.data?.url ?? assetFileUrl(id))}
        alt={name}
        className="checkerboard aspect-square w-full object-contain"
      />
      <div className="border-t border-line px-1.5 py-1">
        <p className="truncate text-[11px] text-fg" title={name}>
          {name}
        </p>
        <p className="text-[10.5px] text-faint tabular-nums" data-testid="app-image-dimensions">
          {asset.data ? `${asset.data.width} × ${asset.data.height} px` : "…"}
        </p>
      </div>
      <button
        type="button"
        onClick={onRemove}
        aria-label={`Remove ${name}`}
        title="Remove"
        className="absolute top-1 right-1 grid h-6 w-6 place-items-center rounded bg-black/65 text-fg opacity-80 hover:bg-black/85 hover:opacity-100 focus-visible:opacity-100 focus-visible:outline-2 focus-visible:outline-accent"
      >
        <XIcon size={12} />
      </button>
    </li>
  );
}
