/**
 * Which database a DATABASE_URL points at. Shared by the app, the Prisma CLI config and the
 * scripts, so it must stay free of server-only imports.
 */
export type DatabaseProvider = "sqlite" | "postgresql";

export const DEFAULT_SQLITE_URL = "file:./prisma/dev.sqlite";

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL?.trim() || DEFAULT_SQLITE_URL;
}

export function databaseProvider(url: string): DatabaseProvider {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  if (/^(file|libsql):/i.test(url)) return "sqlite";
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL); got "${url.split(":")[0]}:…"`,
  );
}

/** node-postgres settings from a URL, as separate fields (the Prisma CLI needs them that way). */
export function postgresConnectionFields(url: string) {
  const parsed = new URL(url);
  return {
    host: decodeURIComponent(parsed.hostname) || "127.0.0.1",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || "postgres",
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres",
    ssl:
      parsed.searchParams.get("sslmode") === "require" ? { rejectUnauthorized: false } : undefined,
  };
}
