/**
 * Maps the node's image, mask and other media onto the model's file inputs (schema-inputs.ts):
 * the image goes to `referenceImages` when that is the model's `file_array` image input, `image`
 * when it is a `file`; a mask goes to the mask input with its image in the input the mask applies
 * to (`maskFrom`, e.g. GPT Image 2's `referenceImages`). A mask whose input says it applies to
 * another input is converted to match that image (same size, PNG; alpha when the model documents
 * an alpha channel), which the executor performs before upload. Pure module.
 */
import type { ModelInput, ModelSchema } from "../../providers/model-schema";
import { imageInput, maskInput, mediaInput } from "./schema-inputs";
import type { FileConversion, IntentFile, RequestFile, RequestIntent, RequestRefusal } from "./types";

export interface FileFields {
  fields: Record<string, unknown>;
  files: RequestFile[];
}

function place(input: ModelInput, file: IntentFile, convert: FileConversion | undefined, out: FileFields): void {
  if (input.type === "file_array") {
    const list = (out.fields[input.name] as string[] | undefined) ?? [];
    out.files.push({ field: input.name, index: list.length, assetId: file.assetId, convert });
    out.fields[input.name] = [...list, file.assetId];
  } else {
    out.files.push({ field: input.name, assetId: file.assetId, convert });
    out.fields[input.name] = file.assetId;
  }
}

/** @returns the file fields (studio asset ids) and what to upload, or a refusal naming what the model cannot take. */
export function mapFiles(intent: RequestIntent, schema: ModelSchema, modelName: string): FileFields | { refusal: RequestRefusal } {
  const out: FileFields = { fields: {}, files: [] };
  const mask = intent.mask ? maskInput(schema) : undefined;
  if (intent.mask && !mask) {
    return {
      refusal: {
        message: `${modelName} cannot ${intent.task}: pick a model that accepts a mask`,
        field: "mask",
        details: { modelInputs: schema.inputs.map((i) => i.name) },
      },
    };
  }
  if (intent.image) {
    const target = imageInput(schema, Boolean(intent.mask));
    if (!target) {
      return {
        refusal: {
          message: `${modelName} cannot ${intent.task}: it takes no ${intent.imageNoun ?? "input image"}; pick a model that accepts one`,
          field: "image",
          details: { modelInputs: schema.inputs.map((i) => i.name) },
        },
      };
    }
    const alpha = Boolean(mask && mask.maskFrom === target.name && /alpha/i.test(mask.description ?? ""));
    const sameFormat = Boolean(mask && mask.maskFrom === target.name && /same (format|size|dimension)/i.test(mask.description ?? ""));
    const convertImage = alpha || sameFormat ? (intent.image.mimeType === "image/png" ? undefined : { format: "png" as const }) : undefined;
    place(target, intent.image, convertImage, out);
    if (intent.mask && mask) {
      const convertMask: FileConversion | undefined =
        mask.maskFrom === target.name
          ? { format: "png", width: intent.image.width, height: intent.image.height, ...(alpha ? { maskToAlpha: true } : {}) }
          : undefined;
      place(mask, intent.mask, convertMask, out);
    }
  } else if (intent.mask && mask) {
    place(mask, intent.mask, undefined, out);
  }
  if (intent.media) {
    const kind = intent.media.mimeType?.split("/")[0] ?? "image";
    const target = mediaInput(schema, kind);
    if (!target) {
      return {
        refusal: { message: `${modelName} takes no ${kind} input: pick a model that accepts one`, field: "media", details: { kind } },
      };
    }
    place(target, intent.media, undefined, out);
  }
  return out;
}
