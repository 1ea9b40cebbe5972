import { Sqlite3Client } from "@libsql/client/sqlite3";
import type { Client } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";
import { Mutex } from "async-mutex";
import Database from "libsql";
import { isDatabaseLocked } from "./errors";
import { acquireConnectionLock, withConnectionLock } from "./priority";
import { cacheStatements } from "./statement-cache";
import type { SqlExecutor, SqlValue } from "./sql";

/** How long a write waits for another connection's lock before failing with SQLITE_BUSY. */
const DEFAULT_BUSY_TIMEOUT_MS = 10_000;

export function sqliteFilePath(url: string): string {
  return url.replace(/^(file|libsql):(\/\/)?/, "");
}

/**
 * One-time settings stored in the database file itself: write-ahead logging lets readers
 * proceed while a writer commits.
 */
export const SQLITE_FILE_SETTINGS = ["PRAGMA journal_mode = WAL"];

/**
 * The embedded database: Prisma's libsql adapter on one connection, plus a raw SQL path for the
 * hot spots (Prisma's parameter handling costs more than the write itself for 15 KB payloads).
 *
 * Both go through one lock. libsql runs statements synchronously on the event loop, and a Prisma
 * transaction holds SQLite's write lock across awaits: a raw write that slipped in while a
 * transaction is open would block the event loop waiting for a lock that only the (now blocked)
 * event loop can release. Requests wait ahead of background work (./priority.ts).
 */
export class EmbeddedSqlite extends PrismaLibSQL {
  readonly lock = new Mutex();
  private client: Client | undefined;

  private readonly busyTimeoutMs: number;

  constructor(
    private readonly url: string,
    { busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS }: { busyTimeoutMs?: number } = {},
  ) {
    super({ url });
    this.busyTimeoutMs = busyTimeoutMs;
  }

  // libsql opens a fresh connection after every transaction and offers no hook to configure it,
  // so the busy timeout is in the options each of those connections is opened with; without it a
  // second process writing (the worker, a script, a test) fails at once. The adapter pins an older
  // @libsql/client whose types differ; the calls it makes are the same on this one.
  override createClient(): ReturnType<PrismaLibSQL["createClient"]> {
    return this.connection() as unknown as ReturnType<PrismaLibSQL["createClient"]>;
  }

  private connection(): Client {
    if (!this.client) {
      const path = sqliteFilePath(this.url);
      const options = { timeout: this.busyTimeoutMs };
      this.client = singleConnection(
        () =>
          new Sqlite3Client(path, options, cacheStatements(new Database(path, options)), "number"),
      );
    }
    return this.client;
  }

  override async connect(): Promise<SqlDriverAdapter> {
    return new SerializedAdapter(await super.connect(), this.lock);
  }

  readonly sql: SqlExecutor = {
    query: (text, values) =>
      withConnectionLock(this.lock, async () => {
        const result = await this.connection().execute({ sql: text, args: values.map(toSqlite) });
        return result.rows.map((row) =>
          Object.fromEntries(result.columns.map((column, index) => [column, row[index]])),
        ) as never;
      }),
    execute: (text, values) =>
      withConnectionLock(this.lock, async () => {
        const result = await this.connection().execute({ sql: text, args: values.map(toSqlite) });
        return result.rowsAffected;
      }),
    // SQLite's default in WAL mode, synchronous = FULL, flushes the log at every commit; NORMAL
    // leaves it to the next commit that flushes (or the next checkpoint) and is set for this one
    // statement only.
    executeUnflushed: (text, values) =>
      withConnectionLock(this.lock, async () => {
        await this.connection().execute("PRAGMA synchronous = NORMAL");
        try {
          const result = await this.connection().execute({
            sql: text,
            args: values.map(toSqlite),
          });
          return result.rowsAffected;
        } finally {
          await this.connection().execute("PRAGMA synchronous = FULL");
        }
      }),
  };
}

/**
 * libsql hands its connection to each transaction and opens a new one for the next statement,
 * never closing the old one: under load the process runs out of file descriptors. Everything
 * here is serialized by the lock anyway, so transactions simply run on the one connection.
 *
 * A statement that fails with SQLITE_BUSY stays active in libsql until it is garbage-collected,
 * and while it is, every COMMIT on its connection fails ("SQL statements in progress"): writes
 * would pile up in a transaction that never ends. The connection is replaced instead, and a
 * transaction it was in is rolled back with it.
 */
