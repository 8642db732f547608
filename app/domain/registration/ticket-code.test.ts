import { describe, expect, it } from "vitest";
import { TICKET_CODE_ALPHABET, generateTicketCode, normaliseTicketCode } from "./ticket-code";

describe("ticket codes", () => {
  it("generates grouped codes from the unambiguous alphabet, all different", () => {
    const codes = new Set(Array.from({ length: 2000 }, generateTicketCode));
    expect(codes.size).toBe(2000);
    for (const code of codes) {
      expect(code).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
      for (const c of code.replace("-", "")) expect(TICKET_CODE_ALPHABET).toContain(c);
    }
  });

  it("normalises what a person types or a scanner sends", () => {
    const code = generateTicketCode();
    expect(normaliseTicketCode(code)).toBe(code);
    expect(normaliseTicketCode(` ${code.toLowerCase().replace("-", " ")} `)).toBe(code);
    expect(normaliseTicketCode(code.replace("-", ""))).toBe(code);
  });

  it("refuses things that cannot be a code", () => {
    expect(normaliseTicketCode("")).toBeNull();
    expect(normaliseTicketCode("ABCDE-FGHJ")).toBeNull();
    expect(normaliseTicketCode("ABCDE-FGHJK2")).toBeNull();
    expect(normaliseTicketCode("ABCDE-FGHJ0")).toBeNull(); // 0 is not in the alphabet
    expect(normaliseTicketCode("'; DROP TABLE--")).toBeNull();
  });
});
