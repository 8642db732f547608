// The ticket's QR code as its page shows it (SVG). In emails it is a PNG drawn when the email is
// sent (notifications/attachments.ts); its calendar entry is the calendar capability's
// (calendar/invitations.server.ts).
import QRCode from "qrcode";

export async function ticketQrSvg(ticketCode: string): Promise<string> {
  return QRCode.toString(ticketCode, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}
