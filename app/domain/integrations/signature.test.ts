import { describe, expect, it } from "vitest";
import { newWebhookSecret, signatureHeader, verifySignature } from "./signature";

describe("webhook signatures", () => {
  const secret = newWebhookSecret();
  const body = JSON.stringify({ type: "registration.confirmed", data: { registrationId: "r1" } });
  const now = new Date("2026-06-01T10:00:00Z");

  it("verify what they sign, over the timestamp and the body", () => {
    const header = signatureHeader(secret, body, now);
    expect(header).toMatch(/^t=1780308000,v1=[0-9a-f]{64}$/);
    expect(verifySignature(header, secret, body, 300, now)).toBe(true);
  });

  it("refuse another body, another secret, a moved timestamp and an old delivery", () => {
    const header = signatureHeader(secret, body, now);
    expect(verifySignature(header, secret, `${body} `, 300, now)).toBe(false);
    expect(verifySignature(header, newWebhookSecret(), body, 300, now)).toBe(false);
    expect(verifySignature(header.replace("t=1780308000", "t=1780308001"), secret, body, 300, now)).toBe(false);
    expect(verifySignature(header, secret, body, 300, new Date(now.getTime() + 301_000))).toBe(false);
    expect(verifySignature(null, secret, body)).toBe(false);
    expect(verifySignature("v1=abc", secret, body, 300, now)).toBe(false);
  });
});
