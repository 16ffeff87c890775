/**
 * A ComfyUI workflow (UI or API format, format.ts) as a studio graph. ComfyUI spells out the
 * plumbing of a diffusion model (checkpoint, LoRA, CLIP, VAE, latent, sampler); the studio's model
 * nodes hold all of it, so the importer starts at each Save / Preview image node, walks back along
 * the image it saves and folds what it meets into studio nodes (class-table.ts says which class
 * does what):
 *
 * - a sampler (KSampler…) becomes a Generation node (an empty latent: text to image with its width,
 *   height, batch size and seed; an encoded image with denoise < 1: image to image with strength =
 *   denoise) or a Retouch node (an inpainting latent: its image and mask); the CLIPTextEncode on its
 *   positive input becomes a Prompt node; checkpoint, LoRA, CLIP, VAE and latent nodes fold into it;
 * - LoadImage → Image input, LoadImageMask → Image input for the mask, SaveImage / PreviewImage → Output;
 * - ImageScaleBy, ImageUpscaleWithModel (with its UpscaleModelLoader), LatentUpscale(By) → Upscale;
 * - Note / MarkdownNote → sticky note; any other class → a placeholder node, still connected.
 *
 * The report names every ComfyUI node and what became of it, including settings that have no
 * equivalent (negative prompt, steps, CFG, sampler, checkpoint and LoRA names). Pure module.
 */
import { GRAPH_LIMITS, type GraphAnnotation, type GraphEdge, type GraphNode } from "../../graph/schema";
import { getNodeDefinition } from "../../nodes";
import { ASPECT_RATIOS, ratioTerms } from "../../nodes/aspect-ratio";
import { ImportFileError, type ImportReportItem, type ImportResult } from "../report";
import { parseParams, uniqueId } from "../parse-params";
import { readComfyGraph, isLink, type ComfyGraph, type ComfyLink, type ComfyNode } from "./format";
import { displayNameOf, roleOf } from "./class-table";

/** A studio node output: what an edge starts from. */
interface Produced {
  nodeId: string;
  port: string;
}

/** What a sampler's latent input holds. */
type Latent =
  | { kind: "empty"; width?: number; height?: number; batch?: number }
  | { kind: "image"; image: Produced | null }
  | { kind: "inpaint"; image: Produced | null; mask: Produced | null }
  | { kind: "none" };

const SEED_MAX = 2147483647;

/** The studio aspect ratio closest to `ratio` (width / height), compared on a log scale. */
function nearestRatio(ratio: number): string {
  let best: string = ASPECT_RATIOS[0];
  for (const candidate of ASPECT_RATIOS) {
    const [w, h] = ratioTerms(candidate);
    const [bw, bh] = ratioTerms(best as (typeof ASPECT_RATIOS)[number]);
    if (Math.abs(Math.log(ratio / (w / h))) < Math.abs(Math.log(ratio / (bw / bh)))) best = candidate;
  }
  return best;
}

const num = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined);
const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

class Folder {
  readonly nodes: GraphNode[] = [];
  readonly edges: GraphEdge[] = [];
  readonly annotations: GraphAnnotation[] = [];
  private readonly items = new Map<string, ImportReportItem>();
  private readonly ids = new Set<string>();
  private readonly edgeIds = new Set<string>();
  private readonly made = new Map<string, Produced | null>();
  private readonly visiting = new Set<string>();
  private readonly depth = new Map<string, number>();

  constructor(private readonly graph: ComfyGraph) {}

  node(id: string): ComfyNode | undefined {
    return this.graph.nodes.get(id);
  }

  /** Records what became of ComfyUI node `comfy` (the first outcome stands, except that a note is appended). */
  report(comfy: ComfyNode, outcome: ImportReportItem["outcome"], message: string, nodeId?: string): void {
    const existing = this.items.get(comfy.id);
    if (existing) {
      if (!existing.message.includes(message)) existing.message = `${existing.message} ${message}`;
      return;
    }
    this.items.set(comfy.id, { foreignId: comfy.id, foreignType: comfy.classType, title: comfy.title, outcome, message, nodeId });
  }

  reportItems(): ImportReportItem[] {
    return [...this.items.values()];
  }

  reported(id: string): boolean {
    return this.items.has(id);
  }

