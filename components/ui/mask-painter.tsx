"use client";
/**
 * Paints a mask over an image (Retouch's mask, in the editor and in an App's form). The paint
 * layer is a canvas at the image's exact pixel size (shown scaled); saving turns it into an
 * opaque PNG, white where painted and black elsewhere (lib/client/mask-image.ts), and uploads it.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import { assetFileUrl, errorMessage } from "@/lib/client/api-client";
import { MASK_PAINT_RGB, drawMaskIntoPaintLayer, hasPaint, paintLayerToMaskBlob } from "@/lib/client/mask-image";
import { queryKeys } from "@/lib/client/query-keys";
import { uploadAsset } from "@/lib/client/upload-asset";
import { Button } from "./button";
import { BrushIcon, EraserIcon, TrashIcon } from "./icons";
import { Spinner } from "./spinner";

/** What the painter paints over, and what happens with the saved mask. */
export interface MaskPainterProps {
  /** The image to paint over: its URL and pixel size. */
  image: { url: string; width: number; height: number };
  /** Where the image comes from, e.g. "uploaded to the Image input node". */
  origin: string;
  /** A mask saved before, loaded into the paint layer. */
  currentMaskId: string | null;
  /** Called with the uploaded mask asset (PNG at the image's pixel size, white = repaint). */
  onSaved: (mask: { id: string; width: number; height: number }) => void;
  onClose: () => void;
}

