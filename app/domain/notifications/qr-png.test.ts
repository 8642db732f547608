import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { qrMatrixToPng } from "./qr-png";

describe("qrMatrixToPng", () => {
  it("writes a valid 1-bit greyscale PNG whose pixels are the modules, with a quiet zone", () => {
    // A 3×3 matrix with a diagonal.
    const matrix = { size: 3, get: (r: number, c: number) => r === c };
    const png = qrMatrixToPng(matrix, 2, 1);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
    const width = png.readUInt32BE(16);
    expect(width).toBe((3 + 2) * 2);
    expect(png.readUInt32BE(20)).toBe(width);
    expect([png[24], png[25]]).toEqual([1, 0]);
    const idatLength = png.readUInt32BE(33);
    expect(png.subarray(37, 41).toString("latin1")).toBe("IDAT");
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    const rowBytes = Math.ceil(width / 8) + 1;
    const pixel = (x: number, y: number) => ((raw[y * rowBytes + 1 + (x >> 3)] >> (7 - (x & 7))) & 1) === 0; // 0 = black
    for (let y = 0; y < width; y++) {
      for (let x = 0; x < width; x++) {
        const mr = Math.floor(y / 2) - 1;
        const mc = Math.floor(x / 2) - 1;
        const dark = mr >= 0 && mc >= 0 && mr < 3 && mc < 3 && mr === mc;
        expect(pixel(x, y), `${x},${y}`).toBe(dark);
      }
    }
    expect(png.subarray(png.length - 8, png.length - 4).toString("latin1")).toBe("IEND");
  });
});
