// The image pipeline with real images made by sharp: PNG and JPEG are re-encoded to WebP, resized
// to at most 512 px, turned upright and stripped of metadata; a text file named .png, an image
// over 5 MB and a pixel bomb (a tiny file declaring 100 megapixels) are refused with a field
// message before anything is decoded; uploads racing to replace one photo leave exactly one.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { IMAGE_MESSAGES, MAX_IMAGE_BYTES } from "~/domain/network/image-rules";
import { processImage } from "~/domain/network/images.server";
import { setProfilePhoto } from "~/domain/network/profile.server";
import { db } from "~/platform/db.server";
import { makeUser } from "../support/factories";
import { refusal } from "../support/refusal";
import { photo, pixelBomb } from "./image-fixtures";

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

describe("replacing a photo", () => {
  it("leaves exactly one photo when uploads race, and no orphaned image", async () => {
    const person = await makeUser();
    const before = await db().storedImage.count();
    const images = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => photo(100 + n, 100)));
    const results = await Promise.allSettled(images.map((image) => setProfilePhoto(person.id, image)));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill("fulfilled"));
    const { photoId } = await db().personProfile.findUniqueOrThrow({ where: { userId: person.id } });
    expect(results.map((r) => (r as PromiseFulfilledResult<string>).value)).toContain(photoId);
    expect(await db().storedImage.count()).toBe(before + 1);
  });
});
