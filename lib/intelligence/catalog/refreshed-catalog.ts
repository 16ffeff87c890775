/**
 * The refreshed catalog in the data folder: `<DATA_DIR>/catalog/` (layout: ./catalog-files.ts),
 * written by `POST /api/catalog/refresh` or `npm run catalog:refresh -- --data-dir`. The bundled
 * snapshot under lib/ is read-only in a production build, so a refresh goes there, and the
 * server prefers it over the bundled snapshot once it is complete (its `refresh.json` exists).
 *
 * Node-only module (fs); never import it from code that reaches the browser.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";

import type { ModelSchema } from "../../providers/model-schema";
import { attachSchemas, parseModelSchemaFile } from "./attach-schemas";
import { CATALOG_FILE, REFRESH_META_FILE, REFRESHED_CATALOG_DIR, SCHEMAS_DIR, type RefreshMeta } from "./catalog-files";
import { getCatalogOrigin, setActiveCatalog, type CatalogOrigin } from "./get-catalog";
import { parseCatalog } from "./parse-catalog";
import type { Catalog } from "./schema";

/** `<DATA_DIR>/catalog`, absolute (`DATA_DIR` defaults to `./data`, like the database and assets). */
export function refreshedCatalogFolder(env: Record<string, string | undefined> = process.env): string {
  return path.join(path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR?.trim() || "./data"), REFRESHED_CATALOG_DIR);
}

/** The folder's `refresh.json`, or null when there is none (no complete refresh yet). */
export async function readRefreshMeta(folder: string): Promise<RefreshMeta | null> {
  let text: string;
  try {
    text = await readFile(path.join(folder, REFRESH_META_FILE), "utf8");
  } catch {
    return null;
  }
  const meta = JSON.parse(text) as Partial<RefreshMeta>;
  if (typeof meta.refreshedAt !== "string" || typeof meta.source !== "string")
    throw new Error(`${REFRESH_META_FILE}: expected { refreshedAt, source }`);
  return { refreshedAt: meta.refreshedAt, source: meta.source };
}

/** The folder's catalog document as stored (no schemas attached), or null when the folder has no complete refresh. */
export async function readRefreshedCatalogDocument(folder: string): Promise<unknown | null> {
  if (!(await readRefreshMeta(folder))) return null;
  return JSON.parse(await readFile(path.join(folder, CATALOG_FILE), "utf8"));
}

/** Every `*.json` of `<folder>/model-schemas/`, parsed (a record without `inputs[]` is left out). */
export async function readSchemaFolder(folder: string): Promise<ModelSchema[]> {
  const dir = path.join(folder, SCHEMAS_DIR);
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith(".json")).sort();
  const schemas: ModelSchema[] = [];
  for (const name of names) {
    const schema = parseModelSchemaFile(JSON.parse(await readFile(path.join(dir, name), "utf8")), `${SCHEMAS_DIR}/${name}`);
    if (schema) schemas.push(schema);
  }
  return schemas;
}

/**
 * Reads and validates the refreshed catalog of `folder` with its schemas attached.
 * @returns null when the folder holds no complete refresh.
 * @throws CatalogError for a malformed catalog or schema file; SyntaxError for a file that is not JSON.
 */
export async function loadRefreshedCatalog(folder: string): Promise<{ catalog: Catalog; meta: RefreshMeta } | null> {
  const meta = await readRefreshMeta(folder);
  if (!meta) return null;
  const document = JSON.parse(await readFile(path.join(folder, CATALOG_FILE), "utf8"));
  return { catalog: attachSchemas(parseCatalog(document), await readSchemaFolder(folder)), meta };
}

/** mtime (ms) of the `refresh.json` last installed, per folder: a refresh rewrites it last. */
let installedStamp: { folder: string; mtimeMs: number } | null = null;

/**
 * Makes `getCatalog()` return the data folder's refreshed catalog when there is one, re-reading
 * it only when its `refresh.json` changed since the last call; with none, the bundled snapshot.
 * A malformed refreshed catalog is reported on stderr and ignored (the bundled snapshot stays in
 * use): a bad file on disk never stops the studio.
 * @returns where `getCatalog()` now reads from.
 */
export async function activateRefreshedCatalog(env: Record<string, string | undefined> = process.env): Promise<CatalogOrigin> {
  const folder = refreshedCatalogFolder(env);
  const mtimeMs = await stat(path.join(folder, REFRESH_META_FILE)).then(
    (s) => s.mtimeMs,
    () => null,
  );
  if (mtimeMs === null) {
    if (getCatalogOrigin().kind === "refreshed") setActiveCatalog(null);
    installedStamp = null;
    return getCatalogOrigin();
  }
  if (installedStamp?.folder === folder && installedStamp.mtimeMs === mtimeMs && getCatalogOrigin().kind === "refreshed")
    return getCatalogOrigin();
  try {
    const loaded = await loadRefreshedCatalog(folder);
    if (loaded) setActiveCatalog(loaded.catalog, { kind: "refreshed", folder, refreshedAt: loaded.meta.refreshedAt });
    else setActiveCatalog(null);
  } catch (error) {
    console.error(`The refreshed model catalog in ${folder} is unreadable; the bundled snapshot stays in use: ${(error as Error).message}`);
    setActiveCatalog(null);
  }
  installedStamp = { folder, mtimeMs };
  return getCatalogOrigin();
}
