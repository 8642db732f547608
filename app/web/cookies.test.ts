import { describe, expect, it } from "vitest";
import { cleanCookieHeader, readCookie } from "./cookies";

describe("readCookie", () => {
  it("decodes a value and never throws on a malformed one", () => {
    expect(readCookie("a=1; scale_csrf=abc%2Bdef", "scale_csrf")).toBe("abc+def");
    expect(readCookie("scale_csrf=%E0%A4%A", "scale_csrf")).toBeNull();
    expect(readCookie(undefined, "scale_csrf")).toBeNull();
    expect(readCookie("other=1", "scale_csrf")).toBeNull();
  });
});

describe("cleanCookieHeader", () => {
  it("keeps decodable pairs and names the dropped ones", () => {
    expect(cleanCookieHeader("a=1; b=%ZZ; c=%00; d e=2; f=x%20y")).toEqual({ header: "a=1; f=x%20y", dropped: ["b", "c", "d?e"] });
    expect(cleanCookieHeader("a=1; b=2")).toEqual({ header: "a=1; b=2", dropped: [] });
  });
});
