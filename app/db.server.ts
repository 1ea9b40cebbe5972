import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "../prisma/generated/postgresql/client";
import { PrismaClient as SqliteClient } from "../prisma/generated/sqlite/client";
import { config } from "./config.server";
import { SQLITE_FILE_SETTINGS, sqliteAdapter } from "./platform/db/sqlite.server";

/**
 * The app's one database client. Both generated clients share the models of prisma/models; the
 * SQLite client's types are the common denominator the code is written against.
 */
export type Db = SqliteClient;
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
export { Prisma } from "../prisma/generated/sqlite/client";
export type * from "../prisma/generated/sqlite/models";

function createClient(): Db {
  const { databaseUrl, databaseProvider } = config();
  if (databaseProvider === "postgresql") {
    const adapter = new PrismaPg({ connectionString: databaseUrl, max: 10 });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  return new SqliteClient({ adapter: sqliteAdapter(databaseUrl) });
}

declare global {
  var __aftercareDb: Db | undefined;
}

// One client per process, kept across dev-server reloads.
export const db: Db = (globalThis.__aftercareDb ??= createClient());

/** Settings a fresh database needs once (run by `npm run db:deploy` and at start-up). */
export async function prepareDatabase() {
  if (config().databaseProvider !== "sqlite") return;
  for (const statement of SQLITE_FILE_SETTINGS) await db.$queryRawUnsafe(statement);
}
