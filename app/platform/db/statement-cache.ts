import type Database from "libsql";

/**
 * Distinct statement texts kept prepared per connection. Prisma's and the raw path's statements
 * are a few hundred shapes; a batch insert's text is the same for every full batch.
 */
export const STATEMENT_CACHE_SIZE = 256;

/**
 * Makes a libsql connection reuse prepared statements by their text, the most recently used
 * `size` of them.
 *
 * libsql keeps each prepared statement's native memory until the garbage collector sweeps the
 * statement, which V8 sees no reason to hurry (tursodatabase/libsql-js issue 153). Preparing one
 * per execution, as `@libsql/client` does, let a model rebuild's 1,000-row inserts (about 0.8 MB
 * each) grow the process by 400 MB over one table. Statements run to completion synchronously on
 * the event loop, so a cached one is never in use when it is taken again.
 */
export function cacheStatements(database: Database.Database, size = STATEMENT_CACHE_SIZE) {
  const prepare = database.prepare.bind(database);
  const cache = new Map<string, ReturnType<typeof prepare>>();
  database.prepare = ((sql: string) => {
    let statement = cache.get(sql);
    if (statement) {
      cache.delete(sql);
    } else {
      statement = prepare(sql);
      if (namesItsColumns(sql)) keepColumns(statement);
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, statement);
    return statement;
  }) as typeof database.prepare;
  return database;
}

/**
 * Whether a statement's result columns are fixed by its text: it names them, with no `*` to expand
 * (`count(*)` aside). SQLite re-prepares a statement after a schema change, and only a `*` could
 * then answer with other columns; Prisma and the raw path always name theirs.
 */
function namesItsColumns(sql: string) {
  return !/(^|[^(])\*/.test(sql);
}

/**
 * Remembers a statement's result columns. `@libsql/client` asks for them twice per execution and
 * libsql builds them anew each time in native code: about 24 µs for 20 columns, three times what
 * running a point select takes.
 */
function keepColumns(statement: ReturnType<Database.Database["prepare"]>) {
  const columns = statement.columns.bind(statement);
  let kept: ReturnType<typeof columns> | undefined;
  statement.columns = () => (kept ??= columns());
}
