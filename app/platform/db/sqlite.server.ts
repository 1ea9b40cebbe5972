import { Sqlite3Client } from "@libsql/client/sqlite3";
import type { Client } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import Database from "libsql";

/** How long a write waits for another connection's lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 10_000;

/**
 * libsql opens a fresh connection after every transaction and offers no hook to configure it,
 * so the busy timeout is passed in the options each of those connections is opened with.
 * Without it a second process writing (the worker, a script, a test) fails at once.
 */
class TimeoutLibSQL extends PrismaLibSQL {
  // The adapter pins an older @libsql/client whose types differ; its calls (execute, batch,
  // transaction, executeMultiple, close) are the same on this one.
  override createClient(config: { url: string }): ReturnType<PrismaLibSQL["createClient"]> {
    const path = sqliteFilePath(config.url);
    const options = { timeout: BUSY_TIMEOUT_MS };
    const client: Client = new Sqlite3Client(path, options, new Database(path, options), "number");
    return client as unknown as ReturnType<PrismaLibSQL["createClient"]>;
  }
}

export function sqliteFilePath(url: string): string {
  return url.replace(/^(file|libsql):(\/\/)?/, "");
}

export function sqliteAdapter(url: string) {
  return new TimeoutLibSQL({ url });
}

/**
 * One-time settings stored in the database file itself: write-ahead logging lets readers
 * proceed while a writer commits.
 */
export const SQLITE_FILE_SETTINGS = ["PRAGMA journal_mode = WAL"];
