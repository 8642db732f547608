import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateFeedToken, hashFeedToken, isWellFormedFeedToken } from "./feed-token";

describe("feed tokens", () => {
  it("carry at least 128 random bits as URL-safe base64", () => {
    const { token } = generateFeedToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    expect(isWellFormedFeedToken(token)).toBe(true);
  });

  it("are different every time", () => {
    const tokens = new Set(Array.from({ length: 200 }, () => generateFeedToken().token));
    expect(tokens.size).toBe(200);
  });

  it("are stored only as their SHA-256 hex, which hashFeedToken reproduces", () => {
    const { token, tokenHash } = generateFeedToken();
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).not.toContain(token);
    expect(hashFeedToken(token)).toBe(tokenHash);
    expect(tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hashFeedToken(`${token}x`)).not.toBe(tokenHash);
  });

  it("reject obviously malformed candidates before any lookup", () => {
    for (const bad of ["", "short", `${"a".repeat(43)}=`, "a".repeat(44), `${"a".repeat(42)}/`]) {
      expect(isWellFormedFeedToken(bad)).toBe(false);
    }
  });
});
