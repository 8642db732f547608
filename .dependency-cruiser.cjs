// Which way the code may depend (`npm run lint:deps`; tests/architecture/layers.test.ts runs the
// same rules and also checks the order of the capabilities inside app/domain).
//
//   app/platform  ←  app/domain  ←  app/web  ←  app/routes, app/components  ←  server
//
// Type-only imports count too: a circle through `import type` is still a circle to a reader.

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A module must not reach itself through its imports: split the shared part out instead.",
      from: {},
      to: { circular: true },
    },
    {
      name: "platform-stands-alone",
      severity: "error",
      comment: "app/platform (env, db, bus, logger) is the floor: it imports nothing of ours above it.",
      from: { path: "^app/platform/" },
      to: { path: "^(app/(domain|web|routes|components)|server)/" },
    },
    {
      name: "domain-below-the-web",
      severity: "error",
      comment: "app/domain holds the rules; the web edge, pages and the server stand on it, never the reverse.",
      from: { path: "^app/domain/" },
      to: { path: "^(app/(web|routes|components)|server)/" },
    },
    {
      name: "domain-without-ui-framework",
      severity: "error",
      comment: "The rules run without Remix or React (tests, jobs, sockets).",
      from: { path: "^app/domain/" },
      to: { path: "(^|/)node_modules/(@remix-run|react|react-dom)/" },
    },
    {
      name: "web-below-pages",
      severity: "error",
      comment: "app/web (auth, forms, responses) serves routes; it imports no route, component or server module.",
      from: { path: "^app/web/" },
      to: { path: "^(app/(routes|components)|server)/" },
    },
    {
      name: "prisma-not-server",
      severity: "error",
      comment: "The seed and schema tools run without the HTTP server.",
      from: { path: "^prisma/" },
      to: { path: "^server/" },
    },
    {
      name: "app-not-from-tests",
      severity: "error",
      comment: "Shipped code never imports test support (unit tests beside the code may).",
      from: { path: "^(app|server|prisma)/", pathNot: "\\.test\\.tsx?$" },
      to: { path: "^tests/" },
    },
  ],
  options: {
    doNotFollow: { path: ["node_modules", "^app/generated/"] },
    exclude: { path: ["^build/", "^public/build/", "^\\.cache/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json", ".d.ts"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
