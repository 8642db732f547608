import { describe, expect, it } from "vitest";
import { dimensionsProblem, IMAGE_MESSAGES, MAX_IMAGE_BYTES, sniffImageType, uploadProblem } from "./image-rules";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const WEBP = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50]);

describe("image rules", () => {
  it("reads the type from the first bytes only", () => {
    expect(sniffImageType(PNG)).toBe("image/png");
    expect(sniffImageType(JPEG)).toBe("image/jpeg");
    expect(sniffImageType(WEBP)).toBe("image/webp");
    expect(sniffImageType(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode("GIF89a"))).toBeNull();
    expect(sniffImageType(PNG.slice(0, 4))).toBeNull();
  });

  it("refuses empty, oversized and non-image uploads with a message each", () => {
    expect(uploadProblem(PNG, 0)).toBe(IMAGE_MESSAGES.missing);
    expect(uploadProblem(PNG, MAX_IMAGE_BYTES + 1)).toBe(IMAGE_MESSAGES.tooBig);
    expect(uploadProblem(new TextEncoder().encode("hello"), 5)).toBe(IMAGE_MESSAGES.notImage);
    expect(uploadProblem(PNG, 1000)).toBeNull();
  });

  it("refuses more than 40 megapixels", () => {
    expect(dimensionsProblem(8000, 5000)).toBeNull();
    expect(dimensionsProblem(8000, 5001)).toBe(IMAGE_MESSAGES.tooManyPixels);
    expect(dimensionsProblem(undefined, 10)).toBe(IMAGE_MESSAGES.unreadable);
  });
});
