import type { NextConfig } from "next";

/**
 * Packages loaded from node_modules at run time instead of being bundled: PGlite and the
 * schema engine read their .wasm files from their package folders
 * (shared/notes/offline-toolchain.md, "Next.js"); piscina starts its worker threads from its
 * own dist/worker.js (the local engine's pool, lib/providers/local/pool/).
 */
const nextConfig: NextConfig = {
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/schema-engine-wasm",
    "@prisma/driver-adapter-utils",
    "@prisma/adapter-pg",
    "@prisma/client",
    "pg",
    "sharp",
    "piscina",
  ],
  poweredByHeader: false,
};

export default nextConfig;
