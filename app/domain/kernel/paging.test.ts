import { describe, expect, it } from "vitest";
import { pageOf } from "./paging";

describe("pageOf", () => {
  it("describes the first page of a long list", () => {
    expect(pageOf(undefined, 123, 50)).toEqual({ page: 1, pages: 3, total: 123, skip: 0, take: 50, first: 1, last: 50 });
  });

  it("ends the last page at the last row", () => {
    expect(pageOf(3, 123, 50)).toMatchObject({ page: 3, skip: 100, first: 101, last: 123 });
  });

  it("clamps pages past the end, below one and garbage to a real page", () => {
    expect(pageOf(9, 123, 50).page).toBe(3);
    expect(pageOf(0, 123, 50).page).toBe(1);
    expect(pageOf(-4, 123, 50).page).toBe(1);
    expect(pageOf(Number.NaN, 123, 50).page).toBe(1);
    expect(pageOf(2.7, 123, 50).page).toBe(2);
  });

  it("has one empty page when there is nothing", () => {
    expect(pageOf(5, 0, 50)).toEqual({ page: 1, pages: 1, total: 0, skip: 0, take: 50, first: 0, last: 0 });
  });
});
