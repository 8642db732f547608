import { describe, expect, it } from "vitest";
import { questionFormSchema, ticketTypeData, ticketTypeFormSchema } from "./organiser-input";
import { parsePriceCents } from "~/domain/kernel/money";

describe("ticket type form", () => {
  it("reads prices in euros", () => {
    expect(parsePriceCents("")).toBe(0);
    expect(parsePriceCents("45")).toBe(4500);
    expect(parsePriceCents("45,5")).toBe(4550);
    expect(parsePriceCents("€ 12.05")).toBe(1205);
    expect(parsePriceCents("-3")).toBeNull();
    expect(parsePriceCents("1.234")).toBeNull();
  });

  it("turns a valid form into columns, local times read in the event zone (DST aware)", () => {
    const parsed = ticketTypeFormSchema.parse({
      name: " Study visit ",
      price: "45",
      capacity: "25",
      salesStartAt: "2026-03-29T01:30",
      salesEndAt: "2026-03-29T03:30",
      perPersonLimit: "1",
      requiresApproval: "on",
      paymentMethods: ["INVOICE", "INVOICE"],
      refundUntilHours: "72",
    });
    const data = ticketTypeData(parsed, "Europe/Vienna");
    expect(data).toMatchObject({
      name: "Study visit",
      priceCents: 4500,
      capacity: 25,
      requiresApproval: true,
      hidden: false,
      paymentMethods: ["INVOICE"],
      refundUntilHours: 72,
    });
    expect(data.salesStartAt?.toISOString()).toBe("2026-03-29T00:30:00.000Z"); // CET
    expect(data.salesEndAt?.toISOString()).toBe("2026-03-29T01:30:00.000Z"); // CEST
  });

  it("refuses hidden tickets without a code, priced tickets without a way to pay, bad numbers", () => {
    const result = ticketTypeFormSchema.safeParse({ name: "VIP", price: "10", hidden: "on", capacity: "-1", refundUntilHours: "x" });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["capacity", "refundUntilHours"]));
    const second = ticketTypeFormSchema.safeParse({ name: "VIP", price: "10", hidden: "on" });
    expect(second.error!.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["accessCode", "paymentMethods"]));
  });

  it("refuses access codes shorter than six characters, with a message on the field", () => {
    const base = { name: "Partners", price: "", hidden: "on" };
    const short = ticketTypeFormSchema.safeParse({ ...base, accessCode: " abc12 " });
    expect(short.success).toBe(false);
    expect(short.error!.issues).toEqual([
      expect.objectContaining({ path: ["accessCode"], message: "Use at least 6 characters, so the code cannot be guessed." }),
    ]);
    expect(ticketTypeFormSchema.parse({ ...base, accessCode: " abc123 " }).accessCode).toBe("abc123");
    // No code at all stays allowed for visible tickets.
    expect(ticketTypeFormSchema.parse({ name: "Open", price: "", accessCode: "" }).accessCode).toBeNull();
  });
});

describe("question form", () => {
  it("keeps options only for choices and needs two of them", () => {
    expect(questionFormSchema.parse({ label: "Diet", kind: "SINGLE_CHOICE", options: "None\nVegan\n\nVegan " })).toEqual({
      label: "Diet",
      kind: "SINGLE_CHOICE",
      options: ["None", "Vegan"],
      required: false,
    });
    expect(questionFormSchema.parse({ label: "Org", kind: "SHORT_TEXT", options: "x\ny", required: "on" })).toEqual({
      label: "Org",
      kind: "SHORT_TEXT",
      options: [],
      required: true,
    });
    expect(questionFormSchema.safeParse({ label: "Diet", kind: "MULTIPLE_CHOICE", options: "Only one" }).success).toBe(false);
    expect(questionFormSchema.safeParse({ label: "", kind: "NOPE" }).success).toBe(false);
  });
});
