import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getStorage, defaultStorageRoot } from "./index";
import { contentKey, createLocalFolderStorage, InvalidStorageKeyError, isValidStorageKey, StorageKeyNotFoundError } from "./local-folder";

describe("local folder storage", () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), "studio-storage-"));
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it("puts, gets, checks and removes bytes under a content-addressed key", async () => {
    const storage = createLocalFolderStorage(path.join(root, "assets"));
    const bytes = Buffer.from("not really a png");
    const hash = createHash("sha256").update(bytes).digest("hex");
    const key = contentKey(hash, "image/png");
    expect(key).toBe(`${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}.png`);

    expect(await storage.has(key)).toBe(false);
    await storage.put(key, bytes);
    expect(await storage.has(key)).toBe(true);
    expect(await storage.get(key)).toEqual(bytes);
    expect(readFileSync(path.join(root, "assets", ...key.split("/")))).toEqual(bytes);
    // no temporary file left behind
    expect(readdirSync(path.join(root, "assets", hash.slice(0, 2), hash.slice(2, 4)))).toEqual([`${hash}.png`]);

    await storage.put(key, Buffer.from("replaced"));
    expect((await storage.get(key)).toString()).toBe("replaced");

    await storage.remove(key);
    expect(await storage.has(key)).toBe(false);
    await storage.remove(key); // absent: no error
    await expect(storage.get(key)).rejects.toBeInstanceOf(StorageKeyNotFoundError);
  });

  it("refuses keys that could leave the root folder", async () => {
    const storage = createLocalFolderStorage(path.join(root, "jail"));
    const bad = [
      "../escape.png",
      "a/../../escape.png",
      "/etc/passwd",
      "a//b.png",
      "a/./b.png",
      "..",
      "a\\..\\b.png",
      "C:/x.png",
      "",
      "a/b.png\0",
      "UPPER/x.png",
      "x/",
    ];
    for (const key of bad) {
      expect(isValidStorageKey(key), key).toBe(false);
      await expect(storage.put(key, Buffer.from("x")), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.get(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.has(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.remove(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
    }
    expect(existsSync(path.join(root, "escape.png"))).toBe(false);
    expect(isValidStorageKey("ab/cd/file-1_x.webp")).toBe(true);
  });

  it("refuses a malformed hash in contentKey", () => {
    expect(() => contentKey("../../etc", "image/png")).toThrow(InvalidStorageKeyError);
    expect(contentKey("A".repeat(64), "application/x-unknown")).toBe(`aa/aa/${"a".repeat(64)}.bin`);
  });

  it("getStorage uses <DATA_DIR>/assets", async () => {
    const saved = process.env.DATA_DIR;
    process.env.DATA_DIR = path.join(root, "data");
    try {
      expect(defaultStorageRoot()).toBe(path.join(root, "data", "assets"));
      const storage = getStorage();
      expect(getStorage()).toBe(storage);
      await storage.put("ab/cd/x.png", Buffer.from("y"));
      expect(existsSync(path.join(root, "data", "assets", "ab", "cd", "x.png"))).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.DATA_DIR;
      else process.env.DATA_DIR = saved;
    }
  });
});