  /** Adds a studio node in place of ComfyUI node `comfy`; parameters are parsed with the kind's schema. */
  add(comfy: ComfyNode, type: string, raw: Record<string, unknown>, depth: number): string {
    const definition = getNodeDefinition(type)!;
    const id = uniqueId(`${type}-${comfy.id}`.replace(/[^A-Za-z0-9_-]/g, "_"), this.ids);
    const { params, dropped } = parseParams(definition, raw);
    this.nodes.push({ id, type, position: comfy.position ? { ...comfy.position } : { x: 0, y: 0 }, data: params });
    this.depth.set(id, depth);
    if (dropped.length > 0) this.report(comfy, "mapped", `Its ${dropped.join(", ")} could not be kept: the defaults are used.`, id);
    return id;
  }

  connect(from: Produced | null, to: string, port: string): void {
    if (!from) return;
    const id = uniqueId(`${from.nodeId}->${to}.${port}`, this.edgeIds);
    this.edges.push({ id, source: from.nodeId, sourceHandle: from.port, target: to, targetHandle: port });
  }

  /** The ComfyUI node a link points at, or undefined. */
  linked(value: unknown): { node: ComfyNode; slot: number } | undefined {
    if (!isLink(value)) return undefined;
    const node = this.node(value.from);
    return node ? { node, slot: value.slot } : undefined;
  }

  /** Memoised by ComfyUI node and output slot; a cycle yields null. */
  private memo(key: string, build: () => Produced | null): Produced | null {
    if (this.made.has(key)) return this.made.get(key)!;
    if (this.visiting.has(key)) return null;
    this.visiting.add(key);
    const result = build();
    this.visiting.delete(key);
    this.made.set(key, result);
    return result;
  }

  /** The studio output that stands for the image on `link`. */
  image(link: unknown, depth: number): Produced | null {
    const target = this.linked(link);
    if (!target) return null;
    const { node, slot } = target;
    return this.memo(`image:${node.id}:${slot}`, () => {
      const role = roleOf(node.classType);
      switch (role) {
        case "loadImage": {
          if (slot === 1) {
            this.report(
              node,
              "mapped",
              "Its transparency mask is not carried: connect a mask image or paint the mask in the Retouch inspector.",
            );
            return null;
          }
          return this.imageInput(node, depth, `Became an Image input: upload “${str(node.inputs.image) ?? "the picture"}” again.`);
        }
        case "loadMask":
          return this.imageInput(node, depth, `Became an Image input for the mask: upload a mask picture (white = change).`);
        case "decode":
          this.report(node, "folded", "Folded into the node that made the image (decoding is done for you).");
          return this.latentImage(node.inputs.samples, depth);
        case "encode":
          this.report(node, "folded", "Folded into the node it feeds.");
          return this.image(node.inputs.pixels, depth);
        case "imageScaleBy":
        case "upscaleWithModel":
        case "latentUpscale":
          return this.upscale(node, depth);
        case "sampler":
          return this.sampler(node, depth);
        default:
          return role ? null : this.placeholder(node, depth);
      }
    });
  }

  /** The image a latent stands for once decoded (a sampler's result, an upscaled latent, an encoded image). */
  latentImage(link: unknown, depth: number): Produced | null {
    const target = this.linked(link);
    if (!target) return null;
    const role = roleOf(target.node.classType);
    if (role === "sampler" || role === "latentUpscale" || role === "encode" || role === undefined) return this.image(link, depth);
    if (role === "noiseMask") return this.latentImage(target.node.inputs.samples, depth);
    return null;
  }

  private imageInput(node: ComfyNode, depth: number, message: string): Produced {
    const id = this.add(node, "imageInput", { assetId: null }, depth);
    this.report(node, "mapped", message, id);
    return { nodeId: id, port: "image" };
  }

  private upscale(node: ComfyNode, depth: number): Produced | null {
    const role = roleOf(node.classType);
    let factor = 2;
    let preset: "precise" | "balanced" = "precise";
    const notes: string[] = [];
    let source: Produced | null;
    if (role === "upscaleWithModel") {
      const loader = this.linked(node.inputs.upscale_model)?.node;
      const modelName = str(loader?.inputs.model_name) ?? "";
      const named = /(?:^|[^0-9])([248])x|x([248])(?:[^0-9]|$)/i.exec(modelName);
      factor = named ? Number(named[1] ?? named[2]) : 4;
      preset = "balanced";
      if (loader)
        this.report(
          loader,
          "folded",
          `Folded into the Upscale node: the studio's upscaler replaces “${modelName || "the upscale model"}”.`,
        );
      source = this.image(node.inputs.image, depth + 1);
    } else if (role === "latentUpscale") {
      source = this.latentImage(node.inputs.samples, depth + 1);
      const scale = num(node.inputs.scale_by);
      if (scale !== undefined) factor = scale;
      else notes.push("It scaled to an exact size; the studio upscales by a factor (2x here).");
    } else {
      factor = num(node.inputs.scale_by) ?? 2;
      source = this.image(node.inputs.image, depth + 1);
    }
    const kept = factor <= 3 ? 2 : 4;
    if (kept !== factor) notes.push(`Scale ${factor}x became ${kept}x (the studio upscales 2x or 4x).`);
    const id = this.add(node, "upscale", { factor: kept, preset }, depth);
    this.connect(source, id, "image");
    this.report(node, "mapped", ["Became an Upscale node.", ...notes].join(" "), id);
    return { nodeId: id, port: "image" };
  }

