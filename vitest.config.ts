import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "tests/**/*.test.ts"],
    environment: "node",
    // Upscale's Balanced and Creative presets use Lanczos in tests (ESRGAN takes tens of seconds
    // on 2 cores): "0" means "Lanczos always". Tests of the neural model opt back in by passing
    // `maxNeuralPixels` to `upscale` (lib/providers/local/operations/upscale.ts).
    env: { LOCAL_ENGINE_ESRGAN_MAX_MEGAPIXELS: "0" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PGlite takes seconds to initialise: API tests share one database per file.
    pool: "forks",
    fileParallelism: true,
    maxWorkers: 2,
  },
});
