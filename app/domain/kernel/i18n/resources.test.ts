// Every shipped language says everything English says, nothing more, with the same {{variables}}.
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "./languages";
import { RESOURCES } from "./resources";
import { createT, translate } from "./translate";

function flatten(tree: unknown, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out[path] = value;
    else Object.assign(out, flatten(value, path));
  }
  return out;
}

/** The {{variables}} and the <tags> (react-i18next's Trans) of a message. */
const variables = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}|<\/?(\w+)>/g)].map((match) => match[1] ?? `<${match[0].includes("/") ? "/" : ""}${match[2]}>`).sort();

const english = flatten(RESOURCES.en);

describe.each(LANGUAGES.filter((language) => language !== "en"))("the %s messages", (language) => {
  const messages = flatten(RESOURCES[language]);

  it("have every English key and no other", () => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
  });

  it("use the same {{variables}} and <tags> as English in every message", () => {
    const mismatched = Object.keys(english).filter((key) => JSON.stringify(variables(english[key])) !== JSON.stringify(variables(messages[key] ?? "")));
    expect(mismatched).toEqual([]);
  });

  it("are written out (no empty text)", () => {
    expect(Object.entries(messages).filter(([, text]) => text.trim() === "")).toEqual([]);
  });
});

describe("translate", () => {
  it("fills variables and leaves HTML to the renderer (no double escaping)", () => {
    expect(translate("fr", "emails.registrationConfirmed.subject", { title: "Ateliers <Lyon> & co" })).toBe("Inscription confirmée : Ateliers <Lyon> & co");
  });

  it("answers in English for an unknown or garbage language", () => {
    for (const language of ["xx", "", null, undefined, "../../etc/passwd", "fr-\u0000"]) {
      expect(translate(language as string, "events.page.register")).toBe("Register");
    }
  });

  it("reads regional tags as their language", () => {
    expect(createT("de-AT")("events.page.register")).toBe("Anmelden");
  });
});

describe("the <tags> of every message", () => {
  // Trans parses messages as HTML: a tag named after a void element (<link>, <br>, <img>…) is
  // closed at once, so the text meant to be inside it lands after it — an empty link.
  const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);
  it("are never named after an HTML void element", () => {
    const offending = LANGUAGES.flatMap((language) =>
      Object.entries(flatten(RESOURCES[language])).flatMap(([key, text]) =>
        [...text.matchAll(/<\/?(\w+)>/g)].filter((match) => VOID_ELEMENTS.has(match[1].toLowerCase())).map(() => `${language}: ${key}`),
      ),
    );
    expect(offending).toEqual([]);
  });
});
