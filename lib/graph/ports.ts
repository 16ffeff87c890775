/**
 * Port (handle) types and the connection rule shared by the canvas and the server validator.
 * Pure module.
 */

/**
 * What travels along an edge: a prompt string, one or more images, or any generated asset
 * (video, audio, 3D from a Run model node; an image is an asset too).
 */
export type PortType = "text" | "image" | "asset";

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
 */
export function portTypesCompatible(from: PortType, to: PortType): boolean {
  return from === to || (from === "image" && to === "asset");
}