  /** The prompt text of a conditioning link: a CLIPTextEncode, through FluxGuidance, ConditioningCombine or InpaintModelConditioning. */
  private conditioning(link: unknown, into: string, seen = new Set<string>()): ComfyNode | undefined {
    const target = this.linked(link);
    if (!target || seen.has(target.node.id)) return undefined;
    seen.add(target.node.id);
    const { node } = target;
    const role = roleOf(node.classType);
    if (role === "textEncode") return node;
    if (role === "guidance" || role === "inpaintConditioning") {
      this.report(node, "folded", `Folded into the ${into} node.`);
      return this.conditioning(node.inputs.conditioning ?? node.inputs.positive, into, seen);
    }
    return undefined;
  }

  /** Checkpoint, LoRA and model loaders up the sampler's `model` input: folded, named in the report. */
  private foldModelChain(link: unknown, into: string, seen = new Set<string>()): void {
    const target = this.linked(link);
    if (!target || seen.has(target.node.id)) return;
    seen.add(target.node.id);
    const { node } = target;
    const role = roleOf(node.classType);
    if (role === "checkpoint")
      this.report(
        node,
        "folded",
        `Folded into the ${into} node: the studio picks its own model (Auto) instead of “${str(node.inputs.ckpt_name) ?? str(node.inputs.unet_name) ?? "this checkpoint"}”.`,
      );
    else if (role === "lora") {
      this.report(
        node,
        "folded",
        `Folded into the ${into} node; the LoRA “${str(node.inputs.lora_name) ?? "?"}” is not carried (choose a trained model in the inspector).`,
      );
      this.foldModelChain(node.inputs.model, into, seen);
      this.foldModelChain(node.inputs.clip, into, seen);
    } else if (role === "plumbing") {
      this.report(node, "folded", `Folded into the ${into} node.`);
      for (const value of Object.values(node.inputs)) this.foldModelChain(value, into, seen);
    }
  }

  private latent(link: unknown, depth: number): Latent {
    const target = this.linked(link);
    if (!target) return { kind: "none" };
    const { node, slot } = target;
    const role = roleOf(node.classType);
    if (role === "emptyLatent") {
      return { kind: "empty", width: num(node.inputs.width), height: num(node.inputs.height), batch: num(node.inputs.batch_size) };
    }
    if (role === "encode") {
      this.report(node, "folded", "Folded into the node it feeds (the start image).");
      return { kind: "image", image: this.image(node.inputs.pixels, depth + 1) };
    }
    if (role === "encodeInpaint") {
      this.report(node, "folded", "Folded into the Retouch node (its image and mask).");
      return { kind: "inpaint", image: this.image(node.inputs.pixels, depth + 1), mask: this.image(node.inputs.mask, depth + 1) };
    }
    if (role === "inpaintConditioning" && slot === 2) {
      this.report(node, "folded", "Folded into the Retouch node (its image and mask).");
      return { kind: "inpaint", image: this.image(node.inputs.pixels, depth + 1), mask: this.image(node.inputs.mask, depth + 1) };
    }
    if (role === "noiseMask") {
      this.report(node, "folded", "Folded into the Retouch node (its mask).");
      const inner = this.latent(node.inputs.samples, depth);
      const image = inner.kind === "image" || inner.kind === "inpaint" ? inner.image : null;
      return { kind: "inpaint", image, mask: this.image(node.inputs.mask, depth + 1) };
    }
    return { kind: "image", image: this.latentImage(link, depth + 1) };
  }

