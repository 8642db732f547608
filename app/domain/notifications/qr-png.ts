// A QR code as a 1-bit greyscale PNG, encoded directly: the QR matrix is already black and
// white, so each module becomes `scale`×`scale` pixels of one bit, with no colour conversion
// and no filter search — about a tenth of the time of a general-purpose PNG encoder, which
// matters when every confirmed registration carries its ticket.
import { crc32, deflateSync } from "node:zlib";
import QRCode from "qrcode";

export interface QrMatrix {
  size: number;
  /** size × size, row-major; truthy = dark module. */
  get(row: number, col: number): boolean | number;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)) >>> 0, 8 + data.length);
  return out;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** PNG bytes of the matrix with a quiet zone of `margin` modules, `scale` pixels per module. */
export function qrMatrixToPng(matrix: QrMatrix, scale = 8, margin = 2): Buffer {
  const modules = matrix.size + 2 * margin;
  const width = modules * scale;
  const rowBytes = Math.ceil(width / 8);
  const raw = Buffer.alloc((rowBytes + 1) * width); // filter byte 0 (None) + bits, per row
  for (let my = 0; my < modules; my++) {
    const line = Buffer.alloc(rowBytes, 0xff); // white (1) by default
    for (let mx = 0; mx < modules; mx++) {
      const r = my - margin;
      const c = mx - margin;
      const dark = r >= 0 && c >= 0 && r < matrix.size && c < matrix.size && Boolean(matrix.get(r, c));
      if (!dark) continue;
      for (let px = mx * scale; px < (mx + 1) * scale; px++) line[px >> 3] &= ~(0x80 >> (px & 7));
    }
    for (let k = 0; k < scale; k++) line.copy(raw, (my * scale + k) * (rowBytes + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(width, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([SIGNATURE, chunk("IHDR", header), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

/** A QR code of `text` (error correction M) as a PNG: 8 px per module, ~200 px wide, crisp when printed. */
export function qrCodePng(text: string): Buffer {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  return qrMatrixToPng({ size: qr.modules.size, get: (row, col) => qr.modules.get(row, col) }, 8, 2);
}