/** The brush, eraser and paint layer over `image`; "Save mask" uploads the mask and calls `onSaved`. */
export function MaskPainter({ image, origin, currentMaskId, onSaved, onClose }: MaskPainterProps) {
  const queryClient = useQueryClient();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const cursorRef = useRef<HTMLDivElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [imageError, setImageError] = useState(false);
  const [brush, setBrush] = useState(36);
  const [erase, setErase] = useState(false);
  const [painted, setPainted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  // Load an existing mask into the paint layer once the layer has the image's size.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!size || !canvas || !currentMaskId) return;
    const mask = new Image();
    mask.onload = () => {
      drawMaskIntoPaintLayer(mask, canvas);
      setPainted(hasPaint(canvas));
    };
    mask.src = assetFileUrl(currentMaskId);
  }, [size, currentMaskId]);

  const toCanvas = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    const canvas = event.currentTarget;
    const rect = canvas.getBoundingClientRect();
    const scale = canvas.width / rect.width;
    return { x: (event.clientX - rect.left) * scale, y: (event.clientY - rect.top) * scale, scale };
  };

  const paint = useCallback(
    (from: { x: number; y: number }, to: { x: number; y: number }, scale: number) => {
      const ctx = canvasRef.current?.getContext("2d");
      if (!ctx) return;
      const width = brush * scale;
      ctx.globalCompositeOperation = erase ? "destination-out" : "source-over";
      ctx.strokeStyle = ctx.fillStyle = `rgb(${MASK_PAINT_RGB.join(",")})`;
      ctx.lineWidth = width;
      ctx.lineCap = "round";
      ctx.lineJoin = "round";
      ctx.beginPath();
      if (from.x === to.x && from.y === to.y) {
        ctx.arc(to.x, to.y, width / 2, 0, Math.PI * 2);
        ctx.fill();
      } else {
        ctx.moveTo(from.x, from.y);
        ctx.lineTo(to.x, to.y);
        ctx.stroke();
      }
    },
    [brush, erase],
  );

  const moveCursor = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    const cursor = cursorRef.current;
    if (!cursor) return;
    const rect = event.currentTarget.getBoundingClientRect();
    cursor.style.transform = `translate(${event.clientX - rect.left - brush / 2}px, ${event.clientY - rect.top - brush / 2}px)`;
    cursor.style.opacity = "1";
  };

  const save = async () => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    setSaving(true);
    setSaveError(null);
    try {
      const blob = await paintLayerToMaskBlob(canvas);
      const asset = await uploadAsset(blob, { filename: "mask.png" });
      queryClient.setQueryData(queryKeys.asset(asset.id), { asset });
      onSaved({ id: asset.id, width: canvas.width, height: canvas.height });
      onClose();
    } catch (error) {
      setSaveError(errorMessage(error));
      setSaving(false);
    }
  };

  const ratio = image.width && image.height ? image.width / image.height : 1;

  return (
    <div className="flex flex-col">
      <div className="flex flex-wrap items-center gap-3 border-b border-line px-5 py-2.5">
        <div className="flex rounded-md border border-line-strong p-0.5" role="group" aria-label="Tool">
          <button
            type="button"
            aria-pressed={!erase}
            data-testid="mask-tool-brush"
            onClick={() => setErase(false)}
            className={`flex h-7 items-center gap-1.5 rounded px-2.5 text-[12.5px] focus-visible:outline-2 focus-visible:outline-accent ${!erase ? "bg-panel-3 text-fg" : "text-muted hover:text-fg"}`}
          >
            <BrushIcon size={14} /> Brush
          </button>
          <button
            type="button"
            aria-pressed={erase}
            data-testid="mask-tool-erase"
            onClick={() => setErase(true)}
            className={`flex h-7 items-center gap-1.5 rounded px-2.5 text-[12.5px] focus-visible:outline-2 focus-visible:outline-accent ${erase ? "bg-panel-3 text-fg" : "text-muted hover:text-fg"}`}
          >
            <EraserIcon size={14} /> Erase
          </button>
        </div>
        <label className="flex items-center gap-2 text-[12.5px] text-muted">
          Size
          <input
            type="range"
            min={4}
            max={160}
            step={1}
            value={brush}
            data-testid="mask-brush-size"
            onChange={(event) => setBrush(Number(event.target.value))}
            className="w-32 accent-[var(--color-accent)]"
          />
          <output className="w-10 text-fg tabular-nums">{brush}px</output>
        </label>
        <Button
          size="sm"
          variant="ghost"
          data-testid="mask-clear"
          onClick={() => {
            const canvas = canvasRef.current;
            canvas?.getContext("2d")?.clearRect(0, 0, canvas.width, canvas.height);
            setPainted(false);
          }}
        >
          <TrashIcon size={13} /> Clear
        </Button>
        <p className="ml-auto text-[11.5px] text-faint">
          {size ? `${size.width} × ${size.height} px` : ""} · image {origin}
        </p>
      </div>

      <div className="flex justify-center bg-canvas p-4">
        <div className="relative overflow-hidden rounded-md" style={{ aspectRatio: `${ratio}`, width: `min(100%, calc(62vh * ${ratio}))` }}>
          {}
          <img
            src={image.url}
            alt="Image to mask"
            draggable={false}
            onLoad={(event) => setSize({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })}
            onError={() => setImageError(true)}
            className="checkerboard absolute inset-0 h-full w-full object-fill select-none"
          />
          {size && (
            <canvas
              ref={(element) => {
                canvasRef.current = element;
                // The first getContext call fixes the options: the layer is read back after each stroke.
                element?.getContext("2d", { willReadFrequently: true });
              }}
              width={size.width}
              height={size.height}
              data-testid="mask-canvas"
              aria-label="Mask painting area: drag to paint"
              className="absolute inset-0 h-full w-full cursor-none touch-none opacity-60"
              onPointerDown={(event) => {
                event.currentTarget.setPointerCapture(event.pointerId);
                const p = toCanvas(event);
                paint(p, p, p.scale);
                last.current = p;
              }}
              onPointerMove={(event) => {
                moveCursor(event);
                if (!last.current) return;
                const p = toCanvas(event);
                paint(last.current, p, p.scale);
                last.current = p;
              }}
              onPointerUp={(event) => {
                last.current = null;
                setPainted(hasPaint(event.currentTarget));
              }}
              onPointerCancel={() => {
                last.current = null;
              }}
              onPointerLeave={() => {
                if (cursorRef.current) cursorRef.current.style.opacity = "0";
              }}
            />
          )}
          <div
            ref={cursorRef}
            aria-hidden="true"
            className={`pointer-events-none absolute top-0 left-0 rounded-full border-2 opacity-0 ${erase ? "border-white/80 border-dashed" : "border-white/90"}`}
            style={{ width: brush, height: brush, boxShadow: "0 0 0 1px rgb(0 0 0 / 0.5)" }}
          />
          {!size && !imageError && (
            <div className="absolute inset-0 grid place-items-center">
              <Spinner label="Loading image" />
            </div>
          )}
          {imageError && <p className="absolute inset-0 grid place-items-center text-bad">Could not load the image.</p>}
        </div>
      </div>

      <div className="flex items-center justify-end gap-2 border-t border-line px-5 py-3">
        {saveError && (
          <p role="alert" className="mr-auto text-[12.5px] text-bad">
            Could not save the mask: {saveError}
          </p>
        )}
        {!saveError && !painted && size && <p className="mr-auto text-[12px] text-faint">Paint over the area to change, then save.</p>}
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="primary" data-testid="mask-save" onClick={save} disabled={!painted || saving || !size}>
          {saving && <Spinner size={12} />}
          Save mask
        </Button>
      </div>
    </div>
  );
}
