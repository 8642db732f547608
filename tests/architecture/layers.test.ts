// The architecture as a test: the rules of .dependency-cruiser.cjs (no circles, platform ←
// domain ← web ← routes/components ← server, prisma/ without server/, no app code from tests/),
// and the order of the capabilities inside app/domain. A capability may import only from
// capabilities before it in CAPABILITY_ORDER (and from app/platform); the kernel imports no
// capability at all. Collapsed to folders, the imports therefore form a DAG, and a failure
// names the offending edge and the files behind it.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { cruise, type ICruiseOptions, type ICruiseResult } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { beforeAll, describe, expect, it } from "vitest";

/** Lowest first: each capability stands on the ones before it (see DECISION-domain.md). */
const CAPABILITY_ORDER = [
  "kernel",
  "audit",
  "notifications",
  "accounts",
  "access",
  "events",
  "agenda",
  "calendar",
  "meetings",
  "registration",
  "payments",
  "qa",
  "rooms",
  "network",
  "community",
  "engagement",
  "integrations",
  "admin",
  "privacy",
] as const;

const DOMAIN = "app/domain";

function capabilityOf(path: string): string | null {
  if (!path.startsWith(`${DOMAIN}/`)) return null;
  const parts = path.slice(DOMAIN.length + 1).split("/");
  return parts.length > 1 ? parts[0] : null;
}

let result: ICruiseResult;

beforeAll(async () => {
  const options = await extractDepcruiseOptions("./.dependency-cruiser.cjs");
  // The resolver finds `~/…` through tsconfig's paths only when it is named under
  // ruleSet.options, which is where the CLI puts it (extractDepcruiseOptions keeps it on top).
  const withPaths = { ...options, ruleSet: { ...options.ruleSet, options: { tsConfig: options.tsConfig } } as ICruiseOptions["ruleSet"] };
  const reported = await cruise(["app", "server", "prisma"], withPaths, {}, { tsConfig: extractTSConfig("tsconfig.json") });
  result = reported.output as ICruiseResult;
}, 120_000);

describe("dependency rules", () => {
  it("sees the code through the path alias (~/…), so the graph is the real one", () => {
    const errors = result.modules.find((module) => module.source === `${DOMAIN}/kernel/errors.ts`);
    expect(errors?.dependents.length ?? 0).toBeGreaterThan(20);
    const unresolved = result.modules.flatMap((module) =>
      module.dependencies.filter((dependency) => dependency.couldNotResolve).map((dependency) => `${module.source} → ${dependency.module}`),
    );
    expect(unresolved).toEqual([]);
  });

  it("breaks none of the rules in .dependency-cruiser.cjs", () => {
    const violations = result.summary.violations.map((violation) =>
      violation.cycle?.length
        ? `${violation.rule.name}: ${violation.from} → ${violation.cycle.map((step) => (typeof step === "string" ? step : step.name)).join(" → ")}`
        : `${violation.rule.name}: ${violation.from} → ${violation.to}`,
    );
    expect(violations).toEqual([]);
  });
});

describe("capabilities of app/domain", () => {
  it("are all placed in the order, and nothing lives beside them", () => {
    const entries = readdirSync(DOMAIN);
    const folders = entries.filter((entry) => statSync(join(DOMAIN, entry)).isDirectory());
    expect(
      entries.filter((entry) => !folders.includes(entry)),
      "files directly in app/domain: put them in a capability or the kernel",
    ).toEqual([]);
    expect([...folders].sort()).toEqual([...CAPABILITY_ORDER].sort());
  });

  it("import only capabilities below them, so the folders form a DAG", () => {
    const rank = new Map<string, number>(CAPABILITY_ORDER.map((name, index) => [name, index]));
    const upward = new Map<string, string[]>();
    for (const module of result.modules) {
      const from = capabilityOf(module.source);
      if (!from) continue;
      for (const dependency of module.dependencies) {
        const to = capabilityOf(dependency.resolved);
        if (!to || to === from) continue;
        if ((rank.get(to) ?? Infinity) > (rank.get(from) ?? -Infinity)) {
          const edge = `${from} → ${to}`;
          upward.set(edge, [...(upward.get(edge) ?? []), `${module.source} → ${dependency.resolved}`]);
        }
      }
    }
    expect(Object.fromEntries(upward), `an import goes up the order ${CAPABILITY_ORDER.join(" ← ")}`).toEqual({});
  });

  it("keep the kernel free of capabilities: it stands on app/platform only", () => {
    const outside = result.modules
      .filter((module) => capabilityOf(module.source) === "kernel")
      .flatMap((module) => module.dependencies.map((dependency) => ({ from: module.source, to: dependency.resolved })))
      .filter(({ to }) => to.startsWith("app/") && !to.startsWith(`${DOMAIN}/kernel/`) && !to.startsWith("app/platform/") && !to.startsWith("app/generated/"))
      .map(({ from, to }) => `${from} → ${to}`);
    expect(outside).toEqual([]);
  });
});
