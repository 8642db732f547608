import { describe, expect, it } from "vitest";
import { csrfCookieName } from "./csrf";

describe("csrfCookieName", () => {
  it("uses the __Host- prefix over https, so only this exact origin can set the token", () => {
    expect(csrfCookieName(true)).toBe("__Host-scale_csrf");
    expect(csrfCookieName(false)).toBe("scale_csrf");
  });
});
