/**
 * Prisma's schema engine (migrations, diffs) as WebAssembly, loaded by hand.
 *
 * Why by hand: the package's entry (`schema_engine.js`) does
 * `import * as wasm from "./schema_engine_bg.wasm"`, an ESM WebAssembly import
 * that Node 20 cannot load. We import the JS glue (`schema_engine_bg.js`), read
 * the `.wasm` with fs, instantiate it with the glue's functions as imports, then
 * hand the instance back to the glue (shared/notes/offline-toolchain.md §2).
 *
 * Bundles: `@prisma/schema-engine-wasm` must stay external in Next.js
 * (`serverExternalPackages`), so that the import below is a run-time import of
 * the installed package and the `.wasm` file exists next to it on disk.
 *
 * Server-only (uses node:fs). No Prisma client, no React.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

export type { SchemaEngine } from "@prisma/schema-engine-wasm";

const PACKAGE = "@prisma/schema-engine-wasm";
const WASM_FILE = "schema_engine_bg.wasm";

/** The glue module's shape, as far as we use it. */
type GlueModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg") & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

type EngineClass = typeof SchemaEngine;

/** One instantiation per process, also across Next.js dev-mode module reloads (the glue module is shared). */
const LOADED_KEY = Symbol.for("workflow-studio.schema-engine-wasm");
type LoadedGlobal = typeof globalThis & { [LOADED_KEY]?: Promise<EngineClass> };

/** Folders to start the node_modules lookup from: this module's folder (when it is a file), then the cwd. */
function lookupStarts(): string[] {
  const starts: string[] = [];
  try {
    if (import.meta.url.startsWith("file:")) starts.push(path.dirname(fileURLToPath(import.meta.url)));
  } catch {
    // not a file URL inside some bundles: the cwd below still works
  }
  starts.push(process.cwd());
  return [...new Set(starts)];
}

/**
 * Absolute path of `schema_engine_bg.wasm` in the installed package:
 * `$PRISMA_SCHEMA_ENGINE_WASM` when set, else the first
 * `node_modules/@prisma/schema-engine-wasm/schema_engine_bg.wasm` found walking
 * up from this module's folder, then from the cwd (Node's own lookup order,
 * without `require.resolve`, which bundlers rewrite).
 * @throws Error naming the places searched when the file is not found.
 */
export function locateSchemaEngineWasm(): string {
  const override = process.env.PRISMA_SCHEMA_ENGINE_WASM;
  if (override) {
    if (existsSync(/*turbopackIgnore: true*/ override)) return override;
    throw new Error(`schema-engine: PRISMA_SCHEMA_ENGINE_WASM names a missing file: ${override}`);
  }
  const tried: string[] = [];
  for (const start of lookupStarts()) {
    let dir = start;
    for (;;) {
      const file = path.join(/*turbopackIgnore: true*/ dir, "node_modules", ...PACKAGE.split("/"), WASM_FILE);
      if (existsSync(/*turbopackIgnore: true*/ file)) return file;
      tried.push(file);
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(`schema-engine: ${WASM_FILE} not found (looked at ${tried.join(", ")}); is ${PACKAGE} installed?`);
}

async function instantiate(): Promise<EngineClass> {
  const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as GlueModule;
  const module = new WebAssembly.Module(readFileSync(/*turbopackIgnore: true*/ locateSchemaEngineWasm()));
  const imports: WebAssembly.Imports = {};
  const glueRecord = glue as unknown as Record<string, WebAssembly.ImportValue>;
  for (const entry of WebAssembly.Module.imports(module)) {
    const value = glueRecord[entry.name];
    if (value === undefined) throw new Error(`schema-engine: the glue module lacks the import ${entry.name}`);
    (imports[entry.module] ??= {})[entry.name] = value;
  }
  const instance = new WebAssembly.Instance(module, imports);
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue.SchemaEngine;
}

/**
 * Loads and instantiates the WebAssembly module once per process (the promise is
 * cached; a failed load is retried on the next call).
 * @returns the `SchemaEngine` class of `@prisma/schema-engine-wasm`.
 */
export function loadSchemaEngineClass(): Promise<EngineClass> {
  const g = globalThis as LoadedGlobal;
  let pending = g[LOADED_KEY];
  if (!pending) {
    pending = instantiate();
    g[LOADED_KEY] = pending;
    pending.catch(() => {
      if (g[LOADED_KEY] === pending) delete g[LOADED_KEY];
    });
  }
  return pending;
}

/** Minimal datamodel: enough for the engine to know the dialect (migrations carry the rest). */
export const POSTGRES_DATASOURCE_ONLY = 'datasource db {\n  provider = "postgresql"\n}\n';

/** Filters argument of engine commands: no externally managed tables or enums. */
export const NO_EXTERNAL_FILTERS = { externalTables: [] as string[], externalEnums: [] as string[] };

export interface SchemaEngineOptions {
  /** Prisma schema files as [path, content]; defaults to a bare PostgreSQL datasource. */
  datamodels?: [string, string][];
  /** Receives the engine's log lines (JSON strings); default: dropped. */
  onLog?: (line: string) => void;
}

/**
 * Opens a schema engine on the database behind a Prisma driver-adapter factory
 * (for example `new PrismaPGlite(pglite)` or `new PrismaPg({ connectionString })`).
 * Call `engine.free()` when done.
 * @throws when the WebAssembly module cannot be loaded or the engine cannot start.
 */
export async function openSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  options: SchemaEngineOptions = {},
): Promise<SchemaEngine> {
  const Engine = await loadSchemaEngineClass();
  const datamodels = options.datamodels ?? [["schema.prisma", POSTGRES_DATASOURCE_ONLY]];
  const onLog = options.onLog ?? (() => {});
  return Engine.new({ datamodels }, onLog, bindMigrationAwareSqlAdapterFactory(adapterFactory));
}
