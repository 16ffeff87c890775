/**
 * Mask pixels. The painter draws in one colour with alpha on a transparent canvas; the saved
 * mask is an opaque PNG at the image's exact size: white where painted, black elsewhere
 * (what inpainting models take: white = regenerate).
 */

export const MASK_PAINT_RGB = [255, 72, 120] as const;

/** Opaque black/white PNG from the paint layer (alpha ≥ 50 % counts as painted). */
export function paintLayerToMaskBlob(paint: HTMLCanvasElement): Promise<Blob> {
  const { width, height } = paint;
  const source = paint.getContext("2d")!.getImageData(0, 0, width, height).data;
  const out = document.createElement("canvas");
  out.width = width;
  out.height = height;
  const ctx = out.getContext("2d")!;
  const image = ctx.createImageData(width, height);
  const px = image.data;
  for (let i = 0; i < px.length; i += 4) {
    const v = source[i + 3] >= 128 ? 255 : 0;
    px[i] = v;
    px[i + 1] = v;
    px[i + 2] = v;
    px[i + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
  return new Promise((resolve, reject) =>
    out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("Could not encode the mask"))), "image/png"),
  );
}

/** Draws a saved mask (white = painted) into the paint layer, scaled to the layer's size. */
export function drawMaskIntoPaintLayer(mask: HTMLImageElement, paint: HTMLCanvasElement): void {
  const { width, height } = paint;
  const scratch = document.createElement("canvas");
  scratch.width = width;
  scratch.height = height;
  const sctx = scratch.getContext("2d")!;
  sctx.drawImage(mask, 0, 0, width, height);
  const data = sctx.getImageData(0, 0, width, height);
  const px = data.data;
  const [r, g, b] = MASK_PAINT_RGB;
  for (let i = 0; i < px.length; i += 4) {
    const luminance = (px[i] + px[i + 1] + px[i + 2]) / 3;
    px[i] = r;
    px[i + 1] = g;
    px[i + 2] = b;
    px[i + 3] = luminance >= 128 ? 255 : 0;
  }
  paint.getContext("2d")!.putImageData(data, 0, 0);
}

/** True when any pixel of the paint layer is painted. */
export function hasPaint(paint: HTMLCanvasElement): boolean {
  const px = paint.getContext("2d")!.getImageData(0, 0, paint.width, paint.height).data;
  for (let i = 3; i < px.length; i += 4) if (px[i] >= 128) return true;
  return false;
}
