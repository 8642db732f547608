import { describe, expect, it } from "vitest";
import { LONG_TEXT_MAX_LENGTH, SHORT_TEXT_MAX_LENGTH, answerFieldName, buildAnswersSchema, parseAnswers, type RegistrationQuestionRule } from "./answers";

const organisation: RegistrationQuestionRule = { id: "q-org", label: "Your organisation", kind: "SHORT_TEXT", options: [], required: true };
const motivation: RegistrationQuestionRule = { id: "q-why", label: "Why do you come?", kind: "LONG_TEXT", options: [], required: false };
const dietary: RegistrationQuestionRule = {
  id: "q-diet",
  label: "Dietary needs",
  kind: "SINGLE_CHOICE",
  options: ["None", "Vegetarian", "Vegan"],
  required: true,
};
const workshops: RegistrationQuestionRule = {
  id: "q-ws",
  label: "Workshops",
  kind: "MULTIPLE_CHOICE",
  options: ["Mobility", "Energy", "Data platforms"],
  required: false,
};
const consent: RegistrationQuestionRule = {
  id: "q-consent",
  label: "I agree to the privacy notice",
  kind: "CHECKBOX",
  options: [],
  required: true,
};
const newsletter: RegistrationQuestionRule = { id: "q-news", label: "Send me the newsletter", kind: "CHECKBOX", options: [], required: false };

const allQuestions = [organisation, motivation, dietary, workshops, consent, newsletter];

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

const validEntries: [string, string][] = [
  ["answer.q-org", "City of Lisbon"],
  ["answer.q-diet", "Vegan"],
  ["answer.q-consent", "on"],
];

describe("parseAnswers: a complete, valid submission", () => {
  it("returns the answers in question order, with checkboxes always answered", () => {
    const result = parseAnswers(allQuestions, form(validEntries));
    expect(result).toEqual({
      ok: true,
      answers: [
        { questionId: "q-org", value: "City of Lisbon" },
        { questionId: "q-diet", value: "Vegan" },
        { questionId: "q-consent", value: true },
        { questionId: "q-news", value: false },
      ],
    });
  });

  it("accepts URLSearchParams and plain objects as well as FormData", () => {
    const params = new URLSearchParams(validEntries);
    expect(parseAnswers(allQuestions, params).ok).toBe(true);
    const plain = { "answer.q-org": "City of Lisbon", "answer.q-diet": "Vegan", "answer.q-consent": true, "answer.q-ws": ["Energy"] };
    const result = parseAnswers(allQuestions, plain);
    expect(result.ok && result.answers.find((a) => a.questionId === "q-ws")?.value).toEqual(["Energy"]);
  });

  it("works with no questions at all", () => {
    expect(parseAnswers([], form([]))).toEqual({ ok: true, answers: [] });
  });

  it("ignores answers to questions the event does not have (tampered ids)", () => {
    const result = parseAnswers(allQuestions, form([...validEntries, ["answer.not-a-question", "x"], ["email", "a@b.eu"]]));
    expect(result.ok && result.answers.map((a) => a.questionId)).toEqual(["q-org", "q-diet", "q-consent", "q-news"]);
  });
});

