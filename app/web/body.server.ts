// Request bodies with a hard size limit that also holds for chunked uploads (which carry no
// Content-Length for the Express guard to check).

/**
 * Reads the body as raw bytes, keeping at most `limit`; null when it is larger. Past the limit
 * the rest is drained and dropped, so the sender gets a clean 413 rather than a reset, up to a
 * hard stop of eight times the limit, after which reading stops and the connection is cut.
 */
export async function readBodyWithin(request: Request, limit: number): Promise<Buffer | null> {
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit * 8) {
      await reader.cancel();
      return null;
    }
    if (size <= limit) chunks.push(value);
  }
  return size > limit ? null : Buffer.concat(chunks);
}
