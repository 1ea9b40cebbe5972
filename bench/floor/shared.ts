/**
 * What every floor server does without a framework: raw SQL on the database DATABASE_URL names
 * (the pg pool or libsql, as the app's adapters use) and the session token's HS256 check.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { Sqlite3Client } from "@libsql/client/sqlite3";
import Database from "libsql";
import pg from "pg";

export type Query = (
  sql: string,
  args: (string | number | boolean)[],
) => Promise<Record<string, unknown>[]>;

export function connect(url: string): Query {
  if (url.startsWith("postgres")) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    return async (sql, args) => {
      let position = 0;
      return (
        await pool.query(
          sql.replace(/\?/g, () => `$${++position}`),
          args,
        )
      ).rows;
    };
  }
  const path = url.replace(/^file:/, "");
  const options = { timeout: 10_000 };
  const client = new Sqlite3Client(path, options, new Database(path, options), "number");
  return async (sql, args) =>
    (await client.execute({ sql, args })).rows as unknown as Record<string, unknown>[];
}

export function sameDigest(given: Buffer, expected: Buffer) {
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Shopify's App Proxy signature: the query's other parameters, sorted, HMAC-SHA256 in hex. */
export function validProxySignature(secret: string, params: URLSearchParams) {
  const signature = params.get("signature") ?? "";
  const message = [...new Set(params.keys())]
    .filter((key) => key !== "signature")
    .sort()
    .map((key) => `${key}=${params.getAll(key).join(",")}`)
    .join("");
  const expected = createHmac("sha256", secret).update(message).digest();
  return sameDigest(Buffer.from(signature, "hex"), expected);
}

export function verifiedTokenClaims(secret: string, header: string | undefined) {
  const [head, payload, signature] = (header ?? "").replace(/^Bearer /, "").split(".");
  if (!head || !payload || !signature) return null;
  const expected = createHmac("sha256", secret).update(`${head}.${payload}`).digest();
  if (!sameDigest(Buffer.from(signature, "base64url"), expected)) return null;
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
    dest: string;
    sub: string;
  };
}
