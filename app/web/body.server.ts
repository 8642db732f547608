// Request bodies with a size limit that also holds for chunked uploads (which carry no
// Content-Length). The server has already read the body within its global cap
// (server/request-hygiene.ts), so this only enforces a route's lower limit.

/** Reads the body as raw bytes; null when it is larger than `limit`. */
export async function readBodyWithin(request: Request, limit: number): Promise<Buffer | null> {
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) return null;
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
