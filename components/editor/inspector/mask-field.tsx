"use client";
import { useState } from "react";
import { assetThumbUrl } from "@/lib/client/api-client";
import { Button } from "../../ui/button";
import { BrushIcon, TrashIcon } from "../../ui/icons";
import { MaskEditor } from "../mask-editor";
import type { FieldOf, FieldProps } from "./field-types";

/** A painted mask: thumbnail, "Paint mask" (opens the mask editor) and "Clear". */
export function MaskField({ field, nodeId, definition, value, inputId, describedBy, commit }: FieldProps<FieldOf<"mask">>) {
  const [open, setOpen] = useState(false);
  const maskId = typeof value === "string" && value ? value : null;
  const maskPort = Object.entries(definition.assetParamForPort ?? {}).find(([, param]) => param === field.name)?.[0];
  const imagePort = definition.inputs.find((p) => p.type === "image" && p.name !== maskPort)?.name;

  return (
    <div className="space-y-2">
      {maskId ? (
        <img
          src={assetThumbUrl(maskId)}
          alt="Painted mask (white = repaint)"
          data-testid="mask-thumbnail"
          className="max-h-[140px] w-full rounded-md border border-line bg-black object-contain"
        />
      ) : (
        <p className="rounded-md border border-dashed border-line-strong px-3 py-3 text-center text-[12px] text-faint">
          No mask painted yet
        </p>
      )}
      <div className="flex gap-2">
        <Button id={inputId} size="sm" data-testid="mask-open" aria-describedby={describedBy} onClick={() => setOpen(true)}>
          <BrushIcon size={13} />
          {maskId ? "Edit mask" : "Paint mask"}
        </Button>
        {maskId && (
          <Button size="sm" variant="ghost" data-testid="mask-remove" onClick={() => commit(null)}>
            <TrashIcon size={13} />
            Clear
          </Button>
        )}
      </div>
      <MaskEditor
        open={open}
        onClose={() => setOpen(false)}
        nodeId={nodeId}
        nodeLabel={definition.label}
        fieldName={field.name}
        imagePort={imagePort}
        currentMaskId={maskId}
      />
    </div>
  );
}
