import type { TestProject } from "vitest/node";
import { createTestDatabase } from "./database";

/** Unit tests call modules directly on a fresh, migrated database of their own. */
export default async function setup(project: TestProject) {
  const database = await createTestDatabase("unit");
  project.provide("databaseUrl", database.url);
  return () => database.drop();
}
