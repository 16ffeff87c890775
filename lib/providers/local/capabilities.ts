/**
 * What the local engine can run: one description per capability, with the body fields it reads
 * (Scenario's names, scenario-api-contract.md §2 and §6), how it validates them, its nominal
 * cost and the operation it runs. The provider only looks capabilities up here.
 *
 * Nominal credits: Scenario bills roughly 5 CU per image and 15 CU per Enhance
 * (scenario-api-contract.md §1, "CU billing", help.scenario.com). The local engine charges
 * nothing; it reports these figures so that cost previews look like they will online.
 */
import { ProviderError } from "../types";
import { invalidBody, readAssetId, readChoice, readNumber, readString, type Body } from "./body-fields";
import { MAX_SIDE, type OperationResult } from "./operations/raster";
import { esrganMaxInputPixels, ganMaxInputPixels, upscaleMethod, type UpscaleFactor, type UpscalePreset } from "./operations/upscale";
import type { ImageTaskRunner } from "./pool/worker-pool";
import { trackProgress } from "./neural/progress";

/** Nominal credits (CU) per output image and per Enhance (upscale). */
export const NOMINAL_CREDITS = { image: 5, enhance: 15 } as const;

/** How capabilities reach the provider's assets. */
export interface AssetAccess {
  exists(id: string): Promise<boolean>;
  /** @throws when the asset is unknown. */
  bytes(id: string): Promise<Buffer>;
  /** Width and height in pixels as displayed: known since it was stored, else read from the header. @throws when unknown. */
  size(id: string): Promise<{ width: number; height: number }>;
}

/** What a run may use beyond its task runner. */
export interface RunContext {
  /** Where neural operations run (the neural pool in the studio); default: the task runner. */
  neural?: ImageTaskRunner;
  /** Real progress of the job, 0..1 (tiles done / tiles total for ESRGAN). */
  onProgress?: (fraction: number) => void;
}

/** Runs `work` with a progress key wired to `context.onProgress` (neural/progress.ts). */
async function withProgress<T>(context: RunContext | undefined, work: (progressKey: string | undefined) => Promise<T>): Promise<T> {
  if (!context?.onProgress) return work(undefined);
  const tracked = trackProgress(context.onProgress);
  try {
    return await work(tracked.key);
  } finally {
    tracked.dispose();
  }
}

export interface LocalCapability {
  /**
   * Validates `body` and returns it normalised (defaults and a seed filled in), so a stored job
   * re-runs identically. Fields the capability does not read are dropped.
   * @throws ProviderError 400 naming the field.
   */
  parse(body: Body, assets: AssetAccess): Promise<Body>;
  /** Nominal credits for a body (only reads `numOutputs`). @throws ProviderError 400 for a bad numOutputs. */
  credits(body: Body): number;
  /**
   * Runs on a body returned by `parse`; one result per output image. The image work goes to
   * `tasks` (the worker pool in the studio), one task per output image; neural operations go to
   * `context.neural` and report progress to `context.onProgress`.
   */
  run(body: Body, assets: AssetAccess, tasks: ImageTaskRunner, context?: RunContext): Promise<OperationResult[]>;
}

/** Generation sizes, in pixels. */
export const GENERATION_SIDE = { min: 64, max: 4096, fallback: 1024 };
export const MAX_PROMPT_CHARS = 4000;
export const MAX_SEED = 2 ** 32 - 1;
/** Outputs per generation request. */
export const NUM_OUTPUTS = { min: 1, max: 4 };
export const UPSCALE_FACTORS = [2, 4] as const;
export const UPSCALE_PRESETS = ["precise", "balanced", "creative"] as const;

const readPrompt = (body: Body, required: boolean) => readString(body, "prompt", { required, fallback: "", maxLength: MAX_PROMPT_CHARS });
const readNumOutputs = (body: Body) => readNumber(body, "numOutputs", { ...NUM_OUTPUTS, integer: true, fallback: 1 });
/** Scenario picks a random seed when none is given; so do we, once, at submit time. */
const readSeed = (body: Body) =>
  readNumber(body, "seed", { min: 0, max: MAX_SEED, integer: true, fallback: Math.floor(Math.random() * MAX_SEED) });
const readSide = (body: Body, name: "width" | "height", fallback?: number) =>
  readNumber(body, name, { min: GENERATION_SIDE.min, max: GENERATION_SIDE.max, integer: true, fallback, unit: "px" });
const readStrength = (body: Body, fallback: number) => readNumber(body, "strength", { min: 0, max: 1, fallback });

/** Runs `make(seed)` for seeds seed, seed + 1, … (one per output). */
function perOutput(body: Body, make: (seed: number) => Promise<OperationResult>): Promise<OperationResult[]> {
  const count = body.numOutputs as number;
  return Promise.all(Array.from({ length: count }, (_, i) => make((body.seed as number) + i)));
}

const txt2img: LocalCapability = {
  async parse(body) {
    return {
      prompt: readPrompt(body, true),
      width: readSide(body, "width", GENERATION_SIDE.fallback),
      height: readSide(body, "height", GENERATION_SIDE.fallback),
      numOutputs: readNumOutputs(body),
      seed: readSeed(body),
    };
  },
  credits: (body) => NOMINAL_CREDITS.image * readNumOutputs(body),
  run: (body, _assets, tasks) =>
    perOutput(body, (seed) =>
      tasks.run("textToImage", { prompt: body.prompt as string, seed, width: body.width as number, height: body.height as number }),
    ),
};

