/**
 * Turns a plan (./plan-generation.ts) into a studio workflow graph: "Draft from description".
 *
 * Node kinds per step capability:
 * - txt2img → `generation` fed by one shared `prompt` node (text = the description);
 * - img2img → `generation` with the prompt connected and an image: the step's declared source
 *   (character_sheet scenes take the reference), else the latest image, else an `imageInput`
 *   upload node (assetId null: the user uploads);
 * - background-removal → `removeBackground`; upscale → `upscale` (factor 2, preset "creative"
 *   for photorealism_polish, else "balanced"); outpaint → `expand`; inpaint → `retouch`;
 * - every other capability (img2video, txt2video, video2video, txt2audio, txt2music, txt2sfx,
 *   lipsync, img23d, txt23d, img2svg) → `runModel` `{ capability, model, prompt }`;
 * - steps without a capability (manage_assets bookkeeping) are skipped, with a note.
 * Every model node gets the step's resolved model id (or "auto").
 *
 * Edges follow the data flow, handle ids are port names: an image-producing step feeds the
 * next image-taking step's `image`; prompt-taking steps (images, video, audio) get the prompt
 * node's `text` on `prompt`; lipsync takes the portrait on `image` and the voice on `media`;
 * a video edit (video2video) and a chained clip take the earlier clip on `media`. Each result
 * nobody consumes ends in an `output` node: the main one (the last visual result) is labelled
 * with the plan title, others with "title: step".
 *
 * Layout, left to right: column = longest path from a source × 340 px; side branches sit
 * 400 px apart below the main chain (a card with its output image is about 330 px tall). Ids: `draft-1`, `draft-2`, … for nodes, `draft-e1`, … for
 * edges. Pure module.
 */
import type { GraphEdge, GraphNode, WorkflowGraph } from "../../graph/schema";
import { getNodeDefinition } from "../../nodes";
import { CAPABILITY_INFO, type MediaKind } from "./capabilities";
import type { GenerationPlan, PlanStep } from "./plan-generation";
import type { PlanCapability } from "./templates";

/** Pixels between columns and between branch rows. */
export const PLAN_GRAPH_LAYOUT = { columnWidth: 340, rowHeight: 400 } as const;

/** Longest text a Prompt node or a node's prompt parameter holds. */
const MAX_PROMPT = 4000;
const MAX_LABEL = 80;

/** A drafted graph with what could not be drawn. */
export interface DraftedGraph {
  graph: WorkflowGraph;
  /** Skipped steps and inputs left for the user (an upload, a mask). */
  notes: string[];
  /** Plan step key → node id, for the steps that became nodes. */
  stepNodes: Record<string, string>;
}

/** The studio node kind a capability becomes. */
export function nodeTypeForCapability(
  capability: PlanCapability,
): "generation" | "removeBackground" | "upscale" | "expand" | "retouch" | "runModel" {
  switch (capability) {
    case "txt2img":
    case "img2img":
      return "generation";
    case "background-removal":
      return "removeBackground";
    case "upscale":
      return "upscale";
    case "outpaint":
      return "expand";
    case "inpaint":
      return "retouch";
    default:
      return "runModel";
  }
}

interface Producer {
  nodeId: string;
  handle: "image" | "asset";
  gives: MediaKind;
  capability: PlanCapability;
  title: string;
}

