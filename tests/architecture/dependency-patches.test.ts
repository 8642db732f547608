// The patches of installed packages (patches/, applied by patch-package at `npm install`; README
// "Speed, fourth round"): every line a patch adds is in the installed file — an upgrade that makes
// a patch fail to apply fails here, not silently in production — and route matching still answers
// as the unpatched code did, for two route trees of the same shape kept apart by identity.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { matchRoutes as MatchRoutes } from "@remix-run/router";
import type { createStaticRouter as CreateStaticRouter } from "react-router-dom/server";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
// The CommonJS builds, loaded as the server loads them (through @remix-run/react): the ones patched.
const remixRequire = createRequire(createRequire(import.meta.url).resolve("@remix-run/react"));
const { matchRoutes } = remixRequire("@remix-run/router") as { matchRoutes: typeof MatchRoutes };
const { createStaticRouter } = remixRequire("react-router-dom/server") as { createStaticRouter: typeof CreateStaticRouter };
type RouteObject = Parameters<typeof MatchRoutes>[0][number];

describe("patched packages", () => {
  const patches = readdirSync(join(ROOT, "patches")).filter((f) => f.endsWith(".patch"));

  it("are applied: every added line is in the installed file", () => {
    expect(patches.length).toBeGreaterThan(0);
    for (const patch of patches) {
      let file = "";
      for (const line of readFileSync(join(ROOT, "patches", patch), "utf8").split("\n")) {
        if (line.startsWith("+++ b/")) file = readFileSync(join(ROOT, line.slice("+++ b/".length)), "utf8");
        else if (line.startsWith("+") && line.trim() !== "+") expect(file, `${patch}: ${line}`).toContain(line.slice(1));
      }
    }
  });

  it("still match routes exactly, each tree on its own, however often asked", () => {
    const tree = (prefix: string): RouteObject[] => [
      {
        id: `${prefix}-root`,
        path: "/",
        children: [
          { id: `${prefix}-index`, index: true },
          { id: `${prefix}-event`, path: "events/:slug" },
          { id: `${prefix}-agenda`, path: "events/:slug/agenda" },
          { id: `${prefix}-splat`, path: "*" },
        ],
      },
    ];
    const first = tree("a");
    const second = tree("b");
    for (let i = 0; i < 3; i++) {
      expect(matchRoutes(first, "/events/lyon-roadshow")?.map((m) => [m.route.id, m.params.slug])).toEqual([
        ["a-root", "lyon-roadshow"],
        ["a-event", "lyon-roadshow"],
      ]);
      expect(matchRoutes(second, "/EVENTS/x/agenda")?.map((m) => m.route.id)).toEqual(["b-root", "b-agenda"]);
      expect(matchRoutes(first, "/")?.map((m) => m.route.id)).toEqual(["a-root", "a-index"]);
      expect(matchRoutes(second, "/anything/else")?.map((m) => [m.route.id, m.params["*"]])).toEqual([
        ["b-root", "anything/else"],
        ["b-splat", "anything/else"],
      ]);
    }
  });

  it("make a route tree's data routes once for the static router", () => {
    const routes: RouteObject[] = [{ id: "root", path: "/", children: [{ id: "page", path: "page" }] }];
    const context = { basename: "/", location: { pathname: "/page" }, matches: [], loaderData: {}, actionData: null, errors: null } as never;
    expect(createStaticRouter(routes, context).routes).toBe(createStaticRouter(routes, context).routes);
    expect(createStaticRouter([...routes], context).routes).not.toBe(createStaticRouter(routes, context).routes);
  });
});
