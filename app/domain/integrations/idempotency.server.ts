// Idempotent writes (Idempotency-Key, as Stripe and pretix accept it). The key row is inserted
// first inside a transaction that stays open while the write runs, so a concurrent request with
// the same key waits on the primary key until the first one commits, then replays its stored
// answer: one effect, however many retries race. The same key with another body is refused (422).
// A refused write (a DomainError) rolls the key back, so the client may try again.
import { createHash } from "node:crypto";
import { DomainError } from "~/domain/kernel/errors";
import { db } from "~/platform/db.server";

export interface StoredAnswer {
  status: number;
  /** The JSON text of the answer, byte for byte as first sent (jsonb would reorder keys). */
  body: string;
  replayed: boolean;
}

export const IDEMPOTENCY_KEY_SHAPE = /^[\x21-\x7e]{1,200}$/;

export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method} ${path}\n${JSON.stringify(body)}`)
    .digest("hex");
}

export async function idempotent(
  tokenId: string,
  key: string,
  fingerprint: string,
  write: () => Promise<{ status: number; body: string }>,
): Promise<StoredAnswer> {
  if (!IDEMPOTENCY_KEY_SHAPE.test(key))
    throw new DomainError("VALIDATION", "The Idempotency-Key header must be 1–200 visible ASCII characters.", {
      fieldErrors: { "Idempotency-Key": "Use 1–200 visible ASCII characters, e.g. a UUID." },
    });
  return db().$transaction(
    async (tx) => {
      const claimed = await tx.$queryRaw<{ key: string }[]>`
        INSERT INTO "ApiIdempotencyKey" ("tokenId", "key", "requestHash", "status", "body")
        VALUES (${tokenId}::uuid, ${key}, ${fingerprint}, 0, 'null'::jsonb)
        ON CONFLICT ("tokenId", "key") DO NOTHING RETURNING "key"`;
      if (claimed.length === 0) {
        const stored = await tx.apiIdempotencyKey.findUniqueOrThrow({
          where: { tokenId_key: { tokenId, key } },
          select: { requestHash: true, status: true, body: true },
        });
        if (stored.requestHash !== fingerprint)
          throw new DomainError("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was already used for a different request.");
        return { status: stored.status, body: stored.body as string, replayed: true };
      }
      const answer = await write();
      await tx.apiIdempotencyKey.update({ where: { tokenId_key: { tokenId, key } }, data: { status: answer.status, body: answer.body } });
      return { ...answer, replayed: false };
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}

/** Housekeeping: keys are kept a day, as Stripe keeps them. */
export async function pruneIdempotencyKeys(olderThan: Date): Promise<number> {
  const { count } = await db().apiIdempotencyKey.deleteMany({ where: { createdAt: { lt: olderThan } } });
  return count;
}
