/**
 * Which node kinds can be attached to a wire dropped on empty canvas. Pure module.
 *
 * A wire dragged out of an output port of type T offers every kind with an input port that T
 * may feed (portTypesCompatible, lib/graph/ports.ts); one dragged backwards out of an input port
 * of type T offers every kind with an output that may feed T. The first such port of each kind
 * is the one connected.
 */
import { portTypesCompatible, type PortType } from "@/lib/graph/ports";
import type { AnyNodeDefinition } from "@/lib/nodes";

export interface WireEnd {
  /** "source": the wire starts at an output port; "target": at an input port. */
  side: "source" | "target";
  type: PortType;
}

export interface CompatibleChoice {
  definition: AnyNodeDefinition;
  /** The port of the new node the wire connects to. */
  port: string;
}

/** The node kinds (in `definitions` order) that the wire `from` can connect to, with the port used. */
export function compatibleNodeChoices(from: WireEnd, definitions: readonly AnyNodeDefinition[]): CompatibleChoice[] {
  const choices: CompatibleChoice[] = [];
  for (const definition of definitions) {
    if (definition.inPalette === false) continue;
    const port =
      from.side === "source"
        ? definition.inputs.find((p) => portTypesCompatible(from.type, p.type))
        : definition.outputs.find((p) => portTypesCompatible(p.type, from.type));
    if (port) choices.push({ definition, port: port.name });
  }
  return choices;
}
