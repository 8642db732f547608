// The integrations' part of GDPR export and erasure: the API tokens and webhook endpoints a
// person created (never a token hash or a signing secret), and revoking their tokens when their
// account is erased (a token acts for its creator).
import { db, type Db, type Tx } from "~/platform/db.server";

export async function integrationDataOf(userId: string) {
  const [apiTokens, webhookEndpoints] = await Promise.all([
    db().apiToken.findMany({
      where: { createdById: userId },
      orderBy: { createdAt: "asc" },
      select: { name: true, prefix: true, access: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    }),
    db().webhookEndpoint.findMany({
      where: { createdById: userId },
      orderBy: { createdAt: "asc" },
      select: { url: true, types: true, createdAt: true, disabledAt: true },
    }),
  ]);
  return { apiTokens, webhookEndpoints };
}

export async function revokeIntegrationsOf(tx: Tx | Db, userId: string, now: Date): Promise<void> {
  await tx.apiToken.updateMany({ where: { createdById: userId, revokedAt: null }, data: { revokedAt: now } });
}
