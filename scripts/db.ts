/**
 * Database chores for both providers.
 *
 *   tsx scripts/db.ts schemas [--check]   write (or check) prisma/<provider>/schema.prisma from prisma/models
 *   tsx scripts/db.ts generate            generate the Prisma client of each provider
 *   tsx scripts/db.ts deploy              apply migrations to DATABASE_URL (creating the SQLite file)
 *   tsx scripts/db.ts migration <name>    write a migration for each provider from the schema change
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";
import { databaseProvider, databaseUrl } from "../app/platform/db/provider";
import { SQLITE_FILE_SETTINGS, sqliteFilePath } from "../app/platform/db/sqlite.server";
import { PROVIDERS, providerSchema, root, schemaPath } from "./lib/prisma-schema";

const MIGRATION_POSTGRES_URL =
  process.env.MIGRATION_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

function prisma(args: string[], url: string) {
  execFileSync(path.join(root, "node_modules/.bin/prisma"), args, {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}

function writeSchemas(check: boolean) {
  const stale: string[] = [];
  for (const provider of PROVIDERS) {
    const wanted = providerSchema(provider);
    const file = schemaPath(provider);
    let current = "";
    try {
      current = readFileSync(file, "utf8");
    } catch {
      // not written yet
    }
    if (current === wanted) continue;
    if (check) stale.push(path.relative(root, file));
    else {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, wanted);
    }
  }
  if (stale.length) {
    console.error(`Out of date: ${stale.join(", ")}. Run \`npm run db:schemas\`.`);
    process.exit(1);
  }
}

function generate() {
  for (const provider of PROVIDERS) {
    prisma(
      ["generate", "--schema", schemaPath(provider)],
      provider === "sqlite" ? databaseUrl({} as NodeJS.ProcessEnv) : MIGRATION_POSTGRES_URL,
    );
  }
}

async function deploy() {
  const url = databaseUrl();
  const sqlite = databaseProvider(url) === "sqlite";
  if (sqlite) mkdirSync(path.dirname(path.resolve(root, sqliteFilePath(url))), { recursive: true });
  prisma(["migrate", "deploy"], url);
  if (sqlite) {
    const client = createClient({ url });
    for (const statement of SQLITE_FILE_SETTINGS) await client.execute(statement);
    client.close();
  }
}

function createMigration(name: string) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("Migration names are lower_snake_case.");
  writeSchemas(false);
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  for (const provider of PROVIDERS) {
    const migrations = path.join(root, "prisma", provider, "migrations");
    const dir = path.join(migrations, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    const hasMigrations = readdirSync(migrations).some(
      (entry) => /^\d{14}_/.test(entry) && entry !== path.basename(dir),
    );
    const from = hasMigrations ? ["--from-migrations", migrations] : ["--from-empty"];
    const url =
      provider === "sqlite" ? "file:./prisma/.migration-shadow.sqlite" : MIGRATION_POSTGRES_URL;
    prisma(
      [
        "migrate",
        "diff",
        ...from,
        "--to-schema-datamodel",
        schemaPath(provider),
        "--script",
        "--output",
        path.join(dir, "migration.sql"),
      ],
      url,
    );
    writeFileSync(
      path.join(migrations, "migration_lock.toml"),
      `# Written by scripts/db.ts; do not edit.\nprovider = "${provider}"\n`,
    );
    console.log(`wrote ${path.relative(root, dir)}/migration.sql`);
  }
}

const [command, ...rest] = process.argv.slice(2);
switch (command) {
  case "schemas":
    writeSchemas(rest.includes("--check"));
    break;
  case "generate":
    generate();
    break;
  case "deploy":
    await deploy();
    break;
  case "migration":
    if (!rest[0]) throw new Error("usage: npm run db:migration -- <name>");
    createMigration(rest[0]);
    break;
  default:
    console.error(
      "usage: tsx scripts/db.ts schemas [--check] | generate | deploy | migration <name>",
    );
    process.exit(2);
}
