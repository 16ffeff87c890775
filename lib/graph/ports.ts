/**
 * Port (handle) types and the connection rule shared by the canvas and the server validator.
 * Pure module.
 */

/** What travels along an edge: a prompt string, or one or more image assets. */
export type PortType = "text" | "image";

export interface PortSpec {
  /** Handle id on the canvas and port name in the API: "prompt", "image", "mask", "text". */
  name: string;
  type: PortType;
  label: string;
  /** Input ports only: the graph is invalid while a required input has no edge (unless the node's own check says otherwise). */
  required: boolean;
}

/**
 * True when an output port of type `from` may feed an input port of type `to`.
 * Only identical types connect: text feeds text, image feeds image (a mask is an image).
 */
export function portTypesCompatible(from: PortType, to: PortType): boolean {
  return from === to;
}
