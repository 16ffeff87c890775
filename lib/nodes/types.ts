/**
 * What every node kind declares (STYLE.md, "Examples to follow" §1): ports, a zod parameter
 * schema with defaults, inspector fields, run-time readiness checks and, for model nodes,
 * what one request means (`describeRequest`); lib/nodes/prepare-request maps that meaning onto
 * the chosen model's own input schema. The canvas, the inspector, the server
 * validator and the executor all read these definitions; nothing else switches on `type`.
 *
 * Pure module: zod only.
 */
import type { z } from "zod";
import type { PortSpec } from "../graph/ports";
import type { Capability } from "../providers/types";
import type { RequestIntent } from "./prepare-request/types";

export const NODE_TYPES = [
  "prompt",
  "imageInput",
  "generation",
  "retouch",
  "expand",
  "upscale",
  "removeBackground",
  "runModel",
  "pick",
  "output",
  "placeholder",
  "splitText",
  "textTemplate",
  "ifElse",
  "aspectRatio",
  "forEach",
  "forEachEnd",
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/**
 * How a node executes:
 * - `source`: produces its outputs from its own parameters (Prompt, Image input);
 * - `model`: calls a provider once per input image (Generation, Retouch, Expand, Upscale, Remove background);
 * - `sink`: collects its inputs as run outputs (Output);
 * - `transform`: computes its outputs from its inputs and parameters with no provider and no
 *   credits (Split text, Text template, If / else, Aspect ratio): its definition's `evaluate`;
 * - `loop`: a boundary of a loop (For each, End), described by the definition's `loop`: the
 *   nodes between a start and its end run once per item (lib/engine/loop-node.ts);
 * - `gate`: pauses the run with the images on its `gate.candidatesPort` until a person chooses
 *   among them, then passes on the chosen ones (Pick; lib/engine/gate-node.ts).
 */
export type NodeRole = "source" | "model" | "sink" | "transform" | "loop" | "gate";

/**
 * What a loop boundary means (role `loop`). The body of a loop is every node reachable from the
 * start's outputs that leads to its end (lib/graph/loops.ts); it runs once per item of the list
 * on the start's `listPort`, the item given on `itemPort`; the end collects, for each of its input
 * ports, the value of every item that succeeded into the output port `collect` names.
 */
export type LoopSpec =
  | { boundary: "start"; partner: NodeType; listPort: string; itemPort: string; concurrencyParam?: string }
  | { boundary: "end"; partner: NodeType; collect: Readonly<Record<string, string>> };

/** What a `gate` node declares: where its candidates come from, how many may be chosen, what to say. */
export interface GateSpec<P> {
  /** The input port whose images are the candidates. */
  candidatesPort: string;
  /** How many of `count` candidates may be chosen (the most also prices what follows before anyone chose). */
  bounds(params: P, count: number): { min: number; max: number };
  /** The sentence shown to whoever chooses ("" for none). */
  message(params: P): string;
  /** Checks a choice of asset ids among the candidates: the picked images in order, or a sentence saying what is wrong. */
  check(
    candidates: readonly ImageRef[],
    bounds: { min: number; max: number },
    assetIds: readonly string[],
  ): { ok: true; picked: ImageRef[] } | { ok: false; message: string };
}

/** A form field the inspector renders for one parameter. */
export type FieldSpec =
  | { name: string; label: string; kind: "text" | "textarea"; placeholder?: string; help?: string }
  | { name: string; label: string; kind: "select"; options: ReadonlyArray<{ value: string; label: string }>; help?: string }
  | {
      name: string;
      label: string;
      kind: "number";
      min?: number;
      max?: number;
      step?: number;
      /** Empty input means null ("automatic"). */
      nullable?: boolean;
      unit?: "px";
      placeholder?: string;
      help?: string;
    }
  | { name: string; label: string; kind: "slider"; min: number; max: number; step: number; help?: string }
  | { name: string; label: string; kind: "seed"; help?: string }
  | { name: string; label: string; kind: "model"; help?: string }
  | { name: string; label: string; kind: "asset"; help?: string }
  | { name: string; label: string; kind: "mask"; help?: string }
  /** An If / else's ordered list of `{ operator, value }` conditions (lib/nodes/if-else.ts). */
  | {
      name: string;
      label: string;
      kind: "conditions";
      operators: ReadonlyArray<{ value: string; label: string; takesValue: boolean }>;
      max: number;
      help?: string;
    };

/** A problem that keeps a node from running, naming the port or field at fault. */
export interface NodeIssue {
  code: "missing_input" | "missing_parameter" | "invalid_parameter";
  message: string;
  /** Input port name, when the issue is about a port. */
  port?: string;
  /** Parameter name, when the issue is about a parameter. */
  field?: string;
}

/** An image (or, from a Run model node, any media) flowing along an edge: a studio asset. */
export interface ImageRef {
  assetId: string;
  url: string;
  /** Pixels; 0 for media without a pixel size (audio). */
  width: number;
  /** Pixels; 0 for media without a pixel size (audio). */
  height: number;
  /** Set for media that is not an image, e.g. "video/mp4". */
  mimeType?: string;
  /** The model that generated it, when a model node did (routing: continuity). */
  model?: string;
}

/**
 * A value on one port during a run: a text (text ports), a list of texts (list ports) or
 * images and other media (image and asset ports).
 */
export type PortValue = string | string[] | ImageRef[];

/** What a transform node's `evaluate` is given. */
export interface EvaluateContext<P> {
  params: P;
  /** The value on each connected input port, by port name; a port with no edge is absent. */
  inputs: Readonly<Record<string, PortValue | undefined>>;
}

/**
 * What a transform node produced, by output port name. A port left out stays empty: what hangs
 * off it ends `skipped` (an If / else's branches not taken), with the definition's
 * `emptyPortReason`.
 */
export type EvaluateResult = Readonly<Record<string, PortValue>>;

/** What a model node's request is made from, for one image on its `image` port. */
export interface DescribeRequestContext<P> {
  params: P;
  /** Prompt text: from a connected Prompt node when there is one, else the node's own `prompt` parameter. */
  prompt: string;
  /** The one image this request processes (model nodes run once per image on their `image` port). */
  image?: ImageRef;
  /** The mask, from the `mask` port or the painted mask asset. */
  mask?: ImageRef;
  /** Media from the `media` port (Run model: audio for lipsync, a video to extend). */
  media?: ImageRef;
  /** Seed resolved by the engine (a random one when the parameter is empty); null for nodes without seeds. */
  seed: number | null;
}

export interface NodeDefinition<P extends Record<string, unknown> = Record<string, unknown>> {
  type: NodeType;
  label: string;
  description: string;
  /** Palette section; `logic` holds the nodes that shape values and the flow (Split text, If / else). */
  category: "input" | "generate" | "edit" | "logic" | "output";
  role: NodeRole;
  /** Gate nodes (role `gate`): their candidates port and pass-through count. */
  gate?: GateSpec<P>;
  inputs: readonly PortSpec[];
  outputs: readonly PortSpec[];
  /** Parses `node.data` into parameters, filling defaults; refuses values out of range. */
  paramsSchema: z.ZodType<P, unknown>;
  defaults: P;
  fields: readonly FieldSpec[];
  /**
   * Text input ports whose text sets a parameter while connected (`aspectRatio` ← an Aspect ratio
   * node): the parameter gives way (the inspector shows the connection, the field stays as the
   * fallback) and a text the parameter's schema refuses fails the node with a sentence
   * (lib/engine/model-node-request.ts `withPortParams`). The port has the parameter's name.
   */
  portParams?: readonly (keyof P & string)[];
  /** Input ports that a parameter may stand in for (`mask` ← `maskAssetId`). */
  assetParamForPort?: Readonly<Record<string, keyof P & string>>;
  /**
   * Input ports whose image is drawn over the image of another input port (`mask` → `image`):
   * a mask painted for one picture means nothing on another. Apps read it to refuse publishing a
   * fixed painted mask over an image the teammate supplies (lib/apps/painted-mask-rule.ts).
   */
  paintedOverPort?: Readonly<Record<string, string>>;
  /**
   * Nodes that change an image they are given: the input port whose image is the "before" of each
   * output (the studio's before/after comparison). The engine lists that image first in an
   * output's `provenance.parentAssetIds` (lib/engine/model-node.ts).
   */
  compareWithInput?: string;
  /** Checks that only apply when running (a missing prompt, mask or upload), beyond required ports. */
  checkReady?(params: P, connectedInputs: ReadonlySet<string>): NodeIssue[];
  /** Model nodes: the capability asked of the provider, given which inputs are connected. */
  capability?(params: P, connectedInputs: ReadonlySet<string>): Capability;
  /**
   * Model nodes: request fields the model must accept (catalog `inputs` names), so that "Auto"
   * only picks models that understand the body this node builds (e.g. Upscale sends `preset`).
   */
  modelInputs?: readonly string[];
  /** Model nodes: whether the node produces a new random result each time when no seed is given. */
  usesSeed?: boolean;
  /**
   * Model nodes: what one request means (prompt, image, mask, size, count, seed, strength,
   * upscale factor, model settings), independent of any model. lib/nodes/prepare-request maps it
   * onto the chosen model's own inputs; no node builds a provider body.
   */
  describeRequest?(ctx: DescribeRequestContext<P>): RequestIntent;
  /**
   * Fields whose value another setting decides for now, by field name, with the value shown and
   * the reason: with a platform preset active, the aspect ratio (and pixels) are the preset's.
   * The inspector shows them locked.
   */
  lockedFields?(params: P): Readonly<Record<string, { value: unknown; reason: string }>>;
  /** False for kinds only imports create (Placeholder): left out of the palette and quick add. */
  inPalette?: boolean;
  /**
   * Transform nodes: computes the outputs from the inputs and parameters, with no provider (pure;
   * synchronous or async). Throws an Error whose message is a sentence for the designer
   * ("The template uses {style}, but no input is named style") to fail the node.
   */
  evaluate?(ctx: EvaluateContext<P>): EvaluateResult | Promise<EvaluateResult>;
  /**
   * Transform nodes: why the nodes after an output port `evaluate` left empty were skipped,
   * e.g. "the If / else took another branch". Default: "the <label> node left this output empty".
   */
  emptyPortReason?: string;
  /**
   * Output ports the canvas shows for these parameters (an If / else shows one branch per
   * condition); others stay hidden unless connected. Default: all.
   */
  visibleOutputs?(params: P, connectedInputs: ReadonlySet<string>): readonly string[];
  /** Labels of ports that the parameters rename, by port name (a Text template's input `a` named "subject"). */
  portLabels?(params: P): Readonly<Record<string, string>>;
  /** Loop boundaries (role `loop`): which end of a loop the node is, and its ports' meaning. */
  loop?: LoopSpec;
  /** A short line the node card shows under its title, e.g. "Instagram story · 1080 × 1920 px". */
  summarize?(params: P): string | null;
}
