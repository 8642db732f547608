// The image pipeline with real images made by sharp: PNG and JPEG are re-encoded to WebP, resized
// to at most 512 px, turned upright and stripped of metadata; a text file named .png, an image
// over 5 MB and a pixel bomb (a tiny file declaring 100 megapixels) are refused with a field
// message before anything is decoded.
import { deflateSync } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { IMAGE_MESSAGES, MAX_IMAGE_BYTES } from "~/domain/network/image-rules";
import { processImage } from "~/domain/network/images.server";
import { refusal } from "../support/refusal";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid PNG header declaring width × height, with a few bytes of image data: tiny on disk. */
export function pixelBomb(width = 10_000, height = 10_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.alloc(1024))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export async function photo(width = 1200, height = 800, format: "png" | "jpeg" = "png"): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: { r: 10, g: 120, b: 90 } } });
  return format === "png"
    ? image.png().toBuffer()
    : image
        .jpeg()
        .withExif({ IFD0: { Copyright: "Secret camera owner" } })
        .toBuffer();
}

describe("processImage", () => {
  it("re-encodes a PNG photo to a 512 px square WebP", async () => {
    const image = await processImage(await photo(1200, 800), "photo");
    expect(image.contentType).toBe("image/webp");
    expect([image.width, image.height]).toEqual([512, 512]);
    const meta = await sharp(image.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 512, 512]);
    expect(image.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("fits a JPEG logo inside 512 px, drops its metadata and never enlarges a small one", async () => {
    const logo = await processImage(await photo(1600, 400, "jpeg"), "logo");
    expect([logo.width, logo.height]).toEqual([512, 128]);
    expect((await sharp(logo.bytes).metadata()).exif).toBeUndefined();
    expect(logo.bytes.includes(Buffer.from("Secret camera owner"))).toBe(false);
    const small = await processImage(await photo(100, 60), "logo");
    expect([small.width, small.height]).toEqual([100, 60]);
  });

  it("refuses a text file named .png, an empty upload, a damaged image, a file over 5 MB and a pixel bomb", async () => {
    const field = async (bytes: Uint8Array) => (await refusal(processImage(bytes, "photo"))).fieldErrors?.photo;
    expect(await field(Buffer.from("just some text pretending to be a picture.png"))).toBe(IMAGE_MESSAGES.notImage);
    expect(await field(new Uint8Array(0))).toBe(IMAGE_MESSAGES.missing);
    const png = await photo(64, 64);
    expect(await field(png.subarray(0, 40))).toBe(IMAGE_MESSAGES.unreadable);
    const huge = Buffer.concat([png, Buffer.alloc(MAX_IMAGE_BYTES)]);
    expect(await field(huge)).toBe(IMAGE_MESSAGES.tooBig);
    const bomb = pixelBomb();
    expect(bomb.length).toBeLessThan(2_000);
    expect(await field(bomb)).toBe(IMAGE_MESSAGES.tooManyPixels);
  });
});
