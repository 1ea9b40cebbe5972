/**
 * The floor for the customer-account loyalty page: a bare node:http server that checks the
 * session token's HS256 signature and runs the two indexed queries the page cannot do without
 * (the member, their latest 25 entries), answering JSON. No framework, no ORM, no tiers,
 * rewards or referral.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import { Sqlite3Client } from "@libsql/client/sqlite3";
import Database from "libsql";
import pg from "pg";

const secret = process.env.SHOPIFY_API_SECRET ?? "";
const url = process.env.DATABASE_URL ?? "";
const port = Number(process.env.PORT);

type Query = (sql: string, args: string[]) => Promise<Record<string, unknown>[]>;
let query: Query;
if (url.startsWith("postgres")) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  query = async (sql, args) => {
    let position = 0;
    return (
      await pool.query(
        sql.replace(/\?/g, () => `$${++position}`),
        args,
      )
    ).rows;
  };
} else {
  const path = url.replace(/^file:/, "");
  const options = { timeout: 10_000 };
  const client = new Sqlite3Client(path, options, new Database(path, options), "number");
  query = async (sql, args) =>
    (await client.execute({ sql, args })).rows as unknown as Record<string, unknown>[];
}

function verifiedTokenClaims(header: string | undefined) {
  const [head, payload, signature] = (header ?? "").replace(/^Bearer /, "").split(".");
  if (!head || !payload || !signature) return null;
  const expected = createHmac("sha256", secret).update(`${head}.${payload}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
    dest: string;
    sub: string;
  };
}

http
  .createServer(async (request, response) => {
    const send = (status: number, body: unknown) =>
      response.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
    if (request.url !== "/api/loyalty") return send(200, { ready: true });
    const claims = verifiedTokenClaims(request.headers.authorization);
    if (!claims) return send(401, { error: "token" });
    const shop = new URL(claims.dest).hostname;
    const customer = claims.sub.split("/").pop() ?? "";
    const [member] = await query(
      'SELECT * FROM "LoyaltyMember" WHERE "shopDomain" = ? AND "customerShopifyId" = ? LIMIT 1',
      [shop, customer],
    );
    const history = member
      ? await query(
          'SELECT * FROM "LoyaltyEntry" WHERE "memberId" = ? ORDER BY "createdAt" DESC LIMIT 25',
          [String(member.id)],
        )
      : [];
    send(200, { balance: member?.balance ?? 0, pending: member?.pending ?? 0, history });
  })
  .listen(port, "127.0.0.1", () => console.log(`loyalty floor listening on ${port}`));
