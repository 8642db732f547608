import { describe, expect, it } from "vitest";
import { z } from "zod";
import { bindFields, formState, replyOf } from "./forms";

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
  });

  it("takes a refused submission only for the form that sent it", () => {
    const refused = { ok: false, formError: "Check the highlighted fields.", fieldErrors: { title: "Too long." }, values: { intent: "rename", title: "x".repeat(300) } };
    expect(replyOf(refused, "create")).toBeNull();
    expect(replyOf(refused, "rename")?.fieldErrors).toEqual({ title: "Too long." });
    expect(replyOf({ ok: true }, "rename")).toBeNull();
    expect(formState(null, { title: "Stored" })).toEqual({ errors: {}, values: { title: "Stored" } });
    expect(formState(replyOf(refused), { title: "Stored" }).values.title).toHaveLength(300);
  });
});
