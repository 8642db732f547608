import { describe, expect, it } from "vitest";
import { z } from "zod";
import { bindFields } from "./forms";

const form = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create"), title: z.string(), themes: z.array(z.string()) }),
  z.object({ intent: z.literal("rename"), id: z.string(), title: z.preprocess((v) => v, z.string()) }),
]);

describe("binding a form's fields to its schema", () => {
  it("gives every field of every intent its name, error and value", () => {
    const fields = bindFields(form, { errors: { title: "Give it a title." }, values: { title: "Draft", themes: ["MOBILITY"] } });
    expect(Object.keys(fields).sort()).toEqual(["id", "intent", "themes", "title"]);
    expect(fields.title).toEqual({ name: "title", error: "Give it a title.", defaultValue: "Draft" });
    expect(fields.themes).toEqual({ name: "themes", error: undefined, defaultValue: ["MOBILITY"] });
    expect(fields.id).toEqual({ name: "id", error: undefined, defaultValue: undefined });
  });

  it("reads the fields through a preprocessing step", () => {
    const defaulted = z.preprocess((raw) => raw, z.object({ message: z.string().optional() }));
    expect(bindFields(defaulted, { values: { message: "Postponed" } }).message).toEqual({ name: "message", error: undefined, defaultValue: "Postponed" });
  });
});
