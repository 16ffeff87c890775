import type { NextConfig } from "next";

/**
 * The Content-Security-Policy of every response. Scripts and styles only from the studio itself;
 * Next.js inlines its bootstrap scripts and React inlines styles, so both need 'unsafe-inline'
 * (no nonces: pages are served statically). 'unsafe-eval' only in development, where React's
 * dev tools evaluate code; the production build never does. Images may be data: and blob: URLs
 * (mask editor, previews). No page may frame the studio (clickjacking).
 */
function contentSecurityPolicy(dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Security headers of every page and API answer. */
const SECURITY_HEADERS = (dev: boolean) => [
  { key: "Content-Security-Policy", value: contentSecurityPolicy(dev) },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/**
 * Packages loaded from node_modules at run time instead of being bundled: PGlite and the
 * schema engine read their .wasm files from their package folders
 * (shared/notes/offline-toolchain.md, "Next.js"); piscina starts its worker threads from its
 * own dist/worker.js (the local engine's pool, lib/providers/local/pool/); the neural models
 * (lib/providers/local/neural/) load native onnxruntime-node, TensorFlow.js's .wasm files and
 * their weights from their package folders.
 */
const nextConfig: NextConfig = {
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/schema-engine-wasm",
    "@prisma/driver-adapter-utils",
    "@prisma/adapter-pg",
    "pg-boss",
    "@aws-sdk/client-s3",
    "@prisma/client",
    "pg",
    "sharp",
    "piscina",
    "@imgly/background-removal-node",
    "onnxruntime-node",
    "@tensorflow/tfjs",
    "@tensorflow/tfjs-backend-wasm",
  ],
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS(process.env.NODE_ENV !== "production") }];
  },
};

export default nextConfig;
