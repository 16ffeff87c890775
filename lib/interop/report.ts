/**
 * What an import did with each foreign node (lib/interop/scenario, lib/interop/comfyui), in words
 * a designer understands: which nodes became studio nodes, which were folded into another node,
 * which are kept as placeholders and which were left out, and why. Pure types and helpers.
 */
import type { ExposedInput } from "../apps/exposable-inputs";
import type { WorkflowGraph } from "../graph/schema";

/** Where an imported file came from. */
export type ImportSource = "scenario" | "comfyui" | "studio";

/**
 * - `mapped`: became a studio node (maybe with changes the note names);
 * - `folded`: its job is done by another studio node (a checkpoint loader folded into a Generation);
 * - `placeholder`: kept as a placeholder node that cannot run until replaced;
 * - `left-out`: not on the canvas (a connection or setting with no equivalent, an unconnected loader).
 */
export type ImportOutcome = "mapped" | "folded" | "placeholder" | "left-out";

export interface ImportReportItem {
  /** The foreign node's id in its file (technical, for the details disclosure). */
  foreignId: string;
  /** The foreign node's type or class (`transformText`, `KSampler`), technical. */
  foreignType: string;
  /** The node as the designer saw it in the other tool ("Load Checkpoint", "Upscale (Topaz)"). */
  title: string;
  outcome: ImportOutcome;
  /** A sentence: what happened and, when something did not map, why. */
  message: string;
  /** The studio node it became or was folded into, when there is one. */
  nodeId?: string;
}

export interface ImportReport {
  source: ImportSource;
  /** The workflow's name in its file, when it has one. */
  name?: string;
  items: ImportReportItem[];
}

/** An import's result: a graph ready for the canvas, the App inputs it declared, and the report. */
export interface ImportResult {
  graph: WorkflowGraph;
  /** Inputs the file declared (Scenario's pinned inputs), as an App would expose them. */
  inputs: ExposedInput[];
  report: ImportReport;
}

/** Raised for a file that is not a workflow of the expected format; the message is a sentence for the designer. */
export class ImportFileError extends Error {
  constructor(
    message: string,
    /** Technical detail (zod issues, the path at fault), for the details disclosure. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "ImportFileError";
  }
}
