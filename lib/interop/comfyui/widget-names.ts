/**
 * The names of ComfyUI's widget values, in `widgets_values` order, per core node class (the UI
 * format stores widget values by position; the API format names them). From ComfyUI's node
 * definitions (`INPUT_TYPES` "required" then "optional" widgets, in order; a seed widget is
 * followed by the editor's `control_after_generate`). One entry per class: a class the studio maps
 * but that is missing here only loses its settings. Pure module.
 */

const SEED_CONTROL = "control_after_generate";
const CONTROL_VALUES = new Set(["fixed", "increment", "decrement", "randomize"]);

export const WIDGET_NAMES: Readonly<Record<string, readonly string[]>> = {
  KSampler: ["seed", SEED_CONTROL, "steps", "cfg", "sampler_name", "scheduler", "denoise"],
  KSamplerAdvanced: [
    "add_noise",
    "noise_seed",
    SEED_CONTROL,
    "steps",
    "cfg",
    "sampler_name",
    "scheduler",
    "start_at_step",
    "end_at_step",
    "return_with_leftover_noise",
  ],
  CheckpointLoaderSimple: ["ckpt_name"],
  CheckpointLoader: ["config_name", "ckpt_name"],
  UNETLoader: ["unet_name", "weight_dtype"],
  CLIPLoader: ["clip_name", "type"],
  DualCLIPLoader: ["clip_name1", "clip_name2", "type"],
  VAELoader: ["vae_name"],
  LoraLoader: ["lora_name", "strength_model", "strength_clip"],
  LoraLoaderModelOnly: ["lora_name", "strength_model"],
  CLIPSetLastLayer: ["stop_at_clip_layer"],
  CLIPTextEncode: ["text"],
  FluxGuidance: ["guidance"],
  EmptyLatentImage: ["width", "height", "batch_size"],
  EmptySD3LatentImage: ["width", "height", "batch_size"],
  LatentUpscale: ["upscale_method", "width", "height", "crop"],
  LatentUpscaleBy: ["upscale_method", "scale_by"],
  LoadImage: ["image", "upload"],
  LoadImageMask: ["image", "channel", "upload"],
  SaveImage: ["filename_prefix"],
  ImageScaleBy: ["upscale_method", "scale_by"],
  ImageScale: ["upscale_method", "width", "height", "crop"],
  UpscaleModelLoader: ["model_name"],
  VAEEncodeForInpaint: ["grow_mask_by"],
  InpaintModelConditioning: ["noise_mask"],
  Note: ["text"],
  MarkdownNote: ["text"],
};

/**
 * The names of `values` for a node of `classType` (an empty name for a position the table does
 * not know). The seed's `control_after_generate` is skipped when the file has no such value
 * (older files and the API format do not store it).
 */
export function widgetNames(classType: string, values: readonly unknown[]): string[] {
  const names = Object.hasOwn(WIDGET_NAMES, classType) ? [...WIDGET_NAMES[classType]] : [];
  const control = names.indexOf(SEED_CONTROL);
  if (control >= 0 && !(typeof values[control] === "string" && CONTROL_VALUES.has(values[control] as string))) names.splice(control, 1);
  return names;
}
