import { describe, expect, it } from "vitest";
import { countsByHour, cumulativeByDay, fillRate, lineGeometry, niceMax } from "./charts";

describe("dashboard series", () => {
  it("accumulates per day in the event's zone, filling quiet days", () => {
    const points = cumulativeByDay([new Date("2026-03-01T23:30:00Z"), new Date("2026-03-01T10:00:00Z"), new Date("2026-03-04T08:00:00Z")], "Europe/Vienna");
    // 23:30 UTC on 1 March is 2 March in Vienna.
    expect(points.map((p) => [p.label, p.value])).toEqual([
      ["1 Mar", 1],
      ["2 Mar", 2],
      ["3 Mar", 2],
      ["4 Mar", 3],
    ]);
  });

  it("extends the line to `until` and is empty without data", () => {
    expect(cumulativeByDay([], "UTC")).toEqual([]);
    const points = cumulativeByDay([new Date("2026-03-01T10:00:00Z")], "UTC", new Date("2026-03-03T10:00:00Z"));
    expect(points.map((p) => p.value)).toEqual([1, 1, 1]);
  });

  it("counts per real hour across a DST change, labelled in local time", () => {
    // Vienna springs forward on 29 March 2026 at 02:00 → 03:00.
    const points = countsByHour([new Date("2026-03-29T00:10:00Z"), new Date("2026-03-29T01:10:00Z"), new Date("2026-03-29T01:20:00Z")], "Europe/Vienna");
    expect(points.map((p) => [p.label, p.value])).toEqual([
      ["01:00", 1],
      ["03:00", 2],
    ]);
  });

  it("computes nice axes, line geometry and fill rates", () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(120)).toBe(200);
    const g = lineGeometry([
      { label: "a", title: "a", value: 0 },
      { label: "b", title: "b", value: 10 },
    ]);
    expect(g.line).toBe(`M${g.box.left} ${g.box.height - g.box.bottom} L${g.box.width - g.box.right} ${g.box.top}`);
    expect(g.area.endsWith("Z")).toBe(true);
    expect(fillRate(30, 60)).toBe(0.5);
    expect(fillRate(3, null)).toBeNull();
  });
});
