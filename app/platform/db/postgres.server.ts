import pg from "pg";
import type { SqlExecutor, SqlValue } from "./sql";

/** Connections of the one pool Prisma's adapter and the raw SQL path share. */
export const POOL_SIZE = 10;

/**
 * How long a transaction waits for one of the pool's connections: as long as a write on SQLite
 * waits for the lock. Prisma's default, 2 s, is far shorter than a plain query waits in the same
 * queue (pg's pool sets no limit), so under load (200 chat conversations, `npm run bench`) the
 * shoppers' messages and the merchant's replies failed with P2028 while the reads beside them
 * only waited.
 */
export const TRANSACTION_MAX_WAIT_MS = 10_000;

export function postgresPool(url: string) {
  return new pg.Pool({ connectionString: url, max: POOL_SIZE });
}

export function postgresSql(pool: pg.Pool): SqlExecutor {
  const run = (text: string, values: SqlValue[]) => {
    let index = 0;
    return pool.query(
      text.replace(/\?/g, () => `$${++index}`),
      values.map(toPostgres),
    );
  };
  return {
    async query(text, values) {
      return (await run(text, values)).rows;
    },
    async execute(text, values) {
      return (await run(text, values)).rowCount ?? 0;
    },
    // The flush waits on the server, not in this process, and concurrent commits share it; making
    // it asynchronous here would take a transaction and three more round trips.
    async executeUnflushed(text, values) {
      return (await run(text, values)).rowCount ?? 0;
    },
  };
}

/** Prisma's DateTime columns are timestamp(3) without time zone, holding UTC. */
function toPostgres(value: SqlValue) {
  return value instanceof Date ? value.toISOString().replace("T", " ").replace("Z", "") : value;
}
