/**
 * Sticky notes and groups in the editor: conversion between the saved graph's `annotations`
 * (lib/graph/schema.ts) and React Flow nodes of two canvas-only types, and which items a group
 * carries when it is dragged. Pure module.
 *
 * Annotations are kept apart from the workflow's nodes (editor-store.ts `annotations`), so the
 * run view, inspector, connection rule and everything server-side only ever see real nodes.
 */
import type { GraphAnnotation } from "@/lib/graph/schema";
import type { StudioNode } from "./graph-doc";
import { nodeRect } from "./free-space";

export const NOTE_NODE_TYPE = "studio-note";
export const GROUP_NODE_TYPE = "studio-group";

const TYPE_BY_KIND = { note: NOTE_NODE_TYPE, group: GROUP_NODE_TYPE } as const;

/** New annotations' sizes (px). */
export const DEFAULT_ANNOTATION_SIZE = { note: { width: 240, height: 160 }, group: { width: 560, height: 360 } } as const;

/**
 * Groups sit behind everything, even when selected (React Flow adds 1000 to a selected node's
 * z-index), so the nodes inside them stay clickable.
 */
const GROUP_Z_INDEX = -1000;

/** A saved annotation as a React Flow node (its size as explicit width/height, which NodeResizer changes). */
export function annotationToNode(annotation: GraphAnnotation): StudioNode {
  return {
    id: annotation.id,
    type: TYPE_BY_KIND[annotation.kind],
    position: { ...annotation.position },
    data: { text: annotation.text ?? "" },
    width: annotation.size.width,
    height: annotation.size.height,
    ...(annotation.kind === "group" ? { zIndex: GROUP_Z_INDEX } : {}),
  };
}

/** The document part of an annotation node, as the API stores it. */
export function nodeToAnnotation(node: StudioNode): GraphAnnotation {
  return {
    id: node.id,
    kind: node.type === GROUP_NODE_TYPE ? "group" : "note",
    position: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
    size: { width: Math.round(node.width ?? node.measured?.width ?? 240), height: Math.round(node.height ?? node.measured?.height ?? 160) },
    text: typeof node.data.text === "string" ? node.data.text : "",
  };
}

export const isGroupNode = (node: Pick<StudioNode, "type">) => node.type === GROUP_NODE_TYPE;

/** "note-1", "group-2", …: the next id of that kind not in `taken`. */
export function nextAnnotationId(kind: GraphAnnotation["kind"], taken: readonly { id: string }[]): string {
  const ids = new Set(taken.map((t) => t.id));
  let n = 1;
  while (ids.has(`${kind}-${n}`)) n++;
  return `${kind}-${n}`;
}

/** Room around framed items, and the group's title bar above them (px). */
const FRAME_PAD = 32;
const FRAME_TITLE = 36;

/**
 * A group frame around `items` (flow coordinates, px): their bounding box (measured sizes, else
 * an estimate of a node card) with FRAME_PAD on every side and the title bar on top.
 */
export function frameAround(items: readonly StudioNode[]): { position: { x: number; y: number }; width: number; height: number } {
  const rects = items.map((n) => ({
    x: n.position.x,
    y: n.position.y,
    w: n.measured?.width ?? n.width ?? 248,
    h: n.measured?.height ?? n.height ?? 180,
  }));
  const left = Math.min(...rects.map((r) => r.x)) - FRAME_PAD;
  const top = Math.min(...rects.map((r) => r.y)) - FRAME_PAD - FRAME_TITLE;
  return {
    position: { x: Math.round(left), y: Math.round(top) },
    width: Math.round(Math.max(...rects.map((r) => r.x + r.w)) + FRAME_PAD - left),
    height: Math.round(Math.max(...rects.map((r) => r.y + r.h)) + FRAME_PAD - top),
  };
}

/** Ids of the items lying wholly inside `group`'s frame: the ones it carries when dragged. */
export function groupMembers(group: StudioNode, items: readonly StudioNode[]): string[] {
  const frame = nodeRect(group);
  return items
    .filter((item) => {
      if (item.id === group.id) return false;
      const r = nodeRect(item);
      return r.x >= frame.x && r.y >= frame.y && r.x + r.width <= frame.x + frame.width && r.y + r.height <= frame.y + frame.height;
    })
    .map((item) => item.id);
}
