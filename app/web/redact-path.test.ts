import { describe, expect, it } from "vitest";
import { generateFeedToken } from "~/domain/calendar/feed-token";
import { redactPath } from "./redact-path";

describe("redactPath", () => {
  const { token } = generateFeedToken();

  it("redacts the token of a personal calendar feed URL", () => {
    const path = `/feeds/${token}.ics`;
    expect(redactPath(path)).toBe("/feeds/[redacted]");
    expect(redactPath(path)).not.toContain(token);
  });

  it("redacts whatever form the router would still match: case, repeated slashes, percent-escapes", () => {
    for (const path of [
      `/FEEDS/${token}.ics`,
      `/Feeds//${token}.ics`,
      `/%66eeds/${token}.ics`,
      `/feeds/${token}.ics/`,
      `/feeds/${encodeURIComponent(token)}%2Eics`,
    ]) {
      expect(redactPath(path), path).not.toContain(token);
      expect(redactPath(path).toLowerCase()).toContain("[redacted]");
    }
  });

  it("drops query strings and fragments, which may carry tokens too", () => {
    expect(redactPath(`/feeds/${token}.ics?token=${token}`)).toBe("/feeds/[redacted]");
    expect(redactPath(`/account/calendar?x=${token}`)).toBe("/account/calendar");
    expect(redactPath(`/events/a#${token}`)).toBe("/events/a");
  });

  it("keeps the other secret segments redacted and ordinary paths intact", () => {
    expect(redactPath("/c/TICKET-CODE-123")).toBe("/c/[redacted]");
    expect(redactPath("/calendar/feed/abc")).toBe("/calendar/feed/[redacted]");
    expect(redactPath("/events/positive-energy-districts-workshop-vienna/feed.ics")).toBe("/events/positive-energy-districts-workshop-vienna/feed.ics");
    expect(redactPath("/account/calendar")).toBe("/account/calendar");
  });

  it("survives malformed percent-escapes", () => {
    expect(redactPath(`/feeds/${token}%E0%A4%A.ics`)).toBe("/feeds/[redacted]");
    expect(redactPath("/events/%E0%A4%A")).toBe("/events/%E0%A4%A");
  });
});
