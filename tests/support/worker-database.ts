// Before each integration test file: a private database copied from the migrated template,
// exposed as DATABASE_URL so app code (db()) uses it; dropped after the file.
import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { disconnectDb } from "~/platform/db.server";
import { resetEnvForTests } from "~/platform/env.server";
import { createTestDatabase, dropTestDatabase } from "./test-cluster";

const adminUrl = inject("testAdminUrl");
const name = `scale_test_${process.env.VITEST_POOL_ID ?? "0"}_${randomBytes(4).toString("hex")}`;
process.env.DATABASE_URL = await createTestDatabase(adminUrl, name, inject("testTemplateName"));
process.env.LOG_LEVEL ??= "silent";
resetEnvForTests();

afterAll(async () => {
  await disconnectDb();
  await dropTestDatabase(adminUrl, name);
});
