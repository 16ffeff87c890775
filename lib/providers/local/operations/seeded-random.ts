/**
 * Deterministic randomness for the local engine: a PRNG seeded from a SHA-256 of the inputs, so
 * the same prompt and seed always give the same numbers on every machine.
 */
import { createHash } from "node:crypto";

/** A function returning floats in [0, 1), deterministic for a given seed. */
export type Random = () => number;

/**
 * Seeds mulberry32 with the first 32 bits of SHA-256 over the parts joined by NUL.
 * Example: `seededRandom("a red fox", 42)`.
 */
export function seededRandom(...parts: Array<string | number>): Random {
  const digest = createHash("sha256").update(parts.map(String).join("\u0000")).digest();
  let state = digest.readUInt32BE(0);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** HSL (h in degrees, s and l in 0..1) to 8-bit sRGB. */
export function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [Math.round(255 * f(0)), Math.round(255 * f(8)), Math.round(255 * f(4))];
}
