/**
 * Raw SQL for the few hot paths where Prisma's per-call cost dominates (the webhook ingest
 * path, serving recommendations, a model rebuild's writes). Statements use `?` placeholders and must run unchanged on SQLite and PostgreSQL
 * (quoted identifiers, ON CONFLICT … DO NOTHING, RETURNING). Everything else uses Prisma.
 */
export type SqlValue = string | number | boolean | Date | null;

export interface SqlExecutor {
  query<TRow extends Record<string, unknown> = Record<string, unknown>>(
    text: string,
    values: SqlValue[],
  ): Promise<TRow[]>;
  /**
   * A statement whose rows are not wanted; resolves to how many rows it changed. Cheaper than a
   * `RETURNING` read only to count them: SQLite hands each returned row across to JavaScript.
   */
  execute(text: string, values: SqlValue[]): Promise<number>;
  /**
   * `execute` for a write worth little after a power loss (a tracking view counted): committed
   * without waiting for the disk to confirm it. Both databases' logs are sequential, so it becomes
   * durable with the next write that does wait, and a power loss can drop only the last such
   * writes, never tear one or any write before it. On SQLite a confirmed commit blocks the event
   * loop (libsql is synchronous) for the flush: ~0.2 ms on a quiet disk, several times that on a
   * busy one.
   */
  executeUnflushed(text: string, values: SqlValue[]): Promise<number>;
}

/** `(?, ?, ?), (?, ?, ?)` for a multi-row VALUES clause. */
export function valuesPlaceholders(rows: number, columns: number): string {
  const row = `(${Array.from({ length: columns }, () => "?").join(", ")})`;
  return Array.from({ length: rows }, () => row).join(", ");
}

/** `?, ?, ?` for an IN (…) list. */
export function listPlaceholders(count: number): string {
  return Array.from({ length: count }, () => "?").join(", ");
}

/**
 * A DateTime column read in raw SQL as the instant it holds: SQLite gives Prisma's ISO text,
 * PostgreSQL's driver a Date built from timestamp(3)-without-time-zone as if it were local time
 * (Prisma stores UTC there).
 */
export function sqlInstant(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return new Date(value.getTime() - value.getTimezoneOffset() * 60_000);
  return new Date(String(value));
}
