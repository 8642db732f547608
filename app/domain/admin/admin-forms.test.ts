import { describe, expect, it } from "vitest";
import { barShares, organisationFieldsSchema } from "./admin-forms";

describe("admin forms", () => {
  it("scales bars to the largest value, and an all-zero chart to nothing", () => {
    expect(barShares([2, 4, 0])).toEqual([0.5, 1, 0]);
    expect(barShares([0, 0])).toEqual([0, 0]);
  });
  it("normalises an organisation's slug and country, and refuses a javascript: website", () => {
    const ok = organisationFieldsSchema.parse({ name: "City of Porto", slug: " City-Of-Porto ", kind: "LIGHTHOUSE_CITY", country: "pt", website: "" });
    expect(ok).toMatchObject({ slug: "city-of-porto", country: "PT", website: null });
    const bad = organisationFieldsSchema.safeParse({ name: "X Y", slug: "a b", kind: "CITY", country: "Portugal", website: "javascript:alert(1)" });
    expect(bad.error!.issues.map((i) => i.path[0]).sort()).toEqual(["country", "kind", "slug", "website"]);
  });
});
