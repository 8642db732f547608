// The integrations' part of GDPR: the export lists a person's tokens and webhook endpoints
// without any secret, and erasing the account revokes their tokens (a token acts for its creator).
import { describe, expect, it } from "vitest";
import { authenticateApiToken } from "~/domain/integrations/api-tokens.server";
import { createWebhookEndpoint } from "~/domain/integrations/webhooks.server";
import { eraseAccount } from "~/domain/privacy/erasure.server";
import { exportPersonalData } from "~/domain/privacy/export.server";
import { db } from "~/platform/db.server";
import { resetEnvForTests } from "~/platform/env.server";
import { makeIntegrationScene } from "./fixtures";

describe("integrations and personal data", () => {
  it("exports tokens and endpoints without secrets, and erasure revokes the person's tokens", async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "true";
    resetEnvForTests();
    const scene = await makeIntegrationScene();
    const { secret } = await createWebhookEndpoint(
      { id: scene.alice.id, roles: ["ORGANISER"] },
      { url: "http://127.0.0.1:9/hook", types: ["checkin.created"], scope: { eventId: scene.a1.id, organisationId: null } },
    );
    delete process.env.WEBHOOK_ALLOW_PRIVATE_URLS;
    resetEnvForTests();
    const exported = await exportPersonalData(scene.alice.id);
    expect(exported.integrations.apiTokens).toHaveLength(3);
    expect(exported.integrations.webhookEndpoints).toEqual([expect.objectContaining({ url: "http://127.0.0.1:9/hook", types: ["checkin.created"] })]);
    const text = JSON.stringify(exported);
    expect(text).not.toContain(secret);
    for (const token of [scene.tokens.a1Read, scene.tokens.a1Write, scene.tokens.orgARead]) expect(text).not.toContain(token.slice(10));
    expect(text).not.toContain("tokenHash");

    await expect(authenticateApiToken(scene.tokens.a1Read, 1000)).resolves.toMatchObject({ access: "READ" });
    await eraseAccount(scene.alice.id);
    await expect(authenticateApiToken(scene.tokens.a1Read, 1000)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db().apiToken.count({ where: { createdById: scene.alice.id, revokedAt: null } })).toBe(0);
    // Bob's tokens are untouched.
    await expect(authenticateApiToken(scene.tokens.b1Write, 1000)).resolves.toMatchObject({ access: "READ_WRITE" });
  });
});
