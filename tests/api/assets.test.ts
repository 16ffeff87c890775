import { readdirSync } from "node:fs";
import path from "node:path";
import { crc32 } from "node:zlib";
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { actAsNewOwner, call, fixture, uploadForm, useFreshDataDir } from "./harness";

const dataDir = useFreshDataDir();

/** `png` with the size its header declares changed to `width × height` (pixels not re-encoded). */
function withDeclaredSize(png: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(png);
  // IHDR is the first chunk: length (4) "IHDR" (4) width (4) height (4) … CRC over type + data.
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  out.writeUInt32BE(crc32(out.subarray(12, 29)), 29);
  return out;
}

/** Every file under the data folder's asset storage. */
function storedFiles(): string[] {
  return (readdirSync(path.join(dataDir, "assets"), { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}
const upload = await import("@/app/api/assets/route");
const meta = await import("@/app/api/assets/[id]/route");
const file = await import("@/app/api/assets/[id]/file/route");
await actAsNewOwner();

describe("assets API", () => {
  it("stores an uploaded photo and serves its metadata and bytes", async () => {
    const coffee = fixture("coffee.png");
    const created = await call(upload.POST, { method: "POST", body: uploadForm(coffee, "coffee.png") });
    expect(created.status).toBe(201);
    const { asset } = created.body;
    expect(asset).toMatchObject({ mimeType: "image/png", width: 600, height: 400, url: `/api/assets/${asset.id}/file` });

    const read = await call(meta.GET, { params: { id: asset.id } });
    expect(read.body.asset).toMatchObject({ id: asset.id, origin: "upload", name: "coffee.png", sizeBytes: coffee.length });

    const bytes = await call(file.GET, { params: { id: asset.id } });
    expect(bytes.headers.get("content-type")).toBe("image/png");
    expect(Buffer.compare(bytes.body, coffee)).toBe(0);

    const download = await call(file.GET, { params: { id: asset.id }, url: `http://localhost/api/assets/${asset.id}/file?download=1` });
    expect(download.headers.get("content-disposition")).toBe('attachment; filename="coffee-600x400.png"');
  });

  it("recognises JPEG and WebP by their bytes, whatever the name says", async () => {
    const rocket = await call(upload.POST, { method: "POST", body: uploadForm(fixture("rocket.jpg"), "rocket.png", "image/png") });
    expect(rocket.body.asset).toMatchObject({ mimeType: "image/jpeg", width: 640, height: 427 });
    const webp = await sharp(fixture("chelsea.png")).webp().toBuffer();
    const cat = await call(upload.POST, { method: "POST", body: uploadForm(webp, "cat.webp", "image/webp") });
    expect(cat.body.asset).toMatchObject({ mimeType: "image/webp", width: 451, height: 300 });
  });

  it("answers 415 for a file that is not PNG, JPEG or WebP, even named .png", async () => {
    const text = await call(upload.POST, { method: "POST", body: uploadForm(Buffer.from("hello, not an image"), "fake.png") });
    expect(text.status).toBe(415);
    expect(text.body.error).toMatchObject({ code: "unsupported_media_type" });
    const gif = Buffer.from("474946383961010001000000002c00000000010001000002", "hex");
    expect((await call(upload.POST, { method: "POST", body: uploadForm(gif, "a.gif", "image/gif") })).status).toBe(415);
  });

  it("answers 413 for an upload over 20 MB", async () => {
    const big = Buffer.alloc(20 * 1024 * 1024 + 1);
    fixture("coffee.png").copy(big);
    const refused = await call(upload.POST, { method: "POST", body: uploadForm(big, "huge.png") });
    expect(refused.status).toBe(413);
    expect(refused.body.error.message).toMatch(/over the 20 MB limit/);
  });

  describe("pixel limit", () => {
    afterEach(() => {
      delete process.env.MAX_IMAGE_MEGAPIXELS;
    });

    it("refuses a small file that declares 12,000 × 12,000 px, with the figures, storing nothing", async () => {
      const bomb = withDeclaredSize(fixture("coffee.png"), 12_000, 12_000);
      expect(bomb.length).toBeLessThan(1024 * 1024);
      expect(await sharp(bomb).metadata()).toMatchObject({ width: 12_000, height: 12_000 });
      const before = storedFiles();
      const refused = await call(upload.POST, { method: "POST", body: uploadForm(bomb, "bomb.png") });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toBe(
        "The image is 12,000 × 12,000 px (144 megapixels); the studio accepts up to 50 megapixels. Choose a smaller image or reduce its size first.",
      );
      expect(refused.body.error.details).toMatchObject({
        reason: "too_many_pixels",
        width: 12_000,
        height: 12_000,
        megapixels: 144,
        maxMegapixels: 50,
      });
      expect(storedFiles()).toEqual(before);
    });

    it("accepts 50 megapixels exactly, and follows MAX_IMAGE_MEGAPIXELS", async () => {
      const fifty = await call(upload.POST, {
        method: "POST",
        body: uploadForm(withDeclaredSize(fixture("coffee.png"), 10_000, 5_000), "fifty.png"),
      });
      expect(fifty.status).toBe(201);
      expect(fifty.body.asset).toMatchObject({ width: 10_000, height: 5_000 });

      process.env.MAX_IMAGE_MEGAPIXELS = "0.2";
      const coffee = await call(upload.POST, { method: "POST", body: uploadForm(fixture("coffee.png"), "coffee.png") });
      expect(coffee.status).toBe(400);
      expect(coffee.body.error.message).toMatch(/^The image is 600 × 400 px \(0\.2 megapixels\)/);
      process.env.MAX_IMAGE_MEGAPIXELS = "0.25";
      expect((await call(upload.POST, { method: "POST", body: uploadForm(fixture("coffee.png"), "coffee.png") })).status).toBe(201);
    });
  });

  it("answers 400 without a file field, and 404 for an unknown asset", async () => {
    const form = new FormData();
    form.set("other", "x");
    const missing = await call(upload.POST, { method: "POST", body: form });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/^file: missing/);
    expect((await call(meta.GET, { params: { id: "nope" } })).status).toBe(404);
    expect((await call(file.GET, { params: { id: "nope" } })).status).toBe(404);
  });
});
