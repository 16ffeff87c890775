/**
 * The local preview engine: the offline Provider and the image operations behind it.
 */
export { LocalProvider, type LocalProviderOptions } from "./local-provider";
export type { FaultPlan, SubmitFault } from "./faults";
export { LOCAL_CAPABILITIES, NOMINAL_CREDITS, localCapability } from "./capabilities";
export { upscale, upscaledSize, type UpscaleFactor, type UpscaleOptions, type UpscalePreset } from "./operations/upscale";
export { expand, aspectCanvas, expandOffset, type ExpandOptions } from "./operations/expand";
export { inpaint, type InpaintOptions } from "./operations/inpaint";
export { readMask, MASK_THRESHOLD } from "./operations/mask";
export { removeBackground, type RemoveBackgroundOptions } from "./operations/remove-background";
export { textToImage, LOCAL_ENGINE_CAPTION, type TextToImageOptions } from "./operations/text-to-image";
export { imageToImage, type ImageToImageOptions } from "./operations/image-to-image";
export { MAX_SIDE, type OperationResult } from "./operations/raster";
