/** Test helpers: catalogs derived from the bundled snapshot. Imported by tests only. */
import catalogJson from "../data/model-catalog.json";
import { parseCatalog } from "../catalog/parse-catalog";
import type { Catalog } from "../catalog/schema";

/** A parsed copy of the bundled catalog after `edit` (a fresh object: its own resolver index). */
export function editedCatalog(edit: (doc: any) => void): Catalog {
  const doc = structuredClone(catalogJson) as any;
  edit(doc);
  return parseCatalog(doc);
}

/** The model entry of a raw catalog document. */
export const rawModel = (doc: any, id: string) => doc.models.find((m: any) => m.id === id);

/** Strips the "model_" prefix for compact expectations. */
export const short = (ids: string[]) => ids.map((id) => id.replace(/^model_/, ""));
