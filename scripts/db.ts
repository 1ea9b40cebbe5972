/**
 * Database chores for both providers.
 *
 *   tsx scripts/db.ts schemas [--check]   write (or check) prisma/<provider>/schema.prisma from prisma/models
 *   tsx scripts/db.ts generate            generate the Prisma client of each provider
 *   tsx scripts/db.ts deploy              apply migrations to DATABASE_URL (creating the SQLite file)
 *   tsx scripts/db.ts migration <name>    write a migration for each provider from the schema change
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import pg from "pg";
import {
  databaseProvider,
  databaseUrl,
  postgresConnectionFields,
} from "../app/platform/db/provider";
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

/**
 * The schema the existing migrations produce: applied to a scratch database and introspected.
 * (`migrate diff --from-migrations` ignores the migrations when the CLI runs through a driver
 * adapter, and `--from-url` is refused.)
 */
async function migratedSchema(provider: (typeof PROVIDERS)[number]): Promise<string> {
  const scratch = `aftercare_migration_${process.pid}`;
  let url: string;
  let drop: () => Promise<void>;
  if (provider === "sqlite") {
    const file = path.join(os.tmpdir(), `${scratch}.sqlite`);
    rmSync(file, { force: true });
    url = `file:${file}`;
    drop = async () => rmSync(file, { force: true });
  } else {
    const fields = postgresConnectionFields(MIGRATION_POSTGRES_URL);
    const admin = new pg.Client(fields);
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${scratch}"`);
    await admin.query(`CREATE DATABASE "${scratch}"`);
    await admin.end();
    const target = new URL(MIGRATION_POSTGRES_URL);
    target.pathname = `/${scratch}`;
    url = target.toString();
    drop = async () => {
      const client = new pg.Client(fields);
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
      await client.end();
    };
  }
  try {
    prisma(["migrate", "deploy"], url);
    const schema = execFileSync(
      path.join(root, "node_modules/.bin/prisma"),
      ["db", "pull", "--print", "--schema", schemaPath(provider)],
      { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: url } },
    );
    const file = path.join(os.tmpdir(), `${scratch}-${provider}.prisma`);
    // The CLI prints its config notices on stdout too; the schema starts at its first block.
    writeFileSync(file, schema.slice(schema.search(/^(generator|datasource) /m)));
    return file;
  } finally {
    await drop();
  }
}

async function createMigration(name: string) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("Migration names are lower_snake_case.");
  writeSchemas(false);
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  for (const provider of PROVIDERS) {
    const migrations = path.join(root, "prisma", provider, "migrations");
    const hasMigrations = readdirSync(migrations).some((entry) => /^\d{14}_/.test(entry));
    const from = hasMigrations
      ? ["--from-schema-datamodel", await migratedSchema(provider)]
      : ["--from-empty"];
    const url =
      provider === "sqlite" ? "file:./prisma/.migration-shadow.sqlite" : MIGRATION_POSTGRES_URL;
    const draft = path.join(os.tmpdir(), `aftercare-migration-${process.pid}-${provider}.sql`);
    prisma(
      [
        "migrate",
        "diff",
        ...from,
        "--to-schema-datamodel",
        schemaPath(provider),
        "--script",
        "--output",
        draft,
      ],
      url,
    );
    const dir = path.join(migrations, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    renameSync(draft, path.join(dir, "migration.sql"));
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
    await createMigration(rest[0]);
    break;
  default:
    console.error(
      "usage: tsx scripts/db.ts schemas [--check] | generate | deploy | migration <name>",
    );
    process.exit(2);
}