  private sampler(node: ComfyNode, depth: number): Produced {
    const latent = this.latent(node.inputs.latent_image, depth);
    const denoise = num(node.inputs.denoise) ?? 1;
    const notes: string[] = [];
    const inpaint = latent.kind === "inpaint";
    const img2img = latent.kind === "image" && !!latent.image && denoise < 1;
    const type = inpaint ? "retouch" : "generation";
    const label = inpaint ? "Retouch" : "Generation";
    const raw: Record<string, unknown> = {};
    const rawSeed = num(node.inputs.seed) ?? num(node.inputs.noise_seed);
    if (type === "generation" && rawSeed !== undefined) {
      const seed = Math.abs(Math.trunc(rawSeed)) % (SEED_MAX + 1);
      raw.seed = seed;
      if (seed !== rawSeed) notes.push(`Seed ${rawSeed} became ${seed} (the studio's seeds go up to ${SEED_MAX}).`);
    }
    if (latent.kind === "empty") {
      if (latent.width && latent.height) {
        Object.assign(raw, { width: Math.round(latent.width), height: Math.round(latent.height) });
        // The ratio field shows the nearest of the studio's ratios (768 × 512 → 3:2).
        raw.aspectRatio = nearestRatio(latent.width / latent.height);
      }
      if (latent.batch) {
        raw.numOutputs = Math.min(Math.max(Math.round(latent.batch), 1), 4);
        if (raw.numOutputs !== latent.batch) notes.push(`Batch size ${latent.batch} became ${String(raw.numOutputs)} (1 to 4 outputs).`);
      }
    }
    if (inpaint || img2img) raw.strength = Math.min(Math.max(denoise, 0), 1);
    if (img2img)
      notes.push("ComfyUI kept the start image's size; here the size follows the node's aspect ratio (1:1 until you change it).");
    if (latent.kind === "image" && latent.image && denoise >= 1)
      notes.push("Its start image is fully repainted (denoise 1), so it is not used as a reference.");
    const steps = num(node.inputs.steps);
    const cfg = num(node.inputs.cfg);
    const sampler = str(node.inputs.sampler_name);
    const settings = [
      steps !== undefined && `${steps} steps`,
      cfg !== undefined && `CFG ${cfg}`,
      sampler && `the ${sampler} sampler`,
    ].filter(Boolean);
    if (settings.length > 0) notes.push(`${settings.join(", ")} are not carried: the studio's models choose their own.`);

    const id = this.add(node, type, raw, depth);
    const into = label;
    const positive = this.conditioning(node.inputs.positive, into);
    if (positive) {
      const text = str(positive.inputs.text) ?? "";
      const prompt = this.add(positive, "prompt", { text: text.slice(0, 4000) }, depth + 1);
      this.report(
        positive,
        "mapped",
        text.length > 4000 ? "Became a Prompt node, cut to 4,000 characters." : "Became a Prompt node.",
        prompt,
      );
      this.connect({ nodeId: prompt, port: "text" }, id, "prompt");
    } else notes.push("No prompt text was found on its positive input: type one in the inspector.");
    const negative = this.conditioning(node.inputs.negative, into);
    if (negative) {
      const text = str(negative.inputs.text)?.trim();
      this.report(
        negative,
        "left-out",
        text
          ? `The negative prompt “${text.slice(0, 80)}” is not carried: the studio's nodes have no negative prompt.`
          : "An empty negative prompt: nothing to carry.",
      );
    }
    this.foldModelChain(node.inputs.model, into);
    for (const link of [node.inputs.positive, node.inputs.negative]) {
      const target = this.linked(link);
      if (target) this.foldModelChain(target.node.inputs.clip, into);
    }
    if (latent.kind === "empty") {
      const empty = this.linked(node.inputs.latent_image)?.node;
      if (empty) this.report(empty, "folded", `Folded into the ${into} node (its size and batch).`);
    }
    if (inpaint) {
      this.connect(latent.image, id, "image");
      this.connect(latent.mask, id, "mask");
      if (!latent.mask) notes.push("Its mask is not carried: paint the mask in the inspector.");
    } else if (img2img && latent.kind === "image") this.connect(latent.image, id, "image");
    this.report(node, "mapped", [`Became a ${label} node.`, ...notes].join(" "), id);
    return { nodeId: id, port: "image" };
  }