describe("text questions", () => {
  it("asks for a required answer that is missing, empty or only whitespace", () => {
    for (const entries of [[], [["answer.q-org", ""]], [["answer.q-org", "  \n\t "]]] as [string, string][][]) {
      const result = parseAnswers([organisation], form(entries));
      expect(result).toEqual({ ok: false, fieldErrors: { "answer.q-org": "Please answer “Your organisation”" } });
    }
  });

  it("trims surrounding whitespace and keeps inner line breaks as LF", () => {
    const result = parseAnswers([motivation], form([["answer.q-why", "  Line one\r\nLine two  "]]));
    expect(result).toEqual({ ok: true, answers: [{ questionId: "q-why", value: "Line one\nLine two" }] });
  });

  it("leaves out an optional text question left blank", () => {
    expect(parseAnswers([motivation], form([["answer.q-why", "   "]]))).toEqual({ ok: true, answers: [] });
  });

  it("drops NUL characters, which PostgreSQL jsonb cannot store", () => {
    const result = parseAnswers([organisation], form([["answer.q-org", "Ghent\u0000 University"]]));
    expect(result).toEqual({ ok: true, answers: [{ questionId: "q-org", value: "Ghent University" }] });
  });

  it("uses the first non-blank value when a text field is repeated", () => {
    const result = parseAnswers(
      [organisation],
      form([
        ["answer.q-org", " "],
        ["answer.q-org", "Porto"],
        ["answer.q-org", "Oslo"],
      ]),
    );
    expect(result).toEqual({ ok: true, answers: [{ questionId: "q-org", value: "Porto" }] });
  });

  it(`limits short text to ${SHORT_TEXT_MAX_LENGTH} characters, exactly`, () => {
    const atLimit = parseAnswers([organisation], form([["answer.q-org", "a".repeat(SHORT_TEXT_MAX_LENGTH)]]));
    expect(atLimit.ok).toBe(true);
    const over = parseAnswers([organisation], form([["answer.q-org", "a".repeat(SHORT_TEXT_MAX_LENGTH + 1)]]));
    expect(over).toEqual({ ok: false, fieldErrors: { "answer.q-org": "“Your organisation” must be at most 500 characters" } });
  });

  it(`limits long text to ${LONG_TEXT_MAX_LENGTH} characters, counting a CRLF line break once`, () => {
    const atLimit = "a".repeat(LONG_TEXT_MAX_LENGTH - 2) + "\r\nb";
    expect(parseAnswers([motivation], form([["answer.q-why", atLimit]])).ok).toBe(true);
    const over = parseAnswers([motivation], form([["answer.q-why", "a".repeat(LONG_TEXT_MAX_LENGTH + 1)]]));
    expect(over).toEqual({ ok: false, fieldErrors: { "answer.q-why": "“Why do you come?” must be at most 5,000 characters" } });
  });

  it("counts length after trimming, so padding does not push a valid answer over", () => {
    const padded = `   ${"a".repeat(SHORT_TEXT_MAX_LENGTH)}   `;
    expect(parseAnswers([organisation], form([["answer.q-org", padded]])).ok).toBe(true);
  });
});

describe("single choice", () => {
  it("accepts one of the options and stores the organiser's spelling", () => {
    expect(parseAnswers([dietary], form([["answer.q-diet", " Vegetarian "]]))).toEqual({
      ok: true,
      answers: [{ questionId: "q-diet", value: "Vegetarian" }],
    });
  });

  it("refuses a value that is not an option, naming the options", () => {
    expect(parseAnswers([dietary], form([["answer.q-diet", "Carnivore"]]))).toEqual({
      ok: false,
      fieldErrors: { "answer.q-diet": "“Dietary needs” must be one of “None”, “Vegetarian” or “Vegan”" },
    });
  });

  it("is case-sensitive: only the offered spelling counts", () => {
    expect(parseAnswers([dietary], form([["answer.q-diet", "vegan"]])).ok).toBe(false);
  });

  it("asks for a required choice that is missing", () => {
    expect(parseAnswers([dietary], form([]))).toEqual({ ok: false, fieldErrors: { "answer.q-diet": "Please answer “Dietary needs”" } });
  });

  it("refuses two different values (a tampered form) but tolerates the same value twice", () => {
    expect(
      parseAnswers(
        [dietary],
        form([
          ["answer.q-diet", "Vegan"],
          ["answer.q-diet", "None"],
        ]),
      ),
    ).toEqual({
      ok: false,
      fieldErrors: { "answer.q-diet": "Please choose only one answer for “Dietary needs”" },
    });
    expect(
      parseAnswers(
        [dietary],
        form([
          ["answer.q-diet", "Vegan"],
          ["answer.q-diet", "Vegan"],
        ]),
      ).ok,
    ).toBe(true);
  });

  it("leaves out an optional choice left blank", () => {
    const optional = { ...dietary, required: false };
    expect(parseAnswers([optional], form([["answer.q-diet", ""]]))).toEqual({ ok: true, answers: [] });
  });

  it("explains a question that has no options instead of crashing", () => {
    const broken = { ...dietary, options: [] };
    expect(parseAnswers([broken], form([["answer.q-diet", "x"]]))).toEqual({
      ok: false,
      fieldErrors: { "answer.q-diet": "“Dietary needs” has no options to choose from" },
    });
  });
});

