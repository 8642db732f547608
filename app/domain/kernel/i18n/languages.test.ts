import { describe, expect, it } from "vitest";
import { intlLocale, parseAcceptLanguage, toLanguage } from "./languages";

describe("toLanguage", () => {
  it("takes the primary subtag of shipped languages, in any case", () => {
    expect(toLanguage("fr")).toBe("fr");
    expect(toLanguage("PT-br")).toBe("pt");
    expect(toLanguage("pl_PL")).toBe("pl");
  });

  it("refuses anything else without throwing", () => {
    for (const value of ["xx", "", "  ", "english", "nl-NL", 42, null, undefined, {}, "f".repeat(10_000), "fr\u202e"]) expect(toLanguage(value)).toBeNull();
  });
});

describe("parseAcceptLanguage", () => {
  it("picks the highest q-value among shipped languages", () => {
    expect(parseAcceptLanguage("nl-NL,nl;q=0.9,de;q=0.5,fr;q=0.7")).toBe("fr");
    expect(parseAcceptLanguage("en-US,en;q=0.9")).toBe("en");
    expect(parseAcceptLanguage("es-ES")).toBe("es");
  });

  it("keeps the header's order on equal weights and treats a missing q as 1", () => {
    expect(parseAcceptLanguage("it;q=0.8, pl;q=0.8")).toBe("it");
    expect(parseAcceptLanguage("de;q=0.9, pt")).toBe("pt");
  });

  it("honours q=0 as a refusal, even when the language appears again", () => {
    expect(parseAcceptLanguage("fr;q=0, fr-CA, de;q=0.1")).toBe("de");
  });

  it("skips garbage, wildcards and malformed weights", () => {
    expect(parseAcceptLanguage("*")).toBeNull();
    expect(parseAcceptLanguage("fr;q=abc, es;q=0.4")).toBe("es");
    expect(parseAcceptLanguage("fr;q=2")).toBeNull();
    expect(parseAcceptLanguage(";;;,,,=")).toBeNull();
    expect(parseAcceptLanguage("<script>alert(1)</script>")).toBeNull();
    expect(parseAcceptLanguage("x".repeat(100_000))).toBeNull();
    expect(parseAcceptLanguage(undefined)).toBeNull();
  });
});

describe("intlLocale", () => {
  it("gives a full Intl locale per language (English: day first, 24 hours)", () => {
    expect(intlLocale("en")).toBe("en-GB");
    expect(intlLocale("fr")).toBe("fr-FR");
  });
});
