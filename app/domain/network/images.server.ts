// The image pipeline of profile photos and organisation logos. An upload is checked by its bytes
// (image-rules.ts), its header is read to refuse a pixel bomb before anything is decoded, then
// sharp decodes it (with its own pixel limit as a second guard), turns it upright from its EXIF
// orientation, resizes it and re-encodes it as WebP — dropping every metadata block (camera, GPS)
// and anything hidden after the image data. Only the re-encoded bytes are stored, in the
// database, so every app node serves the same image.
import { createHash } from "node:crypto";
import sharp, { type Metadata } from "sharp";
import { DomainError } from "~/domain/kernel/errors";
import { isUuid } from "~/domain/kernel/ids";
import { db, type Db, type Tx } from "~/platform/db.server";
import { dimensionsProblem, IMAGE_MESSAGES, MAX_IMAGE_PIXELS, STORED_IMAGE_SIDE, uploadProblem } from "./image-rules";

export interface ProcessedImage {
  contentType: "image/webp";
  bytes: Buffer;
  width: number;
  height: number;
  sha256: string;
}

/** "photo": cropped to a square; "logo": fitted inside the square, transparency kept. */
export type ImageUse = "photo" | "logo";

function refuse(field: string, message: string): never {
  throw new DomainError("VALIDATION", message, { fieldErrors: { [field]: message } });
}

/** Checks and re-encodes an upload; a refusal is a VALIDATION error on `field`. */
export async function processImage(upload: Uint8Array, use: ImageUse, field = use): Promise<ProcessedImage> {
  const problem = uploadProblem(upload.subarray(0, 16), upload.byteLength);
  if (problem) refuse(field, problem);
  const options = { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "error" as const, sequentialRead: true };
  let metadata: Metadata;
  try {
    // Reads the header only (nothing is decoded), so no pixel limit here: the size is judged below.
    metadata = await sharp(upload, { limitInputPixels: false }).metadata();
  } catch {
    refuse(field, IMAGE_MESSAGES.unreadable);
  }
  const sizeProblem = dimensionsProblem(metadata.width, metadata.height);
  if (sizeProblem) refuse(field, sizeProblem);
  try {
    const { data, info } = await sharp(upload, options)
      .rotate()
      .resize(STORED_IMAGE_SIDE, STORED_IMAGE_SIDE, { fit: use === "photo" ? "cover" : "inside", withoutEnlargement: true })
      .webp({ quality: 82, effort: 4 })
      .toBuffer({ resolveWithObject: true });
    return { contentType: "image/webp", bytes: data, width: info.width, height: info.height, sha256: createHash("sha256").update(data).digest("hex") };
  } catch {
    refuse(field, IMAGE_MESSAGES.unreadable);
  }
}

export async function storeImage(client: Tx | Db, image: ProcessedImage): Promise<string> {
  const row = await client.storedImage.create({
    data: { contentType: image.contentType, bytes: new Uint8Array(image.bytes), width: image.width, height: image.height, sha256: image.sha256 },
    select: { id: true },
  });
  return row.id;
}

/** An image with what decides who may see it: the person whose photo it is (and whether they are listed). */
export async function loadImage(id: string) {
  if (!isUuid(id)) return null;
  return db().storedImage.findUnique({
    where: { id },
    select: {
      contentType: true,
      bytes: true,
      sha256: true,
      person: { select: { userId: true, listed: true } },
      organisation: { select: { id: true } },
    },
  });
}
