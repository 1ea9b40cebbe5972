import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { databaseProvider } from "../app/platform/db/provider";
import { PROVIDERS, providerSchema, schemaPath } from "../scripts/lib/prisma-schema";
import {
  createTestDatabase,
  executeScript,
  prismaCli,
  type TestDatabase,
} from "../tests/support/database";

// The models are written once (prisma/models) and exist per provider as a schema and its
// migrations. Either drifting from the models fails here.

describe("provider schemas", () => {
  it.each(PROVIDERS)(
    "prisma/%s/schema.prisma is generated from prisma/models (npm run db:schemas)",
    (provider) => {
      expect(readFileSync(schemaPath(provider), "utf8")).toBe(providerSchema(provider));
    },
  );
});

/** Four Prisma CLI runs, each starting the schema engine: slow on a loaded machine. */
const CLI_TIMEOUT_MS = 180_000;

const cleanup: TestDatabase[] = [];
afterAll(() => Promise.all(cleanup.map((database) => database.drop())));

describe("migrations", () => {
  const provider = databaseProvider(process.env.DATABASE_URL ?? "file:");

  it(
    `produce exactly the ${provider} schema (npm run db:migration)`,
    async () => {
      const schema = schemaPath(provider);
      const fromMigrations = await createTestDatabase("drift_migrated");
      const fromSchema = await createTestDatabase("drift_schema", { migrated: false });
      cleanup.push(fromMigrations, fromSchema);

      const script = path.join(os.tmpdir(), `aftercare-schema-${process.pid}.sql`);
      prismaCli(
        [
          "migrate",
          "diff",
          "--from-empty",
          "--to-schema-datamodel",
          schema,
          "--script",
          "--output",
          script,
        ],
        fromSchema.url,
      );
      await executeScript(fromSchema.url, readFileSync(script, "utf8"));

      const introspect = (url: string) =>
        prismaCli(["db", "pull", "--print", "--schema", schema], url);
      expect(introspect(fromMigrations.url)).toBe(introspect(fromSchema.url));
    },
    CLI_TIMEOUT_MS,
  );
});
