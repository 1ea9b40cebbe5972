/**
 * The floor for webhook ingest: a bare node:http server that verifies the HMAC and inserts one
 * row into the same database, with no framework, no ORM and no queue. Nothing real can be
 * faster at the same job on the same machine.
 */
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import http from "node:http";
import { Sqlite3Client } from "@libsql/client/sqlite3";
import Database from "libsql";
import pg from "pg";

const secret = process.env.SHOPIFY_API_SECRET ?? "";
const url = process.env.DATABASE_URL ?? "";
const port = Number(process.env.PORT);

const INSERT =
  'INSERT INTO "WebhookDelivery" ("id", "webhookId", "shopDomain", "topic", "payload", "status", "attempts", "receivedAt") VALUES ';

type Insert = (values: string[]) => Promise<void>;
let insert: Insert;
if (url.startsWith("postgres")) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  insert = async (values) => {
    await pool.query(`${INSERT}($1, $2, $3, $4, $5, 'received', 0, now())`, values);
  };
} else {
  const path = url.replace(/^file:/, "");
  const options = { timeout: 10_000 };
  const client = new Sqlite3Client(path, options, new Database(path, options), "number");
  insert = async (values) => {
    await client.execute({
      sql: `${INSERT}(?, ?, ?, ?, ?, 'received', 0, ?)`,
      args: [...values, new Date().toISOString()],
    });
  };
}

http
  .createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const given = Buffer.from(String(request.headers["x-shopify-hmac-sha256"] ?? ""), "base64");
    const expected = createHmac("sha256", secret).update(body).digest();
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      response.writeHead(401).end();
      return;
    }
    await insert([
      randomUUID(),
      String(request.headers["x-shopify-webhook-id"]),
      String(request.headers["x-shopify-shop-domain"]),
      String(request.headers["x-shopify-topic"]),
      body.toString("utf8"),
    ]);
    response.writeHead(200).end("OK");
  })
  .listen(port, "127.0.0.1", () => console.log(`floor listening on ${port}`));
