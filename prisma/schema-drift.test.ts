import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { databaseProvider } from "../app/platform/db/provider";
import { PROVIDERS, providerSchema, schemaPath } from "../scripts/lib/prisma-schema";
import { createTestDatabase, prismaCli, type TestDatabase } from "../tests/support/database";

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

/** Several Prisma CLI runs, each starting the schema engine: slow on a loaded machine. */
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
      cleanup.push(fromMigrations);

      // What the migrations built, introspected, must need no change to become the schema.
      // (Compared as DDL, not text: a column added by a later migration sits at the table's end.)
      const pulled = prismaCli(["db", "pull", "--print", "--schema", schema], fromMigrations.url);
      const migrated = path.join(os.tmpdir(), `aftercare-migrated-${process.pid}.prisma`);
      writeFileSync(migrated, pulled.slice(pulled.search(/^(generator|datasource) /m)));
      const difference = prismaCli(
        [
          "migrate",
          "diff",
          "--from-schema-datamodel",
          migrated,
          "--to-schema-datamodel",
          schema,
          "--script",
        ],
        fromMigrations.url,
      );
      expect(difference.replace(/^--.*$/gm, "").trim()).toBe("");
    },
    CLI_TIMEOUT_MS,
  );
});
