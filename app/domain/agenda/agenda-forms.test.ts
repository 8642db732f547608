import { describe, expect, it } from "vitest";
import { agendaEditorForm } from "./agenda-forms";

const parse = (raw: Record<string, unknown>) => agendaEditorForm.safeParse(raw);

describe("the agenda editor's forms", () => {
  it("refuses an unknown or missing intent with one message", () => {
    for (const raw of [{ intent: "drop-tables" }, {}, { intent: ["create", "publish"] }]) {
      const parsed = parse(raw);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["intent", "Unknown action."]]);
    }
  });

  it("reads a move as the timetable sends it: a version, exact instants, maybe a column", () => {
    expect(parse({ intent: "move", sessionId: "s", version: "3", startsAt: "2026-06-10T08:00:00.000Z", roomId: "" }).data).toEqual({
      intent: "move",
      sessionId: "s",
      version: 3,
      startsAt: new Date("2026-06-10T08:00:00.000Z"),
      endsAt: undefined,
      roomId: null,
      trackId: undefined,
    });
    // A version that is not a whole number matches no row: the domain then says it changed.
    expect(parse({ intent: "cancel", sessionId: "s", version: "two" }).data).toEqual({ intent: "cancel", sessionId: "s", version: -1 });
    expect(parse({ intent: "restore" }).data).toEqual({ intent: "restore", sessionId: "", version: -1 });
  });

  it("keeps the session form's fields for the domain's rules: first value of a field, lists as lists", () => {
    const created = parse({ intent: "create", title: ["One", "Two"], themes: "MOBILITY", speakerIds: ["a", "b"] }).data;
    expect(created).not.toHaveProperty("format");
    expect(created).toMatchObject({
      intent: "create",
      title: "One",
      themes: ["MOBILITY"],
      speakerIds: ["a", "b"],
    });
    expect(parse({ intent: "update", sessionId: "s" }).data).toMatchObject({ sessionId: "s", speakerIds: [], themes: [] });
  });

  it("reads the sessions of a conflict as id:version pairs, dropping malformed ones", () => {
    expect(parse({ intent: "accept", sessions: ["a:1", "b:x", ":2", "c:0"] }).data).toEqual({
      intent: "accept",
      sessions: [
        { id: "a", version: 1 },
        { id: "c", version: 0 },
      ],
    });
    expect(parse({ intent: "unaccept" }).data).toEqual({ intent: "unaccept", sessions: [] });
  });
});
