// What an uploaded photo or logo must be, decided before any decoder runs: its type is read from
// its first bytes (never from its name or the browser's Content-Type), its size is capped in bytes
// and, once its header is read, in pixels — a small file can claim a huge canvas ("pixel bomb").
// Pure, so the rules are tested on their own; images.server.ts applies them with sharp.

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_IMAGE_PIXELS = 40_000_000;
/** The longest side a stored image keeps (photos are cropped square to it, logos fit inside it). */
export const STORED_IMAGE_SIDE = 512;

export type ImageType = "image/png" | "image/jpeg" | "image/webp";

export const IMAGE_MESSAGES = {
  missing: "Choose an image file to upload.",
  notImage: "That file is not a PNG, JPEG or WebP image.",
  tooBig: `That image is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB. Choose a smaller one.`,
  tooManyPixels: `That image is larger than ${MAX_IMAGE_PIXELS / 1_000_000} megapixels. Choose a smaller one.`,
  unreadable: "That image could not be read. It may be damaged; try another file.",
} as const;

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

/** The image type the bytes begin with, or null when they are not an accepted image. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  // "RIFF" <size> "WEBP"
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}

/** Why an upload of `byteLength` bytes beginning with `head` is refused before decoding, or null. */
export function uploadProblem(head: Uint8Array, byteLength: number): string | null {
  if (byteLength === 0) return IMAGE_MESSAGES.missing;
  if (byteLength > MAX_IMAGE_BYTES) return IMAGE_MESSAGES.tooBig;
  if (!sniffImageType(head)) return IMAGE_MESSAGES.notImage;
  return null;
}

/** Why a decoded header of width × height is refused, or null. */
export function dimensionsProblem(width: number | undefined, height: number | undefined): string | null {
  if (!width || !height) return IMAGE_MESSAGES.unreadable;
  if (width * height > MAX_IMAGE_PIXELS) return IMAGE_MESSAGES.tooManyPixels;
  return null;
}
