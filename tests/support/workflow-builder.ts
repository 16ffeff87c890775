/**
 * Test support: builds a WorkflowGraph the way a designer reads it, node by node from left to
 * right, with each input naming the node it comes from:
 *
 *     workflow()
 *       .prompt("p", "a ceramic cup")
 *       .node("gen", "generation", { model: "model_openai-gpt-image-2", aspectRatio: "3:2" }, { prompt: "p" })
 *       .output("out", "gen")
 *       .graph()
 *
 * Edges go from the source node's first output port (a Prompt's `text`, an Image input's `image`,
 * a Run model's `asset`: read from lib/nodes) to the named input port. Test-only.
 */
import type { GraphEdge, GraphNode, WorkflowGraph } from "@/lib/graph/schema";
import { getNodeDefinition } from "@/lib/nodes";

/** Input port name → id of the node it comes from. */
export type NodeInputs = Record<string, string>;

export interface WorkflowBuilder {
  /** A Prompt node holding `text`. */
  prompt(id: string, text: string): WorkflowBuilder;
  /** An Image input node showing the studio asset `assetId` (an image, or any stored file). */
  imageInput(id: string, assetId: string): WorkflowBuilder;
  /** Any node kind (`generation`, `retouch`, `expand`, `upscale`, `removeBackground`, `runModel`, …) with its data and inputs. */
  node(id: string, type: string, data?: Record<string, unknown>, inputs?: NodeInputs): WorkflowBuilder;
  /** An Output node fed by `from`. */
  output(id: string, from: string): WorkflowBuilder;
  graph(): WorkflowGraph;
}

/** A new, empty workflow; nodes are laid out 220 px apart in the order they are added. */
export function workflow(): WorkflowBuilder {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const sourceHandle = (id: string) => {
    const source = nodes.find((n) => n.id === id);
    if (!source) throw new Error(`workflow(): no node "${id}" before this one`);
    const port = getNodeDefinition(source.type)?.outputs[0]?.name;
    if (!port) throw new Error(`workflow(): node "${id}" (${source.type}) has no output`);
    return port;
  };
  const builder: WorkflowBuilder = {
    prompt: (id, text) => builder.node(id, "prompt", { text }),
    imageInput: (id, assetId) => builder.node(id, "imageInput", { assetId }),
    output: (id, from) => builder.node(id, "output", {}, { image: from }),
    node(id, type, data = {}, inputs = {}) {
      if (!getNodeDefinition(type)) throw new Error(`workflow(): unknown node type "${type}"`);
      if (nodes.some((n) => n.id === id)) throw new Error(`workflow(): node id "${id}" used twice`);
      for (const [port, from] of Object.entries(inputs)) {
        edges.push({ id: `${from}->${id}.${port}`, source: from, sourceHandle: sourceHandle(from), target: id, targetHandle: port });
      }
      nodes.push({ id, type, position: { x: nodes.length * 220, y: 0 }, data });
      return builder;
    },
    graph: () => ({ nodes: structuredClone(nodes), edges: structuredClone(edges) }),
  };
  return builder;
}
