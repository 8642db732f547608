// Once per `vitest run`: start (or find) PostgreSQL and build a migrated template database.
// Each test file then gets its own copy of the template (worker-database.ts): isolated and fast.
import type { TestProject } from "vitest/node";
import { createTestDatabase, dropTestDatabase, startTestCluster } from "./test-cluster";

export const TEMPLATE_NAME = `scale_test_template_${process.pid}`;

declare module "vitest" {
  export interface ProvidedContext {
    testAdminUrl: string;
    testTemplateName: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startTestCluster();
  await createTestDatabase(cluster.adminUrl, TEMPLATE_NAME);
  project.provide("testAdminUrl", cluster.adminUrl);
  project.provide("testTemplateName", TEMPLATE_NAME);
  return async () => {
    await dropTestDatabase(cluster.adminUrl, TEMPLATE_NAME);
    await cluster.stop();
  };
}
