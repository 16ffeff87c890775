/**
 * Performs the file conversions the request builder asks for (lib/nodes/prepare-request,
 * FileConversion) before a file is uploaded: re-encoding as PNG, resizing a mask to its image's
 * pixels, and turning a white-means-change mask into an alpha mask (transparent where the model
 * should edit, opaque where it keeps; GPT Image 2's mask input documents "same format and
 * dimensions … must include an alpha channel").
 */
import sharp from "sharp";
import type { FileConversion } from "../nodes/prepare-request/types";

/**
 * @returns the converted bytes and their type; the input as is when it already matches
 *   (a PNG asked only to be a PNG).
 * @throws Error when the bytes are not an image sharp reads.
 */
export async function convertFile(
  input: { bytes: Buffer; mimeType: string },
  conversion: FileConversion,
): Promise<{ bytes: Buffer; mimeType: string }> {
  const resize = conversion.width && conversion.height ? { width: conversion.width, height: conversion.height } : null;
  if (!conversion.maskToAlpha && !resize && input.mimeType === "image/png") return input;
  let image = sharp(input.bytes);
  if (resize) image = image.resize({ ...resize, fit: "fill" });
  if (conversion.maskToAlpha) {
    const { data, info } = await image.greyscale().raw().toBuffer({ resolveWithObject: true });
    const channels = info.channels;
    const rgba = Buffer.alloc(info.width * info.height * 4);
    for (let i = 0, j = 0; i < data.length; i += channels, j += 4) rgba[j + 3] = 255 - data[i];
    const bytes = await sharp(rgba, { raw: { width: info.width, height: info.height, channels: 4 } })
      .png()
      .toBuffer();
    return { bytes, mimeType: "image/png" };
  }
  return { bytes: await image.png().toBuffer(), mimeType: "image/png" };
}
