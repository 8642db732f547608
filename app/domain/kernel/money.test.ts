import { describe, expect, it } from "vitest";
import { parseMoneyInput } from "./money";

describe("parseMoneyInput", () => {
  it("reads euros and cents with a point or a comma, exactly (no floating point)", () => {
    expect(parseMoneyInput("25")).toBe(2500);
    expect(parseMoneyInput(" 25.5 ")).toBe(2550);
    expect(parseMoneyInput("25,05")).toBe(2505);
    expect(parseMoneyInput("0.29")).toBe(29);
    expect(parseMoneyInput("1234567.89")).toBe(123456789);
  });

  it("treats an empty field as 'no amount given' and refuses anything else", () => {
    expect(parseMoneyInput("")).toBeUndefined();
    expect(parseMoneyInput("   ")).toBeUndefined();
    for (const bad of ["-5", "5.555", "1e3", "€5", "five", "5.", ".5", "12345678"]) expect(parseMoneyInput(bad), bad).toBeNull();
  });
});
