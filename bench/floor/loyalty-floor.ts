/**
 * The floor for the customer-account loyalty page: a bare node:http server that checks the
 * session token's HS256 signature and runs the two indexed queries the page cannot do without
 * (the member, their latest 25 entries), answering JSON. No framework, no ORM, no tiers,
 * rewards or referral.
 */
import http from "node:http";
import { connect, verifiedTokenClaims } from "./shared";

const secret = process.env.SHOPIFY_API_SECRET ?? "";
const query = connect(process.env.DATABASE_URL ?? "");
const port = Number(process.env.PORT);

http
  .createServer(async (request, response) => {
    const send = (status: number, body: unknown) =>
      response.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
    if (request.url !== "/api/loyalty") return send(200, { ready: true });
    const claims = verifiedTokenClaims(secret, request.headers.authorization);
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
