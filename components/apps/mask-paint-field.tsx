"use client";
/**
 * An App's painted-mask input ("Paint the area to change"): the member paints over the image they
 * uploaded to the image input the mask is published over (`input.paintedOver`), in the same
 * painter as the editor's (components/ui/mask-painter.tsx). The form value is the saved mask's
 * asset id; choosing another image clears it (a mask painted on one picture means nothing on
 * another).
 */
import { useEffect, useRef, useState } from "react";
import { useController, useFormContext, useWatch } from "react-hook-form";
import { assetFileUrl } from "@/lib/client/api-client";
import { imageIds, type AppFormValues } from "@/lib/client/apps/batch";
import type { AppInput } from "@/lib/client/apps/types";
import { useAsset } from "@/lib/client/use-asset";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { BrushIcon } from "../ui/icons";
import { MaskPainter } from "../ui/mask-painter";
import { Spinner } from "../ui/spinner";
import { fieldTestId, type AppFieldProps } from "./app-form-fields";
import { FieldShell } from "./field-shell";

export function MaskPaintField({ input, controlId, error, inputs }: AppFieldProps & { inputs: readonly AppInput[] }) {
  const { control, setValue } = useFormContext<AppFormValues>();
  const { field } = useController({ control, name: input.key });
  const imageInput = inputs.find((i) => i.key === input.paintedOver);
  const images = imageIds(useWatch({ control, name: input.paintedOver ?? input.key }));
  const imageId = images.length === 1 ? images[0] : null;
  const image = useAsset(imageId);
  const maskId = typeof field.value === "string" && field.value ? field.value : null;
  const [open, setOpen] = useState(false);
  const paintedOn = useRef<string | null>(null);

  // A mask belongs to the image it was painted on: another image (or none) clears it.
  useEffect(() => {
    if (maskId && paintedOn.current !== imageId) {
      paintedOn.current = null;
      setValue(input.key, "", { shouldValidate: true, shouldDirty: true });
    }
  }, [imageId, maskId, input.key, setValue]);

  const imageLabel = imageInput?.label ?? "the image";
  const ready = !!imageId && !!image.data;
  const help = !imageId
    ? images.length > 1
      ? `Choose a single image for “${imageLabel}” to paint on.`
      : `Upload an image for “${imageLabel}” first, then paint over what should change.`
    : (input.help ?? "White areas are repainted; the rest of your image is kept.");

  return (
    <FieldShell
      testId={fieldTestId(input)}
      controlId={controlId}
      label={input.label}
      required={input.required}
      help={help}
      error={error}
      labelFor={false}
    >
      <div className="flex items-center gap-3 rounded-lg border border-dashed border-line-strong bg-panel-2/50 p-2">
        {maskId && imageId ? (
          <span
            className="relative h-16 w-16 shrink-0 overflow-hidden rounded-md border border-line"
            data-testid={`app-input-${input.key}-preview`}
          >
            <img src={assetFileUrl(imageId)} alt="" className="checkerboard absolute inset-0 h-full w-full object-cover" />
            <img
              src={assetFileUrl(maskId)}
              alt={`${input.label}: the painted area`}
              className="absolute inset-0 h-full w-full object-cover opacity-60 mix-blend-screen"
            />
          </span>
        ) : (
          <span className="grid h-16 w-16 shrink-0 place-items-center rounded-md border border-line bg-panel text-faint">
            {imageId && !image.data ? <Spinner size={14} /> : <BrushIcon size={18} />}
          </span>
        )}
        <div className="min-w-0 flex-1 text-[12.5px] text-muted" data-testid={`app-input-${input.key}-state`}>
          {maskId ? "Mask painted." : ready ? "Nothing painted yet." : "No image to paint on yet."}
        </div>
        <Button
          ref={field.ref}
          size="sm"
          disabled={!ready}
          onClick={() => setOpen(true)}
          data-testid={`app-input-${input.key}-paint`}
          aria-label={`${maskId ? "Repaint" : "Paint"}: ${input.label}`}
          aria-describedby={`${controlId}-desc`}
        >
          <BrushIcon size={13} />
          {maskId ? "Repaint" : "Paint"}
        </Button>
        {maskId && (
          <Button
            size="sm"
            variant="ghost"
            data-testid={`app-input-${input.key}-clear`}
            onClick={() => setValue(input.key, "", { shouldValidate: true, shouldDirty: true, shouldTouch: true })}
          >
            Clear
          </Button>
        )}
      </div>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={input.label}
        description="Paint over what should change. White in the saved mask is repainted; the rest is kept."
        className="w-[min(1040px,calc(100vw-24px))]"
        testId="mask-editor"
      >
        {open && image.data && imageId && (
          <MaskPainter
            image={{ url: assetFileUrl(imageId), width: image.data.width, height: image.data.height }}
            origin={`you uploaded for “${imageLabel}”`}
            currentMaskId={maskId}
            onSaved={(mask) => {
              paintedOn.current = imageId;
              setValue(input.key, mask.id, { shouldValidate: true, shouldDirty: true, shouldTouch: true });
            }}
            onClose={() => setOpen(false)}
          />
        )}
      </Dialog>
    </FieldShell>
  );
}
