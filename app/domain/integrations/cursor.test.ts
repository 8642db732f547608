import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, pageFrom } from "./cursor";

const id = "3f1c2a9e-8d4b-4c1e-9a57-0b6f3e2d1c4a";

describe("cursors", () => {
  it("round-trips a position", () => {
    const at = new Date("2026-05-01T10:00:00.123Z");
    expect(decodeCursor(encodeCursor({ at, id }))).toEqual({ at, id });
  });

  it("refuses cursors it did not issue with a field error", () => {
    for (const bad of [
      "%%%",
      "abc",
      Buffer.from(`2026-01-01T00:00:00.000Z|not-an-id`).toString("base64url"),
      Buffer.from(`yesterday|${id}`).toString("base64url"),
    ]) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ code: "VALIDATION", fieldErrors: { cursor: expect.any(String) } }));
    }
  });

  it("has no next page when the rows fit", () => {
    const rows = [{ id, at: new Date(0) }];
    expect(pageFrom(rows, 1, (row) => row.at)).toEqual({ rows, next: null });
    expect(pageFrom([...rows, { id, at: new Date(1) }], 1, (row) => row.at).next).toBe(encodeCursor({ at: new Date(0), id }));
  });
});
