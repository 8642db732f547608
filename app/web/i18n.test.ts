import { describe, expect, it } from "vitest";
import { chooseLanguage, languageHeaders } from "./i18n.server";

describe("chooseLanguage", () => {
  it("follows ?lang, then the account, then the cookie, then Accept-Language, then English", () => {
    const all = { query: "pl", account: "de", cookie: "fr", acceptLanguage: "es" };
    expect(chooseLanguage(all)).toBe("pl");
    expect(chooseLanguage({ ...all, query: null })).toBe("de");
    expect(chooseLanguage({ ...all, query: null, account: null })).toBe("fr");
    expect(chooseLanguage({ ...all, query: null, account: null, cookie: null })).toBe("es");
    expect(chooseLanguage({})).toBe("en");
  });

  it("passes over a value it cannot use to the next source, never failing", () => {
    expect(chooseLanguage({ query: "xx", account: "klingon", cookie: "it" })).toBe("it");
    expect(chooseLanguage({ query: "", cookie: "%00", acceptLanguage: "pt-BR;q=0.5, zz" })).toBe("pt");
    expect(chooseLanguage({ cookie: "<script>", acceptLanguage: ";;;" })).toBe("en");
  });
});

describe("languageHeaders", () => {
  it("names the language and adds Cookie and Accept-Language to Vary once", () => {
    const headers = new Headers({ Vary: "Accept-Encoding, cookie" });
    languageHeaders(headers, "fr");
    languageHeaders(headers, "fr");
    expect(headers.get("Content-Language")).toBe("fr");
    expect(headers.get("Vary")).toBe("Accept-Encoding, cookie, Accept-Language");
  });
});
