/**
 * Port (handle) types and the connection rule shared by the canvas and the server validator.
 * Pure module.
 */

/**
 * What travels along an edge: a prompt string, one or more images, any generated asset
 * (video, audio, 3D from a Run model node; an image is an asset too), or a list of texts
 * (Split text's items, what a For each iterates over).
 */
export type PortType = "text" | "image" | "asset" | "list";

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
 * Identical types connect (text → text, image → image; a mask is an image), and an image may
 * feed an asset port; an asset (which may be a video or a sound) never feeds an image port.
 * One text is a one-item list (text → list), but a list never feeds a text port (which of its
 * items would it be? a For each takes the list apart).
 */
export function portTypesCompatible(from: PortType, to: PortType): boolean {
  return from === to || (from === "image" && to === "asset") || (from === "text" && to === "list");
}
