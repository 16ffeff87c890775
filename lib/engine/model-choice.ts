/**
 * What the executor asks when a node's model is "Auto", and what it records: the model id and
 * a sentence saying why (shown on the node and in the run panel). Pure types.
 */

/**
 * What a node's outputs are for, from the graph's shape (lib/engine/gate-node.ts): candidates
 * someone will choose among at a Pick (a fast, cheap model), or the final after the pick (quality).
 */
export type ModelPurpose = "candidates" | "final";

export interface ModelChoiceRequest {
  nodeType: string;
  /** Capability asked of the provider, e.g. "txt2img", "inpaint", "img2video". */
  capability: string;
  /** The prompt the node sends (may be empty). */
  prompt: string;
  /** The node's parsed parameters. */
  params: Record<string, unknown>;
  /** Input ports that have an edge. */
  connectedInputs: ReadonlySet<string>;
  /** Input features the request will carry ("image", "mask"). */
  requiredInputs: string[];
  /** How many results the node asks for: several = candidates, one = a final. */
  outputCount: number;
  /** Models that made the node's input assets (for continuity). */
  upstreamModels: string[];
  /** Set when a gate decides it (upstream of a Pick: candidates; downstream: final); wins over `outputCount`. */
  purpose?: { purpose: ModelPurpose; gateLabel: string };
}

export interface ModelChoice {
  modelId: string;
  /** Why this model, e.g. "Auto: GPT Image 2, highest Arena ELO for txt2img (1512) among 18 candidates". */
  reason: string;
}
