/**
 * The floor for the storefront chat's message round trip: a bare node:http server speaking the
 * widget's and the inbox's protocol with the least work each step needs. A shopper's message
 * (App Proxy signature, an HMAC chat token) is one INSERT and one UPDATE; the merchant's reply
 * (session token's HS256) the same; each nudges the conversation's and the shop's channels, and
 * every open Server-Sent Events stream of a nudged conversation reads what is new with one
 * indexed query. Nudges go through LISTEN/NOTIFY on PostgreSQL (what lets several web processes
 * share streams, as the app's pub/sub does) and an in-process emitter on SQLite (one process).
 * No framework, no ORM, no rate limits, no presence, no order context; the shopper's POST
 * answers {"ok":true} instead of the thread.
 */
import { createHmac, randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import http from "node:http";
import pg from "pg";
import { connect, sameDigest, validProxySignature, verifiedTokenClaims } from "./shared";

const secret = process.env.SHOPIFY_API_SECRET ?? "";
const databaseUrl = process.env.DATABASE_URL ?? "";
const port = Number(process.env.PORT);
const onPostgres = databaseUrl.startsWith("postgres");
// Timestamps stay the database's text, handed back as the next read's lower bound.
if (onPostgres) pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (value) => value);
const query = connect(databaseUrl);

const local = new EventEmitter().setMaxListeners(0);
let nudge = async (channel: string, payload: string) => void local.emit(channel, payload);
if (onPostgres) {
  const listener = new pg.Client({ connectionString: databaseUrl });
  await listener.connect();
  await listener.query("LISTEN chat_floor");
  listener.on("notification", ({ payload }) => {
    const [channel, message] = JSON.parse(payload ?? "[]") as [string, string];
    local.emit(channel, message);
  });
  nudge = async (channel, payload) =>
    void (await query("SELECT pg_notify('chat_floor', ?)", [JSON.stringify([channel, payload])]));
}

const tokenSignature = (id: string) => createHmac("sha256", secret).update(id).digest();
const chatToken = (id: string) => `${id}.${tokenSignature(id).toString("base64url")}`;
function conversationOfToken(token: string | null) {
  const [id = "", signature = ""] = (token ?? "").split(".");
  return sameDigest(Buffer.from(signature, "base64url"), tokenSignature(id)) ? id : null;
}

const now = () => new Date().toISOString();

async function addMessage(shop: string, conversationId: string, author: string, body: string) {
  const at = now();
  await query(
    'INSERT INTO "SupportConversationMessage" ("id", "shopDomain", "conversationId", "author", "body", "channel", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)',
    [
      randomUUID(),
      shop,
      conversationId,
      author,
      body,
      author === "shopper" ? "storefront" : "admin",
      at,
    ],
  );
  await query(
    'UPDATE "SupportConversation" SET "lastMessageAt" = ?, "updatedAt" = ? WHERE "id" = ?',
    [at, at, conversationId],
  );
  await Promise.all([
    nudge(`conversation:${conversationId}`, "message"),
    nudge(`inbox:${shop}`, conversationId),
  ]);
  return at;
}

async function readBody(request: http.IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** An SSE response following `channel`: each nudge runs `onNudge`, one at a time, in order. */
function follow(
  response: http.ServerResponse,
  channel: string,
  catchUpOnOpen: boolean,
  onNudge: (write: (event: string, data: unknown) => void, payload: string) => Promise<void>,
) {
  response
    .writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store" })
    .flushHeaders();
  const write = (event: string, data: unknown) =>
    response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  let handling = Promise.resolve();
  const handle = (payload: string) => {
    handling = handling.then(() => onNudge(write, payload)).catch(() => void response.destroy());
  };
  local.on(channel, handle);
  response.once("close", () => local.off(channel, handle));
  if (catchUpOnOpen) handle("");
}

async function chat(params: URLSearchParams, raw: string) {
  const shop = params.get("shop") ?? "";
  const input = JSON.parse(raw) as Record<string, string>;
  if (input.intent === "contact") {
    const [order] = await query(
      'SELECT "shopifyId", "name", "email" FROM "Order" WHERE "shopDomain" = ? AND "name" = ? LIMIT 1',
      [shop, input.order ?? ""],
    );
    if (!order || order.email !== input.email) return [404, { error: "notFound" }] as const;
    const id = randomUUID();
    const at = now();
    await query(
      'INSERT INTO "SupportConversation" ("id", "shopDomain", "orderShopifyId", "orderName", "email", "context", "lastMessageAt", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        id,
        shop,
        String(order.shopifyId),
        String(order.name),
        String(order.email),
        "{}",
        at,
        at,
        at,
      ],
    );
    const sent = await addMessage(shop, id, "shopper", input.message ?? "");
    const token = chatToken(id);
    return [
      200,
      { token, stream: `/chat/stream?${new URLSearchParams({ token })}`, messages: [{ at: sent }] },
    ] as const;
  }
  const id = conversationOfToken(input.token ?? null);
  const [conversation] = id
    ? await query('SELECT "id" FROM "SupportConversation" WHERE "id" = ? AND "shopDomain" = ?', [
        id,
        shop,
      ])
    : [];
  if (!conversation || input.intent !== "send") return [404, { error: "notFound" }] as const;
  await addMessage(shop, String(conversation.id), "shopper", input.message ?? "");
  return [200, { ok: true }] as const;
}

http
  .createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://floor");
    const send = (status: number, body: unknown) =>
      response.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
    if (url.pathname === "/proxy/chat" && request.method === "POST") {
      if (!validProxySignature(secret, url.searchParams)) return send(400, { error: "signature" });
      const [status, body] = await chat(url.searchParams, await readBody(request));
      return send(status, body);
    }
    if (url.pathname === "/chat/stream") {
      const id = conversationOfToken(url.searchParams.get("token"));
      if (!id) return send(404, { error: "notFound" });
      let cursor = new Date(Number(url.searchParams.get("since")) || Date.now()).toISOString();
      return follow(response, `conversation:${id}`, true, async (write) => {
        const messages = await query(
          `SELECT "id", "author", "body", "createdAt" FROM "SupportConversationMessage" WHERE "conversationId" = ? AND "createdAt" > ? AND "author" <> 'note' ORDER BY "createdAt" LIMIT 100`,
          [id, cursor],
        );
        for (const message of messages) {
          cursor = String(message.createdAt);
          write("message", message);
        }
      });
    }
    const claims = verifiedTokenClaims(secret, request.headers.authorization);
    const shop = claims ? new URL(claims.dest).hostname : null;
    if (url.pathname === "/app/support/inbox/events") {
      if (!shop) return send(401, { error: "token" });
      return follow(response, `inbox:${shop}`, false, async (write, conversationId) =>
        write("conversation", { id: conversationId }),
      );
    }
    const reply = /^\/app\/support\/inbox\/([^/]+)\.data$/.exec(url.pathname);
    if (reply && request.method === "POST") {
      if (!shop) return send(401, { error: "token" });
      const form = new URLSearchParams(await readBody(request));
      await addMessage(shop, reply[1]!, "merchant", form.get("body") ?? "");
      return send(200, { ok: true });
    }
    send(200, { ready: true });
  })
  .listen(port, "127.0.0.1", () => console.log(`chat floor listening on ${port}`));