/** Parameters with the kind's defaults filled in (the kind's own schema), or as given. */
function withDefaults(type: string, data: Record<string, unknown>): Record<string, unknown> {
  const definition = getNodeDefinition(type);
  if (!definition) return data;
  const parsed = definition.paramsSchema.safeParse(data);
  return parsed.success ? { ...(parsed.data as Record<string, unknown>) } : data;
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/**
 * Draws a plan as a workflow graph and says what it left out (see the module comment).
 * @returns `{ graph, notes, stepNodes }`; `graph` passes `validateGraph(graph, "save")`.
 */
export function draftGraphFromPlan(plan: GenerationPlan): DraftedGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const notes: string[] = [];
  const stepNodes: Record<string, string> = {};
  const cell = new Map<string, { col: number; row: number }>();
  const occupied = new Map<number, Set<number>>();
  const consumed = new Set<string>();
  const producers = new Map<string, Producer>();
  const order: Producer[] = [];
  const prompt = clip(plan.description, MAX_PROMPT);

  const place = (sources: readonly string[]): { col: number; row: number } => {
    const placed = sources.map((id) => cell.get(id)).filter((c): c is { col: number; row: number } => Boolean(c));
    const col = placed.length ? Math.max(...placed.map((c) => c.col)) + 1 : 0;
    let row = placed.length ? Math.min(...placed.map((c) => c.row)) : 0;
    const rows = occupied.get(col) ?? new Set<number>();
    while (rows.has(row)) row++;
    rows.add(row);
    occupied.set(col, rows);
    return { col, row };
  };

  const addNode = (type: string, data: Record<string, unknown>, sources: readonly string[]): string => {
    const id = `draft-${nodes.length + 1}`;
    const at = place(sources);
    cell.set(id, at);
    nodes.push({
      id,
      type,
      position: { x: at.col * PLAN_GRAPH_LAYOUT.columnWidth, y: at.row * PLAN_GRAPH_LAYOUT.rowHeight },
      data: withDefaults(type, data),
    });
    return id;
  };

  const connect = (source: string, sourceHandle: string, target: string, targetHandle: string) => {
    edges.push({ id: `draft-e${edges.length + 1}`, source, sourceHandle, target, targetHandle });
    consumed.add(source);
  };

  const runnable = plan.steps.filter((s): s is PlanStep & { capability: PlanCapability } => s.capability !== null);
  for (const step of plan.steps) {
    if (step.capability === null) notes.push(`Skipped "${step.title}" (${step.tool}): bookkeeping, not a node.`);
  }

  // One Prompt node, first, when any step reads the description on its prompt port.
  const promptId = runnable.some((s) => CAPABILITY_INFO[s.capability].takesPrompt) ? addNode("prompt", { text: prompt }, []) : null;

  const latest = (gives: MediaKind, prefer?: PlanCapability): Producer | undefined => {
    const candidates = order.filter((p) => p.gives === gives);
    return (prefer && [...candidates].reverse().find((p) => p.capability === prefer)) || candidates[candidates.length - 1];
  };

  for (const step of runnable) {
    const capability = step.capability;
    const info = CAPABILITY_INFO[capability];
    const type = nodeTypeForCapability(capability);
    const model = step.modelId ?? "auto";

    // Inputs: [port, producer node, producer handle]
    const wires: Array<{ port: string; nodeId: string; handle: string }> = [];
    const chainedClip = capability === "img2video" && step.inputs?.media !== undefined && step.inputs.image === undefined;
    if (info.takesImage && !chainedClip) {
      const declared = step.inputs?.image ? producers.get(step.inputs.image) : undefined;
      const source = declared && declared.gives === "image" ? declared : latest("image");
      if (source) wires.push({ port: "image", nodeId: source.nodeId, handle: source.handle });
      else {
        const uploadId = addNode("imageInput", { assetId: null }, []);
        wires.push({ port: "image", nodeId: uploadId, handle: "image" });
        notes.push(`"${step.title}" starts from an image you upload: choose it on the Image input node.`);
      }
    }
    const mediaKind = chainedClip ? "video" : info.takesMedia;
    if (mediaKind) {
      const declared = step.inputs?.media ? producers.get(step.inputs.media) : undefined;
      const source = declared ?? latest(mediaKind, mediaKind === "audio" ? "txt2audio" : undefined);
      if (source) wires.push({ port: "media", nodeId: source.nodeId, handle: source.handle });
      else notes.push(`"${step.title}" needs a ${mediaKind} on its media input: connect one.`);
    }
    if (info.takesPrompt && promptId && type !== "retouch" && type !== "expand")
      wires.push({ port: "prompt", nodeId: promptId, handle: "text" });

    let data: Record<string, unknown>;
    switch (type) {
      case "generation":
        data = { model };
        break;
      case "upscale":
        data = { model, factor: 2, preset: plan.template === "photorealism_polish" ? "creative" : "balanced" };
        break;
      case "removeBackground":
      case "expand":
        data = { model };
        break;
      case "retouch":
        data = { model };
        notes.push(`"${step.title}": paint the mask on the Retouch node before running.`);
        break;
      default:
        data = { capability, model, prompt };
    }

    const nodeId = addNode(
      type,
      data,
      wires.map((w) => w.nodeId),
    );
    for (const w of wires) connect(w.nodeId, w.handle, nodeId, w.port);
    stepNodes[step.key] = nodeId;
    const producer: Producer = {
      nodeId,
      handle: type === "runModel" ? "asset" : "image",
      gives: info.gives,
      capability,
      title: step.title,
    };
    producers.set(step.key, producer);
    order.push(producer);
  }

  // Results nobody consumes end in Output nodes; the last visual one carries the plan title.
  const leaves = order.filter((p) => !consumed.has(p.nodeId));
  const visual = leaves.filter((p) => p.gives !== "audio");
  const main = visual[visual.length - 1] ?? leaves[leaves.length - 1];
  for (const leaf of leaves) {
    const label = leaf === main ? plan.title : `${plan.title}: ${leaf.title}`;
    const outputId = addNode("output", { label: clip(label, MAX_LABEL) }, [leaf.nodeId]);
    connect(leaf.nodeId, leaf.handle, outputId, "image");
  }

  return { graph: { nodes, edges }, notes, stepNodes };
}

/**
 * planToGraph: the plan as a React Flow workflow graph `{ nodes, edges }` (see the module
 * comment for node kinds, wiring and layout). What was skipped is in
 * `draftGraphFromPlan(plan).notes`.
 * @returns a graph that passes `validateGraph(graph, "save")` (lib/graph/validate.ts); running
 *   it may still need an upload or a mask, as the notes say.
 */
export function planToGraph(plan: GenerationPlan): WorkflowGraph {
  return draftGraphFromPlan(plan).graph;
}
