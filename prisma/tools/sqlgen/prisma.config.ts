// Prisma 6's WASM schema engine ("js" engine) writes migration SQL without a native binary.
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  adapter: async () => new PrismaPg({ connectionString: process.env.SQLGEN_DATABASE_URL ?? "postgresql://localhost/unused" }),
});
