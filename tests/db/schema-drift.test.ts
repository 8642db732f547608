// Proves the hand-applied SQL migrations and prisma/schema.prisma agree: every model, field,
// type, nullability, enum value, index and relation of the schema exists in a freshly
// migrated database. The schema is read with Prisma's own parser (its WASM build).
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "../../server/db/migrate";

const require = createRequire(import.meta.url);
const schemaWasm = require("@prisma/prisma-schema-wasm/src/prisma_schema_build.js") as { get_dmmf(params: string): string };

interface DmmfField {
  name: string;
  kind: "scalar" | "object" | "enum";
  isList: boolean;
  isRequired: boolean;
  type: string;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
}
interface Dmmf {
  datamodel: {
    models: { name: string; fields: DmmfField[] }[];
    enums: { name: string; values: { name: string }[] }[];
    indexes: { model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: { name: string }[] }[];
  };
}

const dmmf: Dmmf = JSON.parse(schemaWasm.get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", readFileSync("prisma/schema.prisma", "utf8")]] })));

function expectedColumnType(field: DmmfField): string {
  if (field.kind === "enum") return field.type;
  const native = field.nativeType?.[0];
  if (native === "Uuid") return "uuid";
  if (native === "Char") return "bpchar";
  if (native === "Timestamptz") return "timestamptz";
  return (
    (
      {
        String: "text",
        Int: "int4",
        BigInt: "int8",
        Boolean: "bool",
        DateTime: "timestamp",
        Json: "jsonb",
        Float: "float8",
        Decimal: "numeric",
        Bytes: "bytea",
      } as Record<string, string>
    )[field.type] ?? field.type
  );
}

let client: pg.Client;
let columns: Map<string, { udt: string; nullable: boolean }>;
let indexes: { table: string; columns: string[]; unique: boolean; partial: boolean }[];
let foreignKeys: { table: string; columns: string[]; refTable: string; refColumns: string[] }[];
let enumValues: Map<string, Set<string>>;

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const cols = await client.query<{ table_name: string; column_name: string; udt_name: string; is_nullable: string }>(
    `SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  columns = new Map(cols.rows.map((r) => [`${r.table_name}.${r.column_name}`, { udt: r.udt_name, nullable: r.is_nullable === "YES" }]));
  const idx = await client.query<{ table: string; columns: string[]; unique: boolean; partial: boolean }>(`
    SELECT t.relname AS table, i.indisunique AS unique, i.indpred IS NOT NULL AS partial,
           array_agg(a.attname::text ORDER BY k.ord) AS columns
    FROM pg_index i
    JOIN pg_class t ON t.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
    CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
    GROUP BY i.indexrelid, t.relname, i.indisunique, i.indpred`);
  indexes = idx.rows;
  const fks = await client.query<{ table: string; columns: string[]; ref_table: string; ref_columns: string[] }>(`
    SELECT c.conrelid::regclass::text AS table, c.confrelid::regclass::text AS ref_table,
      (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS columns,
      (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS ref_columns
    FROM pg_constraint c WHERE c.contype = 'f'`);
  const unquote = (name: string) => name.replace(/^"|"$/g, "");
  foreignKeys = fks.rows.map((r) => ({ table: unquote(r.table), columns: r.columns, refTable: unquote(r.ref_table), refColumns: r.ref_columns }));
  const enums = await client.query<{ typname: string; enumlabel: string }>(
    `SELECT t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid`,
  );
  enumValues = new Map();
  for (const row of enums.rows) {
    if (!enumValues.has(row.typname)) enumValues.set(row.typname, new Set());
    enumValues.get(row.typname)!.add(row.enumlabel);
  }
});

afterAll(async () => {
  await client.end();
});

describe("schema.prisma and the migrations agree", () => {
  it("has every model's scalar fields as columns of the right type and nullability", () => {
    const problems: string[] = [];
    for (const model of dmmf.datamodel.models) {
      for (const field of model.fields.filter((f) => f.kind !== "object")) {
        const column = columns.get(`${model.name}.${field.name}`);
        if (!column) {
          problems.push(`missing column ${model.name}.${field.name}`);
          continue;
        }
        const expected = (field.isList ? "_" : "") + expectedColumnType(field);
        if (column.udt !== expected) problems.push(`${model.name}.${field.name} is ${column.udt}, schema says ${expected}`);
        if (!field.isList && column.nullable === field.isRequired) {
          problems.push(`${model.name}.${field.name} nullability differs (db nullable=${column.nullable})`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(dmmf.datamodel.models.length).toBeGreaterThan(25);
  });

  it("has every enum with all its values", () => {
    for (const schemaEnum of dmmf.datamodel.enums) {
      expect([...(enumValues.get(schemaEnum.name) ?? [])].sort(), schemaEnum.name).toEqual(schemaEnum.values.map((v) => v.name).sort());
    }
  });

  it("has every @id, @unique, @@unique and @@index", () => {
    const problems: string[] = [];
    for (const index of dmmf.datamodel.indexes) {
      const wanted = index.fields.map((f) => f.name);
      const found = indexes.find(
        (i) => i.table === index.model && !i.partial && i.columns.join(",") === wanted.join(",") && (index.type === "normal" || i.unique),
      );
      if (!found) problems.push(`${index.type} index on ${index.model}(${wanted.join(", ")})`);
    }
    expect(problems).toEqual([]);
  });

  it("has a foreign key for every relation", () => {
    const problems: string[] = [];
    for (const model of dmmf.datamodel.models) {
      for (const field of model.fields.filter((f) => f.kind === "object" && f.relationFromFields?.length)) {
        const found = foreignKeys.find(
          (fk) =>
            fk.table === model.name &&
            fk.refTable === field.type &&
            fk.columns.join(",") === field.relationFromFields!.join(",") &&
            fk.refColumns.join(",") === field.relationToFields!.join(","),
        );
        if (!found) problems.push(`${model.name}.${field.name} → ${field.type}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("adds the rules Prisma cannot express: one active registration per person and event", () => {
    expect(indexes.some((i) => i.table === "Registration" && i.unique && i.partial && i.columns.join(",") === "eventId,userId")).toBe(true);
  });
});

describe("migration history", () => {
  it("is recorded as prisma migrate deploy records it, and re-applying is a no-op", async () => {
    const files = await readMigrations();
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(files.map((f) => [f.name, f.checksum]));
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
    expect(await applyMigrations(process.env.DATABASE_URL!)).toEqual([]);
  });

  it("refuses to run when an applied migration was edited afterwards", async () => {
    await client.query(`UPDATE "_prisma_migrations" SET checksum = 'edited' WHERE migration_name = (SELECT min(migration_name) FROM "_prisma_migrations")`);
    await expect(applyMigrations(process.env.DATABASE_URL!)).rejects.toThrow(/was changed after it was applied/);
  });
});
