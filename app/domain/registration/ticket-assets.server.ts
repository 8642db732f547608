// What a ticket is made of besides its row: the QR code (PNG for emails, SVG for pages). Its
// calendar entry is the calendar capability's (calendar/invitations.server.ts).
import QRCode from "qrcode";
import { qrMatrixToPng } from "./qr-png";

export async function ticketQrPng(ticketCode: string): Promise<Buffer> {
  // 8 px per module (crisp, ~200 px wide), encoded as a 1-bit PNG (see qr-png.ts).
  const qr = QRCode.create(ticketCode, { errorCorrectionLevel: "M" });
  return qrMatrixToPng({ size: qr.modules.size, get: (row, col) => qr.modules.get(row, col) }, 8, 2);
}

export async function ticketQrSvg(ticketCode: string): Promise<string> {
  return QRCode.toString(ticketCode, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}
