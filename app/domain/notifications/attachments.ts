// What an outbox email carries besides its text. Most attachments are stored as their bytes
// (base64). A QR code is stored as the text it encodes and drawn when the email is sent (or an
// admin downloads it): drawing it costs more than the rest of a registration's email, and the
// person registering should not wait for what the mail worker can do later at SMTP pace.
import { z } from "zod";
import { qrCodePng } from "./qr-png";

const storedBytes = z.object({ filename: z.string(), contentType: z.string(), content: z.string() });
const drawnQrCode = z.object({ filename: z.string(), contentType: z.literal("image/png"), qrCode: z.string().min(1).max(2000) });
const storedAttachment = z.union([storedBytes, drawnQrCode]);

export type EmailAttachment = z.infer<typeof storedAttachment>;

/** The valid attachments of a stored row (anything else in the JSON is ignored, never sent). */
export function attachmentsOf(value: unknown): EmailAttachment[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = storedAttachment.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The attachment's bytes, drawing it if it is stored as a recipe. */
export function attachmentBytes(attachment: EmailAttachment): Buffer {
  return "qrCode" in attachment ? qrCodePng(attachment.qrCode) : Buffer.from(attachment.content, "base64");
}
