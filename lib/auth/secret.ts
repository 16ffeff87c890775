/**
 * The secret that signs session cookies. `BETTER_AUTH_SECRET` wins; without it, a random
 * secret is generated once and kept in `<DATA_DIR>/auth-secret` (mode 600), so sessions
 * survive restarts of a default installation without anyone committing a secret.
 *
 * Server-only: never import this from a client component.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** `<DATA_DIR>/auth-secret`, with DATA_DIR defaulting to `./data` like lib/db. */
export function authSecretPath(env: Record<string, string | undefined> = process.env): string {
  return path.join(path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR?.trim() || "./data"), "auth-secret");
}

/**
 * `BETTER_AUTH_SECRET`, or the persisted fallback (created when missing).
 * @throws when the data folder cannot be written to create the fallback.
 */
export function resolveAuthSecret(env: Record<string, string | undefined> = process.env): string {
  const fromEnv = env.BETTER_AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  const file = authSecretPath(env);
  const existing = readSecret(file);
  if (existing) return existing;
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // "wx": when two processes race, the second fails here and reads the first one's secret.
    writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const written = readSecret(file);
  if (!written) throw new Error(`Could not read the auth secret back from ${file}`);
  return written;
}

function readSecret(file: string): string | null {
  try {
    return readFileSync(file, "utf8").trim() || null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
