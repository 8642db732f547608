import { describe, expect, it } from "vitest";
import { parseCatalogueFilters } from "./catalogue";
import { countryName } from "~/domain/kernel/vocabulary";

describe("parseCatalogueFilters", () => {
  it("keeps valid filters and normalises the country", () => {
    const filters = parseCatalogueFilters(new URLSearchParams("kind=WEBINAR&theme=MOBILITY&country=pt&from=2026-01-01&q=grid"));
    expect(filters).toEqual({ kind: "WEBINAR", theme: "MOBILITY", country: "PT", from: "2026-01-01", to: undefined, q: "grid", past: false });
  });

  it("drops junk instead of failing, so old links keep working", () => {
    const filters = parseCatalogueFilters(new URLSearchParams("kind=PARTY&theme=&country=Portugal&from=2026-13-45&q="));
    expect(filters).toEqual({ kind: undefined, theme: undefined, country: undefined, from: undefined, to: undefined, q: undefined, past: false });
  });

  it("names countries", () => {
    expect(countryName("FI")).toBe("Finland");
    expect(countryName(null)).toBe("");
  });
});
