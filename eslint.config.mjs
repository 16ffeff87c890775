// Lint for the layer rules of ARCHITECTURE.md ("One rule of direction"): app → lib services → lib pure
// cores. Pure cores import no framework (Next.js, React, Prisma) and no service; lib never imports
// components or app. Run by `npm test` (`npm run lint`).
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import importX from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

/** Folders that hold pure cores: zod and each other only. */
const PURE_CORES = ["lib/graph", "lib/nodes", "lib/engine", "lib/intelligence"];
const FRAMEWORKS = [
  "next",
  "next/*",
  "react",
  "react-dom",
  "react/*",
  "@prisma/*",
  "pg",
  "@electric-sql/*",
  "better-auth",
  "better-auth/*",
  "sharp",
];

export default tseslint.config(
  {
    ignores: ["node_modules/**", ".next/**", "lib/db/generated/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["components/**/*.tsx", "components/**/*.ts", "app/**/*.tsx", "lib/client/**/*.ts", "lib/client/**/*.tsx"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks, "@next/next": nextPlugin },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      ...nextPlugin.configs.recommended.rules,
      // Asset previews are studio-served files of any size; next/image's optimiser would re-encode them.
      "@next/next/no-img-element": "off",
    },
  },
  {
    plugins: { "import-x": importX },
    settings: { "import-x/resolver-next": [importX.createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".mjs"] })] },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/no-non-null-assertion": "off",
      "import-x/no-cycle": "off",
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./lib", from: "./components", message: "lib never imports components (ARCHITECTURE.md)." },
            { target: "./lib", from: "./app", message: "lib never imports app (ARCHITECTURE.md)." },
            ...PURE_CORES.flatMap((core) => [
              { target: `./${core}`, from: "./lib/db", message: "Pure cores never import the database layer." },
              { target: `./${core}`, from: "./lib/server", message: "Pure cores never import the server context." },
              { target: `./${core}`, from: "./lib/client", message: "Pure cores never import browser code." },
              { target: `./${core}`, from: "./lib/auth", message: "Pure cores never import auth." },
            ]),
          ],
        },
      ],
    },
  },
  {
    // The same rule for imports through the `@/` alias, which the path zones above do not resolve.
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    ignores: PURE_CORES.map((core) => `${core}/**`),
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/components/*", "@/app/*"], message: "lib never imports components or app (ARCHITECTURE.md)." }] },
      ],
    },
  },
  {
    files: PURE_CORES.map((core) => `${core}/**/*.ts`),
    ignores: ["**/*.test.ts", "**/__tests__/**", "**/testing/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: FRAMEWORKS, message: "Pure cores import no framework, database driver or image library (ARCHITECTURE.md)." },
            {
              group: ["@/components/*", "@/app/*", "@/lib/db/*", "@/lib/server/*", "@/lib/auth/*", "@/lib/client/*"],
              message: "Pure cores import only other pure cores (ARCHITECTURE.md).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.test.ts", "**/testing.ts", "**/test-helpers.ts", "**/testing/**", "tests/**/*.ts", "e2e/**/*.ts", "scripts/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