function singleConnection(open: () => Client): Client {
  let client = open();
  const onConnection = async <T>(call: (connection: Client) => Promise<T>): Promise<T> => {
    const connection = client;
    try {
      return await call(connection);
    } catch (error) {
      if (isDatabaseLocked(error) && connection === client) {
        client = open();
        try {
          connection.close();
        } catch {
          // Still busy with the failed statement: it closes when that is collected.
        }
      }
      throw error;
    }
  };
  // Prisma begins its transactions DEFERRED. One that reads and then writes would take the write
  // lock only at its first write, and if another process committed since the read, SQLite refuses
  // at once with SQLITE_BUSY, without waiting out the busy timeout (its snapshot is stale). In
  // this process transactions are serialized by the lock anyway, so each takes the write lock as
  // it begins, where the busy timeout applies.
  const transaction: Client["transaction"] = async () => {
    const connection = client;
    await onConnection((current) => current.execute("BEGIN IMMEDIATE"));
    let open = true;
    /** The transaction ended with the connection it began on when that one was replaced. */
    const lost = () => connection !== client;
    const finish = async (statement: "COMMIT" | "ROLLBACK") => {
      if (!open) return;
      open = false;
      if (lost()) {
        if (statement === "COMMIT") throw new Error("The transaction's connection was replaced");
        return;
      }
      try {
        await inTransaction((current) => current.execute(statement));
      } catch (error) {
        // A failed COMMIT leaves the transaction open: end it, so later statements are not in it.
        if (statement === "COMMIT" && !lost()) await client.execute("ROLLBACK").catch(() => {});
        throw error;
      }
    };
    // After a replacement the transaction's statements must fail, not autocommit on the new one.
    const inTransaction = <T>(call: (connection: Client) => Promise<T>) => {
      if (lost()) return Promise.reject(new Error("The transaction's connection was replaced"));
      return onConnection(call);
    };
    return {
      execute: (statement: Parameters<Client["execute"]>[0]) =>
        inTransaction((current) => current.execute(statement)),
      batch: (statements: Parameters<Client["batch"]>[0]) =>
        inTransaction((current) => current.batch(statements)),
      executeMultiple: (script: string) =>
        inTransaction((current) => current.executeMultiple(script)),
      commit: () => finish("COMMIT"),
      rollback: () => finish("ROLLBACK"),
      close: () => void finish("ROLLBACK"),
      get closed() {
        return !open;
      },
    } as unknown as Awaited<ReturnType<Client["transaction"]>>;
  };
  return {
    execute: (statement: Parameters<Client["execute"]>[0]) =>
      onConnection((current) => current.execute(statement)),
    batch: (statements: Parameters<Client["batch"]>[0], mode?: Parameters<Client["batch"]>[1]) =>
      onConnection((current) => current.batch(statements, mode)),
    executeMultiple: (script: string) => onConnection((current) => current.executeMultiple(script)),
    transaction,
    close: () => client.close(),
    get closed() {
      return client.closed;
    },
    get protocol() {
      return client.protocol;
    },
  } as unknown as Client;
}

/** Values as Prisma itself stores them in SQLite, so that both paths read and compare alike. */
function toSqlite(value: SqlValue) {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** Delegates to Prisma's adapter, holding the shared lock for each call and for each transaction. */
class SerializedAdapter implements SqlDriverAdapter {
  readonly provider: SqlDriverAdapter["provider"];
  readonly adapterName: string;

  constructor(
    private readonly inner: SqlDriverAdapter,
    private readonly lock: Mutex,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  queryRaw(query: SqlQuery) {
    return withConnectionLock(this.lock, () => this.inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery) {
    return withConnectionLock(this.lock, () => this.inner.executeRaw(query));
  }

  executeScript(script: string) {
    return withConnectionLock(this.lock, () => this.inner.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const release = await acquireConnectionLock(this.lock);
    try {
      const transaction = await this.inner.startTransaction(isolationLevel);
      const settle = (finish: () => Promise<void>) => async () => {
        try {
          await finish();
        } finally {
          release();
        }
      };
      return Object.assign(Object.create(transaction) as Transaction, {
        commit: settle(() => transaction.commit()),
        rollback: settle(() => transaction.rollback()),
      });
    } catch (error) {
      release();
      throw error;
    }
  }

  getConnectionInfo() {
    return this.inner.getConnectionInfo?.() ?? { supportsRelationJoins: false };
  }

  dispose() {
    return this.inner.dispose();
  }
}
