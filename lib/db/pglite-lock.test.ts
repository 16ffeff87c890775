import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataFolderInUseError, lockDataFolder } from "./pglite-lock";

describe("PGlite data folder lock", () => {
  let scratch: string;
  beforeAll(() => {
    scratch = mkdtempSync(path.join(tmpdir(), "studio-lock-"));
  });
  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it("is exclusive within the process and released on demand", () => {
    const dir = path.join(scratch, "a");
    const release = lockDataFolder(dir);
    expect(JSON.parse(readFileSync(`${dir}.lock`, "utf8"))).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(() => lockDataFolder(dir)).toThrow(DataFolderInUseError);
    release();
    release(); // idempotent
    expect(existsSync(`${dir}.lock`)).toBe(false);
    lockDataFolder(dir)();
  });

  it("refuses a lock held by another live process", () => {
    const dir = path.join(scratch, "b");
    writeFileSync(`${dir}.lock`, JSON.stringify({ pid: process.ppid, hostname: hostname(), createdAt: "" }));
    expect(() => lockDataFolder(dir)).toThrow(/in use by process/);
  });

  it("takes over stale locks: dead process, own pid not held, other host, garbage", () => {
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    const cases = [
      { pid: Number(dead), hostname: hostname() },
      { pid: process.pid, hostname: hostname() },
      { pid: process.ppid, hostname: `${hostname()}-elsewhere` },
      "not json",
    ];
    cases.forEach((content, i) => {
      const dir = path.join(scratch, `stale-${i}`);
      writeFileSync(`${dir}.lock`, typeof content === "string" ? content : JSON.stringify(content));
      const release = lockDataFolder(dir);
      expect(JSON.parse(readFileSync(`${dir}.lock`, "utf8")).pid).toBe(process.pid);
      release();
    });
  });
});
