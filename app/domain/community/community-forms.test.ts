import { describe, expect, it } from "vitest";
import { introductionSchema, losesLastAdmin, roleRequestSchema } from "./community-forms";

describe("the last-admin rule", () => {
  it("refuses only a change that takes away the only admin", () => {
    expect(losesLastAdmin("ADMIN", "MEMBER", 1)).toBe(true);
    expect(losesLastAdmin("ADMIN", null, 1)).toBe(true);
    expect(losesLastAdmin("ADMIN", "MEMBER", 2)).toBe(false);
    expect(losesLastAdmin("ADMIN", "ADMIN", 1)).toBe(false);
    expect(losesLastAdmin("MEMBER", null, 1)).toBe(false);
  });
});

describe("role requests", () => {
  const base = { organisationName: "City of Porto", reason: "I run the city's investment office." };
  it("asks an expert for expertise and an https CV link", () => {
    const missing = roleRequestSchema.safeParse({ ...base, role: "EXPERT" });
    expect(missing.success).toBe(false);
    const paths = missing.error!.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["expertise", "cvUrl"]));
    const http = roleRequestSchema.safeParse({ ...base, role: "EXPERT", expertise: "Mobility", cvUrl: "javascript:alert(1)" });
    expect(http.error!.issues[0].path).toEqual(["cvUrl"]);
    const ok = roleRequestSchema.safeParse({ ...base, role: "EXPERT", expertise: ["Mobility", "Energy"], cvUrl: "https://cv.example/me.pdf" });
    expect(ok.success).toBe(true);
  });
  it("never offers ADMIN or ATTENDEE", () => {
    expect(roleRequestSchema.safeParse({ ...base, role: "ADMIN" }).success).toBe(false);
    expect(roleRequestSchema.safeParse({ ...base, role: "INVESTOR" }).success).toBe(true);
  });
});

describe("introductions", () => {
  it("limits the message length", () => {
    expect(introductionSchema.safeParse({ message: "hi" }).success).toBe(false);
    expect(introductionSchema.safeParse({ message: "x".repeat(601) }).success).toBe(false);
    expect(introductionSchema.safeParse({ message: "We are replicating your e-bus depot next year." }).success).toBe(true);
  });
});
