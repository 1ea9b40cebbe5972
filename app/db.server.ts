import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "../prisma/generated/postgresql/client";
import { PrismaClient as SqliteClient } from "../prisma/generated/sqlite/client";
import { config } from "./config.server";
import { postgresPool, postgresSql, TRANSACTION_MAX_WAIT_MS } from "./platform/db/postgres.server";
import type { SqlExecutor } from "./platform/db/sql";
import { EmbeddedSqlite, SQLITE_FILE_SETTINGS } from "./platform/db/sqlite.server";

/**
 * The app's one database: a Prisma client for everything, and `sql` for the few hot paths that
 * need raw statements. Both generated clients share the models of prisma/models; the SQLite
 * client's types are the common denominator the code is written against.
 */
export type Db = SqliteClient;
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
export { Prisma } from "../prisma/generated/sqlite/client";
export type * from "../prisma/generated/sqlite/models";

interface Database {
  db: Db;
  sql: SqlExecutor;
}

function connect(): Database {
  const { databaseUrl, databaseProvider } = config();
  if (databaseProvider === "postgresql") {
    const pool = postgresPool(databaseUrl);
    return {
      db: new PostgresClient({
        adapter: new PrismaPg(pool),
        transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS },
      }) as unknown as Db,
      sql: postgresSql(pool),
    };
  }
  const adapter = new EmbeddedSqlite(databaseUrl);
  return { db: new SqliteClient({ adapter }), sql: adapter.sql };
}

declare global {
  var __aftercareDatabase: Database | undefined;
}

// One connection per process, kept across dev-server reloads.
const database = (globalThis.__aftercareDatabase ??= connect());
export const db: Db = database.db;
export const sql: SqlExecutor = database.sql;

/** Settings a fresh database needs once (run by `npm run db:deploy` and at start-up). */
export async function prepareDatabase() {
  if (config().databaseProvider !== "sqlite") return;
  for (const statement of SQLITE_FILE_SETTINGS) await db.$queryRawUnsafe(statement);
}
