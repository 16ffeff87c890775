/**
 * What each ComfyUI core class does, for the importer (import.ts): one entry per `class_type`.
 * Adding a mapping (a new studio node kind for a ComfyUI class) is one entry here and, for a new
 * role, one case in the importer. Classes not listed have no equivalent: they become placeholders.
 * Class names and inputs are ComfyUI's (comfy/nodes.py, comfy_extras). Pure module.
 */

/**
 * - `save`: SaveImage / PreviewImage → Output;
 * - `loadImage` / `loadMask`: → Image input;
 * - `sampler`: → Generation or Retouch (with what folds into it);
 * - `textEncode`: the prompt text of a sampler;
 * - `checkpoint`, `lora`, `plumbing`: model loaders folded into the sampler's node;
 * - `emptyLatent`, `encode`, `encodeInpaint`, `noiseMask`, `inpaintConditioning`, `guidance`, `decode`: latent and conditioning plumbing;
 * - `imageScaleBy`, `upscaleWithModel`, `upscaleLoader`, `latentUpscale`: → Upscale;
 * - `note`: → sticky note.
 */
export type ComfyRole =
  | "save"
  | "loadImage"
  | "loadMask"
  | "sampler"
  | "textEncode"
  | "checkpoint"
  | "lora"
  | "plumbing"
  | "emptyLatent"
  | "encode"
  | "encodeInpaint"
  | "noiseMask"
  | "inpaintConditioning"
  | "guidance"
  | "decode"
  | "imageScaleBy"
  | "upscaleWithModel"
  | "upscaleLoader"
  | "latentUpscale"
  | "note";

export const CLASS_ROLES: Readonly<Record<string, ComfyRole>> = {
  SaveImage: "save",
  PreviewImage: "save",
  LoadImage: "loadImage",
  LoadImageMask: "loadMask",
  KSampler: "sampler",
  KSamplerAdvanced: "sampler",
  CLIPTextEncode: "textEncode",
  CheckpointLoaderSimple: "checkpoint",
  CheckpointLoader: "checkpoint",
  UNETLoader: "checkpoint",
  LoraLoader: "lora",
  LoraLoaderModelOnly: "lora",
  VAELoader: "plumbing",
  CLIPLoader: "plumbing",
  DualCLIPLoader: "plumbing",
  CLIPSetLastLayer: "plumbing",
  EmptyLatentImage: "emptyLatent",
  EmptySD3LatentImage: "emptyLatent",
  VAEEncode: "encode",
  VAEEncodeForInpaint: "encodeInpaint",
  SetLatentNoiseMask: "noiseMask",
  InpaintModelConditioning: "inpaintConditioning",
  FluxGuidance: "guidance",
  ConditioningCombine: "guidance",
  VAEDecode: "decode",
  ImageScaleBy: "imageScaleBy",
  ImageUpscaleWithModel: "upscaleWithModel",
  UpscaleModelLoader: "upscaleLoader",
  LatentUpscale: "latentUpscale",
  LatentUpscaleBy: "latentUpscale",
  Note: "note",
  MarkdownNote: "note",
};

/** The role of a ComfyUI class, or undefined for a class the studio has no equivalent for. */
export function roleOf(classType: string): ComfyRole | undefined {
  return Object.hasOwn(CLASS_ROLES, classType) ? CLASS_ROLES[classType] : undefined;
}

/** The names ComfyUI's editor shows for core classes (their `DISPLAY_NAME`), for nodes saved without a title. */
const DISPLAY_NAMES: Readonly<Record<string, string>> = {
  CheckpointLoaderSimple: "Load Checkpoint",
  CLIPTextEncode: "CLIP Text Encode (Prompt)",
  EmptyLatentImage: "Empty Latent Image",
  VAEDecode: "VAE Decode",
  VAEEncode: "VAE Encode",
  VAEEncodeForInpaint: "VAE Encode (for Inpainting)",
  SaveImage: "Save Image",
  PreviewImage: "Preview Image",
  LoadImage: "Load Image",
  LoadImageMask: "Load Image (as Mask)",
  LoraLoader: "Load LoRA",
  VAELoader: "Load VAE",
  ImageScaleBy: "Upscale Image By",
  ImageUpscaleWithModel: "Upscale Image (using Model)",
  UpscaleModelLoader: "Load Upscale Model",
  LatentUpscale: "Upscale Latent",
  LatentUpscaleBy: "Upscale Latent By",
  SetLatentNoiseMask: "Set Latent Noise Mask",
  KSamplerAdvanced: "KSampler (Advanced)",
};

/** The name ComfyUI shows for a class: its display name, else the class name. */
export function displayNameOf(classType: string): string {
  return Object.hasOwn(DISPLAY_NAMES, classType) ? DISPLAY_NAMES[classType] : classType;
}
