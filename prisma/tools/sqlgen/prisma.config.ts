// Prisma 6's WASM schema engine ("js" engine) writes migration SQL without a native binary.
// make-migration.sh diffs from prisma/migrations: the engine replays them into a shadow database
// and describes it. With an adapter the CLI refuses --shadow-database-url and asks the adapter
// for the shadow database; two gaps of @prisma/adapter-pg 6.19 in that path are bridged here.
import { randomUUID } from "node:crypto";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const url = process.env.SQLGEN_DATABASE_URL ?? "postgresql://localhost/unused";

// 1. Describing a database selects catalog columns of type `name` (19) and `"char"` (18), which
//    the 6.19 adapter refuses ("Column type 'name' could not be deserialized"). They are read as
//    text; `"char"` columns are then typed Character, as the describer expects a single char.
const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;
const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character of @prisma/driver-adapter-utils
const charColumnsOf = new WeakMap<object, number[]>();
type Queryable = { performIO(query: unknown): Promise<any>; queryRaw(query: unknown): Promise<any> };
function bridgeCatalogTypes(adapter: object) {
  let proto = adapter;
  while (proto && !Object.hasOwn(proto, "performIO")) proto = Object.getPrototypeOf(proto);
  const queryable = proto as Queryable & { sqlgenBridged?: boolean };
  if (!queryable || queryable.sqlgenBridged) return;
  queryable.sqlgenBridged = true;
  const { performIO, queryRaw } = queryable;
  queryable.performIO = async function (this: Queryable, query) {
    const result = await performIO.call(this, query);
    const charColumns: number[] = [];
    (result?.fields ?? []).forEach((field: { dataTypeID: number }, i: number) => {
      if (field.dataTypeID === CHAR_OID) charColumns.push(i);
      if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    });
    if (charColumns.length > 0 && result.rows) charColumnsOf.set(result.rows, charColumns);
    return result;
  };
  queryable.queryRaw = async function (this: Queryable, query) {
    const resultSet = await queryRaw.call(this, query);
    for (const i of charColumnsOf.get(resultSet.rows) ?? []) resultSet.columnTypes[i] = CHARACTER_COLUMN;
    return resultSet;
  };
}

const connect = async (connectionString: string) => {
  const adapter = await new PrismaPg({ connectionString }).connect();
  bridgeCatalogTypes(adapter);
  return adapter;
};

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  adapter: async () => ({
    provider: "postgres" as const,
    adapterName: "@prisma/adapter-pg",
    connect: () => connect(url),
    // 2. The adapter's own shadow database is opened through the main connection string, which
    //    wins over the database name it sets, so the migrations would be replayed into the main
    //    database. Here a scratch database is created beside it and dropped afterwards
    //    (make-migration.sh names it, and drops it too should the engine crash).
    async connectToShadowDb() {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const name = process.env.SQLGEN_SHADOW_DATABASE ?? `sqlgen_shadow_${randomUUID().replaceAll("-", "")}`;
      await admin.query(`CREATE DATABASE "${name}"`);
      const shadowUrl = new URL(url);
      shadowUrl.pathname = `/${name}`;
      const shadow = await connect(shadowUrl.toString());
      const dispose = shadow.dispose.bind(shadow);
      return Object.assign(shadow, {
        async dispose() {
          try {
            await dispose();
            await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
          } finally {
            await admin.end();
          }
        },
      });
    },
  }),
});