  /** A node of a class the studio has no equivalent for: a placeholder, with the images it takes still connected. */
  private placeholder(node: ComfyNode, depth: number): Produced {
    const scalars = Object.fromEntries(Object.entries(node.inputs).filter(([, v]) => !isLink(v) && (typeof v !== "object" || v === null)));
    const reason = `ComfyUI's “${node.classType}” node has no equivalent here yet.`;
    const id = this.add(
      node,
      "placeholder",
      {
        origin: "comfyui",
        foreignType: node.classType,
        title: node.title,
        reason,
        original: { class_type: node.classType, inputs: scalars },
      },
      depth,
    );
    this.report(node, "placeholder", reason, id);
    for (const value of Object.values(node.inputs)) {
      const target = this.linked(value);
      if (!target) continue;
      const role = roleOf(target.node.classType);
      if (role && !IMAGE_ROLES.has(role)) continue;
      this.connect(this.image(value, depth + 1), id, "media");
      break;
    }
    return { nodeId: id, port: "image" };
  }

  output(node: ComfyNode): void {
    const prefix = str(node.inputs.filename_prefix);
    // A title that is the class's own display name ("Save Image" for SaveImage) says nothing; the file prefix may.
    const ownTitle = node.title !== displayNameOf(node.classType) && node.title.replace(/\s+/g, "") !== node.classType;
    const label = ownTitle ? node.title : prefix && prefix !== "ComfyUI" ? prefix : "Output";
    const id = this.add(node, "output", { label: label.slice(0, 80) }, 0);
    this.report(node, "mapped", "Became an Output node.", id);
    this.connect(this.image(node.inputs.images, 1), id, "image");
  }

  note(node: ComfyNode): void {
    const text = str(node.inputs.text) ?? "";
    const id = uniqueId(`note-${node.id}`, this.ids);
    this.annotations.push({
      id,
      kind: "note",
      position: node.position ?? { x: 0, y: 0 },
      size: { width: 240, height: 160 },
      text: text.slice(0, 4000),
    });
    this.report(node, "mapped", "Became a sticky note.");
  }

  /** API files have no positions: lay the graph out right to left from the outputs, by how far each node is from one. */
  layOut(): void {
    const maxDepth = Math.max(0, ...this.depth.values());
    const rows = new Map<number, number>();
    for (const node of this.nodes) {
      const depth = this.depth.get(node.id) ?? 0;
      const row = rows.get(depth) ?? 0;
      rows.set(depth, row + 1);
      node.position = { x: (maxDepth - depth) * 320, y: row * 240 };
    }
  }
}

/** Roles whose output is an image (or a mask), so a placeholder may take it on its media input. */
const IMAGE_ROLES = new Set(["loadImage", "loadMask", "decode", "imageScaleBy", "upscaleWithModel", "sampler", "latentUpscale"]);

/**
 * Imports a ComfyUI workflow file (UI or API format).
 * @throws ImportFileError when `json` is not a ComfyUI workflow, or names more nodes than a workflow holds.
 */
export function importComfyWorkflow(json: unknown): ImportResult {
  const graph = readComfyGraph(json);
  const folder = new Folder(graph);
  const all = [...graph.nodes.values()];
  for (const node of all) if (roleOf(node.classType) === "save") folder.output(node);
  for (const node of all) if (roleOf(node.classType) === "note") folder.note(node);
  // Whatever no output reached: unknown classes still appear (as placeholders), plumbing is named as left out.
  // First the nodes that make images (each folds its own plumbing), then what is still unclaimed.
  const makesImages = (role: string | undefined) =>
    !role || role === "sampler" || role === "upscaleWithModel" || role === "imageScaleBy" || role === "loadImage";
  for (const node of all)
    if (!folder.reported(node.id) && makesImages(roleOf(node.classType))) folder.image({ from: node.id, slot: 0 } satisfies ComfyLink, 0);
  for (const node of all)
    if (!folder.reported(node.id))
      folder.report(node, "left-out", "It does not lead to a Save or Preview image node, so nothing here needs it: left out.");
  if (graph.format === "api") folder.layOut();
  if (folder.nodes.length > GRAPH_LIMITS.maxNodes)
    throw new ImportFileError(`The file makes ${folder.nodes.length} nodes; a workflow holds at most ${GRAPH_LIMITS.maxNodes}.`);
  if (folder.nodes.length === 0 && folder.annotations.length === 0) throw new ImportFileError("This ComfyUI workflow has no nodes.");
  return {
    graph: {
      nodes: folder.nodes,
      edges: folder.edges,
      ...(folder.annotations.length > 0 ? { annotations: folder.annotations.slice(0, GRAPH_LIMITS.maxAnnotations) } : {}),
    },
    inputs: [],
    report: { source: "comfyui", items: folder.reportItems() },
  };
}
