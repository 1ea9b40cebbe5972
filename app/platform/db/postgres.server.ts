import pg from "pg";
import type { SqlExecutor, SqlValue } from "./sql";

/** One pool for Prisma's adapter and the raw SQL path. */
export function postgresPool(url: string) {
  return new pg.Pool({ connectionString: url, max: 10 });
}

export function postgresSql(pool: pg.Pool): SqlExecutor {
  return {
    async query(text, values) {
      let index = 0;
      const result = await pool.query(
        text.replace(/\?/g, () => `$${++index}`),
        values.map(toPostgres),
      );
      return result.rows;
    },
  };
}

/** Prisma's DateTime columns are timestamp(3) without time zone, holding UTC. */
function toPostgres(value: SqlValue) {
  return value instanceof Date ? value.toISOString().replace("T", " ").replace("Z", "") : value;
}
