import { describe, expect, it } from "vitest";
import { organisationFieldsSchema } from "./admin-forms";

describe("admin forms", () => {
  it("normalises an organisation's slug and country, and refuses a javascript: website", () => {
    const ok = organisationFieldsSchema.parse({ name: "City of Porto", slug: " City-Of-Porto ", kind: "LIGHTHOUSE_CITY", country: "pt", website: "" });
    expect(ok).toMatchObject({ slug: "city-of-porto", country: "PT", website: null });
    const bad = organisationFieldsSchema.safeParse({ name: "X Y", slug: "a b", kind: "CITY", country: "Portugal", website: "javascript:alert(1)" });
    expect(bad.error!.issues.map((i) => i.path[0]).sort()).toEqual(["country", "kind", "slug", "website"]);
  });
});