const img2img: LocalCapability = {
  async parse(body, assets) {
    const parsed: Body = {
      image: await readAssetId(body, "image", assets.exists),
      prompt: readPrompt(body, true),
      strength: readStrength(body, 0.5),
      numOutputs: readNumOutputs(body),
      seed: readSeed(body),
    };
    if (body.width != null) parsed.width = readSide(body, "width");
    if (body.height != null) parsed.height = readSide(body, "height");
    return parsed;
  },
  credits: (body) => NOMINAL_CREDITS.image * readNumOutputs(body),
  async run(body, assets, tasks) {
    const image = await assets.bytes(body.image as string);
    return perOutput(body, (seed) =>
      tasks.run("imageToImage", {
        image,
        options: {
          prompt: body.prompt as string,
          seed,
          strength: body.strength as number,
          width: body.width as number | undefined,
          height: body.height as number | undefined,
        },
      }),
    );
  },
};

const inpaintCapability: LocalCapability = {
  async parse(body, assets) {
    return {
      image: await readAssetId(body, "image", assets.exists),
      mask: await readAssetId(body, "mask", assets.exists),
      prompt: readPrompt(body, false),
      strength: readStrength(body, 1),
    };
  },
  credits: () => NOMINAL_CREDITS.image,
  async run(body, assets, tasks) {
    const [image, mask] = await Promise.all([assets.bytes(body.image as string), assets.bytes(body.mask as string)]);
    return [await tasks.run("inpaint", { image, mask, options: { strength: body.strength as number } })];
  },
};

const outpaint: LocalCapability = {
  async parse(body, assets) {
    const image = await readAssetId(body, "image", assets.exists);
    const size = await assets.size(image);
    const side = (name: "width" | "height") => {
      const value = readNumber(body, name, { min: 1, max: MAX_SIDE, integer: true, unit: "px" });
      if (value < size[name]) throw invalidBody(`body.${name} must be ≥ the image ${name} ${size[name]}, got ${value}`);
      return value;
    };
    return { image, width: side("width"), height: side("height"), prompt: readPrompt(body, false) };
  },
  credits: () => NOMINAL_CREDITS.image,
  async run(body, assets, tasks) {
    const image = await assets.bytes(body.image as string);
    return [await tasks.run("expand", { image, options: { width: body.width as number, height: body.height as number } })];
  },
};

const upscaleCapability: LocalCapability = {
  async parse(body, assets) {
    const image = await readAssetId(body, "image", assets.exists);
    const upscaleFactor = readChoice<UpscaleFactor>(body, "upscaleFactor", UPSCALE_FACTORS, 2);
    const preset = readChoice<UpscalePreset>(body, "preset", UPSCALE_PRESETS, "precise");
    const size = await assets.size(image);
    if (size.width * upscaleFactor > MAX_SIDE || size.height * upscaleFactor > MAX_SIDE) {
      throw invalidBody(
        `body.upscaleFactor ${upscaleFactor} would make the ${size.width}×${size.height} image ` +
          `${size.width * upscaleFactor}×${size.height * upscaleFactor} px, over the local limit of ${MAX_SIDE} px per side`,
      );
    }
    return { image, upscaleFactor, preset };
  },
  credits: () => NOMINAL_CREDITS.enhance,
  async run(body, assets, tasks, context) {
    const image = await assets.bytes(body.image as string);
    const preset = body.preset as UpscalePreset;
    const factor = body.upscaleFactor as UpscaleFactor;
    const maxNeuralPixels = esrganMaxInputPixels();
    const maxDetailPixels = ganMaxInputPixels();
    const size = await assets.size(body.image as string);
    const method = upscaleMethod(size.width, size.height, preset, maxNeuralPixels, maxDetailPixels);
    const noted = <T extends object>(result: T) => (method.note ? { ...result, notes: [method.note] } : result);
    if (!method.neural) {
      // Precise, or Balanced / Creative over the neural model's limit (Lanczos, said in a note).
      return [noted(await tasks.run("upscale", { image, options: { factor, preset, maxNeuralPixels, maxDetailPixels } }))];
    }
    // Balanced and Creative run ESRGAN (operations/upscale.ts): neural pool, real progress.
    const runner = context?.neural ?? tasks;
    return [
      noted(
        await withProgress(context, (progressKey) =>
          runner.run("upscale", { image, options: { factor, preset, progressKey, maxNeuralPixels, maxDetailPixels } }),
        ),
      ),
    ];
  },
};

const backgroundRemoval: LocalCapability = {
  async parse(body, assets) {
    return { image: await readAssetId(body, "image", assets.exists) };
  },
  credits: () => NOMINAL_CREDITS.image,
  async run(body, assets, tasks, context) {
    const image = await assets.bytes(body.image as string);
    const runner = context?.neural ?? tasks;
    return [await withProgress(context, (progressKey) => runner.run("removeBackground", { image, options: { progressKey } }))];
  },
};

/** The capabilities the local engine runs, keyed by Scenario capability name. */
export const LOCAL_CAPABILITIES: Readonly<Record<string, LocalCapability>> = {
  txt2img,
  img2img,
  inpaint: inpaintCapability,
  outpaint,
  upscale: upscaleCapability,
  "background-removal": backgroundRemoval,
};

/**
 * The description of `capability`.
 * @throws ProviderError 400 (code "capability_unavailable") for anything the local engine
 *   cannot run (img2video, txt2audio, …), telling the user how to switch to Scenario.
 */
export function localCapability(capability: string): LocalCapability {
  const found = Object.hasOwn(LOCAL_CAPABILITIES, capability) ? LOCAL_CAPABILITIES[capability] : undefined;
  if (!found) {
    throw new ProviderError(
      `${capability} is not available offline (local preview engine); set SCENARIO_API_KEY and SCENARIO_API_SECRET to use Scenario`,
      { status: 400, code: "capability_unavailable" },
    );
  }
  return found;
}