describe("multiple choice", () => {
  it("takes repeated values, removes repeats and stores them in the organiser's option order", () => {
    const result = parseAnswers(
      [workshops],
      form([
        ["answer.q-ws", "Data platforms"],
        ["answer.q-ws", "Mobility"],
        ["answer.q-ws", "Data platforms"],
      ]),
    );
    expect(result).toEqual({ ok: true, answers: [{ questionId: "q-ws", value: ["Mobility", "Data platforms"] }] });
  });

  it("refuses any value that is not an option", () => {
    expect(
      parseAnswers(
        [workshops],
        form([
          ["answer.q-ws", "Mobility"],
          ["answer.q-ws", "Space travel"],
        ]),
      ),
    ).toEqual({
      ok: false,
      fieldErrors: { "answer.q-ws": "“Workshops” can only include “Mobility”, “Energy” and “Data platforms”" },
    });
  });

  it("asks for at least one choice when required, and leaves it out when optional", () => {
    expect(parseAnswers([{ ...workshops, required: true }], form([]))).toEqual({
      ok: false,
      fieldErrors: { "answer.q-ws": "Please choose at least one answer for “Workshops”" },
    });
    expect(parseAnswers([workshops], form([["answer.q-ws", ""]]))).toEqual({ ok: true, answers: [] });
  });

  it("accepts a single value given as a plain string", () => {
    expect(parseAnswers([workshops], { "answer.q-ws": "Energy" })).toEqual({ ok: true, answers: [{ questionId: "q-ws", value: ["Energy"] }] });
  });
});

describe("checkbox", () => {
  it("requires a required checkbox to be ticked", () => {
    for (const entries of [[], [["answer.q-consent", ""]], [["answer.q-consent", "false"]]] as [string, string][][]) {
      expect(parseAnswers([consent], form(entries))).toEqual({
        ok: false,
        fieldErrors: { "answer.q-consent": "Please tick “I agree to the privacy notice”" },
      });
    }
  });

  it("understands the usual ways a tick arrives", () => {
    for (const value of ["on", "true", "1", "yes", "ON"]) {
      expect(parseAnswers([consent], form([["answer.q-consent", value]]))).toEqual({
        ok: true,
        answers: [{ questionId: "q-consent", value: true }],
      });
    }
    expect(parseAnswers([consent], { "answer.q-consent": true }).ok).toBe(true);
    expect(parseAnswers([consent], { "answer.q-consent": false }).ok).toBe(false);
  });

  it("counts a tick after a hidden 'off' fallback field", () => {
    expect(
      parseAnswers(
        [consent],
        form([
          ["answer.q-consent", "off"],
          ["answer.q-consent", "on"],
        ]),
      ).ok,
    ).toBe(true);
  });

  it("records an optional checkbox left unticked as false", () => {
    expect(parseAnswers([newsletter], form([]))).toEqual({ ok: true, answers: [{ questionId: "q-news", value: false }] });
  });

  it("refuses values a checkbox cannot send", () => {
    expect(parseAnswers([newsletter], form([["answer.q-news", "maybe"]]))).toEqual({
      ok: false,
      fieldErrors: { "answer.q-news": "“Send me the newsletter” can only be ticked or left empty" },
    });
  });
});

describe("several errors at once", () => {
  it("reports one message per field, for every invalid field", () => {
    const result = parseAnswers(
      allQuestions,
      form([
        ["answer.q-diet", "Pizza"],
        ["answer.q-ws", "Nope"],
      ]),
    );
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        "answer.q-org": "Please answer “Your organisation”",
        "answer.q-diet": "“Dietary needs” must be one of “None”, “Vegetarian” or “Vegan”",
        "answer.q-ws": "“Workshops” can only include “Mobility”, “Energy” and “Data platforms”",
        "answer.q-consent": "Please tick “I agree to the privacy notice”",
      },
    });
  });

  it("ignores uploaded files sent in place of an answer", () => {
    const data = form(validEntries);
    data.append("answer.q-org", new Blob(["evil"]), "evil.txt");
    expect(parseAnswers(allQuestions, data).ok).toBe(true);
  });
});

describe("buildAnswersSchema", () => {
  it("is a zod schema keyed by question id, usable on its own", () => {
    const schema = buildAnswersSchema([organisation, workshops, consent]);
    const parsed = schema.parse({ "q-org": "Eindhoven", "q-ws": ["Energy", "Mobility"], "q-consent": "on" });
    expect(parsed).toEqual({ "q-org": "Eindhoven", "q-ws": ["Mobility", "Energy"], "q-consent": true });
    const failed = schema.safeParse({ "q-ws": ["Energy"] });
    expect(failed.success).toBe(false);
    expect(failed.error?.issues.map((issue) => issue.path[0]).sort()).toEqual(["q-consent", "q-org"]);
  });

  it("names the form field of a question", () => {
    expect(answerFieldName("abc")).toBe("answer.abc");
  });
});
