/**
 * The prompt a node will send, as the editor can know it before a run: the text of the node
 * connected to its `prompt` port (a Prompt node's first text field), else its own `prompt`
 * parameter. Used to ask for model recommendations. Pure module.
 */
import { getNodeDefinition } from "@/lib/nodes";

interface NodeLike {
  id: string;
  type?: string;
  data: Record<string, unknown>;
}

interface EdgeLike {
  source: string;
  target: string;
  targetHandle?: string | null;
}

export const PROMPT_PORT = "prompt";

export function nodePromptText(nodeId: string, nodes: readonly NodeLike[], edges: readonly EdgeLike[]): string {
  const edge = edges.find((e) => e.target === nodeId && e.targetHandle === PROMPT_PORT);
  if (edge) {
    const source = nodes.find((n) => n.id === edge.source);
    const definition = source?.type ? getNodeDefinition(source.type) : undefined;
    const field = definition?.fields.find((f) => f.kind === "textarea" || f.kind === "text");
    const text = field ? source?.data[field.name] : undefined;
    return typeof text === "string" ? text.trim() : "";
  }
  const own = nodes.find((n) => n.id === nodeId)?.data[PROMPT_PORT];
  return typeof own === "string" ? own.trim() : "";
}
