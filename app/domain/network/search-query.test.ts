import { describe, expect, it } from "vitest";
import { MAX_SEARCH_WORDS, toPrefixTsQuery } from "./search-query";

describe("toPrefixTsQuery", () => {
  it("matches every word as a prefix", () => {
    expect(toPrefixTsQuery("Smart Kraków, e-mobility!")).toBe("smart:* & kraków:* & e:* & mobility:*");
  });

  it("never lets tsquery syntax through", () => {
    expect(toPrefixTsQuery("a & !b | (c) <-> 'd':*")).toBe("a:* & b:* & c:* & d:*");
    expect(toPrefixTsQuery("&|!():*'")).toBeNull();
  });

  it("is null for empty input and caps the number of words", () => {
    expect(toPrefixTsQuery("")).toBeNull();
    expect(toPrefixTsQuery(null)).toBeNull();
    expect(toPrefixTsQuery("a b c d e f g h i j")?.split(" & ")).toHaveLength(MAX_SEARCH_WORDS);
  });
});
