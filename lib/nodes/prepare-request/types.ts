/**
 * The words of the request builder (prepare-request/index.ts): what a model node means
 * (RequestIntent), what the builder answers (PreparedRequest or a RequestRefusal), and the
 * file conversions it asks the executor to perform before upload. Pure types.
 */
import type { ModelSchema } from "../../providers/model-schema";

/** A studio image (or other media) a request carries; pixel sizes, 0 when unknown (audio). */
export interface IntentFile {
  assetId: string;
  width: number;
  height: number;
  /** "image/png", "image/jpeg", "video/mp4", …; undefined = an image of unknown format. */
  mimeType?: string;
}

/**
 * The output size a node asks for:
 * - `ratio`: an aspect ratio such as "16:9", the model picks the pixels;
 * - `exact`: a width and height in pixels (a platform preset, explicit pixels, an Expand canvas).
 *   `label` names where it came from ("Poster print") for the note when it has to change;
 *   `contains` is a size the output may never be smaller than (Expand never shrinks its image).
 */
export type SizeIntent =
  | { kind: "ratio"; ratio: string }
  | { kind: "exact"; width: number; height: number; ratio?: string; label?: string; contains?: { width: number; height: number } };

/** What a model node means, independent of any model (ARCHITECTURE.md, "Requests come from the model's own schema"). */
export interface RequestIntent {
  /**
   * What the node does, completing "<model> cannot …": "retouch with a mask", "expand an image",
   * "upscale an image", "remove a background", "generate from a reference image".
   */
  task: string;
  /** How the node's output size follows from its input: "expanding", "upscaling", "generating". */
  verb: string;
  prompt?: string;
  /** The image the node works on or is guided by (at most one per request). */
  image?: IntentFile;
  /** Words for `image` in a refusal: "a reference image", "an image to edit". */
  imageNoun?: string;
  mask?: IntentFile;
  /** Other media (Run model: audio for lipsync, a video to extend). */
  media?: IntentFile;
  size?: SizeIntent;
  /** True when the node cannot do its job without sending a size (Expand). */
  sizeRequired?: boolean;
  numOutputs?: number;
  /** The seed; `fixed` is true when the designer set it (a dropped fixed seed is noted). */
  seed?: { value: number; fixed: boolean };
  /** 0 to 1. */
  strength?: number;
  upscale?: { factor: number; preset?: string };
  /** Model-specific settings the designer set from the model's schema (inspector "Model settings"), by input name. */
  settings?: Record<string, unknown>;
}

/** What the executor does to a file before uploading it. */
export interface FileConversion {
  /** Re-encode as PNG. */
  format: "png";
  /** Resize to these pixels (a mask matched to its image). */
  width?: number;
  height?: number;
  /** Turn a white-means-change mask into alpha: transparent where white (edit), opaque where black (keep). */
  maskToAlpha?: boolean;
}

/** One file field of the body: the studio asset to upload (after `convert`) and put at `field`[`index`]. */
export interface RequestFile {
  field: string;
  /** Position in a `file_array` field; undefined for a `file` field. */
  index?: number;
  assetId: string;
  convert?: FileConversion;
}

/** A change the builder made or a node setting it left out, shown on the node card. */
export interface RequestNote {
  /** A sentence for the designer: "GPT Image 2 takes no seed: results vary between runs". */
  message: string;
  /** The node's setting or the model input concerned (technical). */
  field?: string;
}

export interface PreparedRequest {
  /** The body as sent, except that file fields hold studio asset ids until the executor uploads `files`. */
  body: Record<string, unknown>;
  files: RequestFile[];
  notes: RequestNote[];
  /** The output size the request should give, in pixels, when it can be told. */
  output: { width: number; height: number } | null;
}

/** Why the request cannot be sent: a sentence naming the model and what to change, plus technical detail. */
export interface RequestRefusal {
  message: string;
  /** The model input (or node setting) at fault. */
  field?: string;
  /** Technical detail: the rule, the value, the schema's limits. */
  details?: Record<string, unknown>;
}

export type PrepareResult = ({ ok: true } & PreparedRequest) | { ok: false; refusal: RequestRefusal };

export interface PrepareInput {
  intent: RequestIntent;
  schema: ModelSchema;
  /** The model's display name for sentences ("GPT Image 2"); its id when it has no name. */
  modelName: string;
  /**
   * What the node does and what the model does (model-kind.ts): the node's capability and the
   * model's capabilities (the catalog's, else its record's). A model of the wrong kind is refused
   * before the body is built. Left out, only the schema is checked.
   */
  kind?: { capability: string; modelCapabilities: readonly string[] };
}

/** The largest output the studio accepts from one node, in pixels (50 megapixels). */
export const MAX_OUTPUT_PIXELS = 50_000_000;
