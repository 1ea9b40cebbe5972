import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  ROUTE_GUARDS,
  WEBHOOK_ENTRY,
  routeGuardTable,
  type Guard,
  type RouteGuard,
} from "../../app/route-guards";
import { mailgunSignature } from "../../scripts/standin/mailgun";
import { twilioSignature } from "../../scripts/standin/twilio";
import { sessionToken, signAppProxyQuery, webhookHeaders } from "../../scripts/standin/signing";
import { root } from "../support/app-server";
import { BROWSER_UA, TEST_API_KEY, uniqueShop } from "../support/constants";
import { appUrl } from "../support/http";

/**
 * The route table of issue #15 (Deliver 7): every route declares its guard in app/route-guards.ts,
 * and every guarded route refuses, over real HTTP against the production build, a request that
 * comes without credentials or signed with the wrong secret.
 */

const routesDir = path.join(root, "app/routes");
const ROUTE_FILE = /\.(tsx?|jsx?)$/;

/** Route files as Remix's flat routes see them: `name.tsx`, or `folder/route.tsx`. */
function routeFiles(): string[] {
  return readdirSync(routesDir)
    .flatMap((entry) =>
      statSync(path.join(routesDir, entry)).isDirectory()
        ? readdirSync(path.join(routesDir, entry))
            .filter((file) => /^route\.(tsx?|jsx?)$/.test(file))
            .map((file) => `${entry}/${file}`)
        : ROUTE_FILE.test(entry) && !entry.includes(".test.")
          ? [entry]
          : [],
    )
    .sort();
}

/**
 * A URL path for a flat-routes file name: `app.returns.$id.tsx` → `/app/returns/1`; a trailing
 * `_` only opts out of the parent's layout (`app.settings_.endpoints` → `/app/settings/endpoints`).
 */
function samplePath(file: string): string {
  const segments = file
    .replace(/\/route\.(tsx?|jsx?)$/, "")
    .replace(ROUTE_FILE, "")
    .split(".")
    .filter((segment) => !segment.startsWith("_"))
    // A trailing underscore only opts a route out of its parent's layout (`proxy.help_.x`).
    .map((segment) => segment.replace(/_$/, ""))
    .map((segment) => (segment === "$" ? "callback" : segment.startsWith("$") ? "1" : segment));
  return `/${segments.join("/")}`;
}

const source = (file: string) => readFileSync(path.join(routesDir, file), "utf8");
const hasAction = (file: string) =>
  /export (const|async function|function) action\b/.test(source(file));
const hasLoader = (file: string) =>
  /export (const|async function|function) loader\b/.test(source(file));

const shop = uniqueShop("guards");
const WRONG_SECRET = "not-the-app-secret";

/** A session token of the right shape, signed with a secret that is not the app's. */
const forgedToken = (issuer?: "shop") =>
  sessionToken({
    shop,
    apiKey: TEST_API_KEY,
    secret: WRONG_SECRET,
    ...(issuer ? { issuer, sub: "gid://shopify/Customer/115310627314723954" } : {}),
  });

interface Probe {
  name: string;
  request: () => Promise<Response>;
  refused: (response: Response) => boolean;
}

const send = (pathname: string, method: string, init: RequestInit = {}) => {
  const headers = new Headers(init.headers);
  headers.set("User-Agent", BROWSER_UA);
  return fetch(`${appUrl()}${pathname}`, {
    ...init,
    method,
    headers,
    redirect: "manual",
    ...(method === "POST" && !init.body ? { body: "{}" } : {}),
  });
};

const status =
  (...allowed: number[]) =>
  (response: Response) =>
    allowed.includes(response.status);

/** What each guard must answer to a request that lacks its credential or forges it. */
function probes(pathname: string, methods: string[], guard: Guard, entry: RouteGuard): Probe[] {
  const refusedBy = (fallback: (response: Response) => boolean) =>
    entry.refusedWith ? status(...entry.refusedWith) : fallback;
  return methods.flatMap((method): Probe[] => {
    switch (guard) {
      case "admin-session":
        return [
          {
            name: `${method} without a session`,
            request: () => send(pathname, method),
            // A document request goes to the login; anything else is told it is unauthorized.
            refused: (response) =>
              response.status === 401 ||
              response.status === 400 ||
              ((response.status === 302 || response.status === 303) &&
                (response.headers.get("location") ?? "").includes("/auth/login")),
          },
          {
            name: `${method} with a forged session token`,
            request: () =>
              send(`${pathname}?shop=${shop}`, method, {
                headers: { Authorization: `Bearer ${forgedToken()}` },
              }),
            refused: refusedBy(status(400, 401)),
          },
        ];
      case "checkout-token":
      case "customer-account-token":
        return [
          {
            name: `${method} without a token`,
            request: () => send(pathname, method),
            refused: refusedBy(status(401)),
          },
          {
            name: `${method} with a forged token`,
            request: () =>
              send(pathname, method, {
                headers: {
                  Authorization: `Bearer ${forgedToken(guard === "customer-account-token" ? "shop" : undefined)}`,
                  Origin: "https://extensions.shopifycdn.com",
                },
              }),
            refused: refusedBy(status(401)),
          },
        ];
      case "app-proxy-signature": {
        const forged = signAppProxyQuery(new URLSearchParams(), {
          shop,
          pathPrefix: "/apps/aftercare",
          secret: WRONG_SECRET,
        });
        return [
          {
            name: `${method} unsigned`,
            request: () => send(`${pathname}?shop=${shop}`, method),
            refused: refusedBy(status(400, 401)),
          },
          {
            name: `${method} signed with another secret`,
            request: () => send(`${pathname}?${forged}`, method),
            refused: refusedBy(status(400, 401)),
          },
        ];
      }
      case "webhook-hmac":
      case "provider-hmac": {
        const body = JSON.stringify({ id: 1 });
        const headers = webhookHeaders(body, {
          shop,
          topic: "orders/create",
          secret: WRONG_SECRET,
          apiVersion: "2026-10",
        });
        return [
          {
            name: `${method} unsigned`,
            request: () => send(`${pathname}?shop=${shop}`, method, { body }),
            refused: refusedBy(status(400, 401)),
          },
          {
            name: `${method} signed with another secret`,
            request: () =>
              send(`${pathname}?shop=${shop}`, method, {
                body,
                headers: { ...headers, "X-Hmac-Signature": `hmac-sha256-hex=${"0".repeat(64)}` },
              }),
            refused: refusedBy(status(401)),
          },
        ];
      }
      case "signed-link":
        return [
          {
            name: `${method} with a forged token`,
            request: () =>
              send(
                `${pathname}?token=${encodeURIComponent(`${Buffer.from("{}").toString("base64url")}.forged`)}&score=5`,
                method,
                method === "POST"
                  ? {
                      body: new URLSearchParams({ token: "forged.token", comment: "hi" }),
                      headers: { "Content-Type": "application/x-www-form-urlencoded" },
                    }
                  : {},
              ),
            refused: refusedBy(status(400, 401, 403, 404)),
          },
        ];
      case "mail-signature": {
        // Mailgun's fields, signed with a key that is not the app's (see scripts/standin/mailgun.ts).
        const timestamp = String(Math.floor(Date.now() / 1000));
        const token = "a".repeat(50);
        const fields = {
          timestamp,
          token,
          recipient: "reply+x@reply.aftercare.test",
          sender: "jon@example.com",
          "stripped-text": "hello",
        };
        return [
          {
            name: `${method} unsigned`,
            request: () => send(pathname, method, { body: new URLSearchParams(fields) }),
            refused: refusedBy(status(401)),
          },
          {
            name: `${method} signed with another key`,
            request: () =>
              send(pathname, method, {
                body: new URLSearchParams({
                  ...fields,
                  signature: mailgunSignature(WRONG_SECRET, timestamp, token),
                }),
              }),
            refused: refusedBy(status(401)),
          },
        ];
      }
      case "twilio-signature": {
        // A status callback as Twilio posts it, signed with a token that is not the shop's.
        const target = `${pathname}?shop=${shop}&message=m1`;
        const fields = {
          AccountSid: `AC${"0".repeat(32)}`,
          MessageSid: `SM${"0".repeat(32)}`,
          MessageStatus: "delivered",
          From: "+15005550006",
          To: "+14155550100",
          Body: "STOP",
        };
        const form = { "Content-Type": "application/x-www-form-urlencoded" };
        return [
          {
            name: `${method} unsigned`,
            request: () =>
              send(target, method, { body: new URLSearchParams(fields), headers: form }),
            refused: refusedBy(status(403)),
          },
          {
            name: `${method} signed with another token`,
            request: () =>
              send(target, method, {
                body: new URLSearchParams(fields),
                headers: {
                  ...form,
                  "X-Twilio-Signature": twilioSignature(
                    WRONG_SECRET,
                    `${appUrl()}${target}`,
                    fields,
                  ),
                },
              }),
            refused: refusedBy(status(403)),
          },
        ];
      }
      case "public":
        return [];
    }
  });
}

describe("route guards", () => {
  it("declares a guard for every route file and the webhook entry, and none for a route that is gone", () => {
    const declared = Object.keys(ROUTE_GUARDS)
      .filter((key) => key !== WEBHOOK_ENTRY)
      .sort();
    expect(routeFiles()).toEqual(declared);
    // The webhook entry is served ahead of Remix by scripts/server.js.
    expect(readFileSync(path.join(root, "scripts/server.js"), "utf8")).toMatch(
      /req\.url === "\/webhooks"/,
    );
  });

  it("keeps SECURITY.md's route table the one rendered from the declarations", () => {
    const security = readFileSync(path.join(root, "SECURITY.md"), "utf8");
    const table = /<!-- route-guards:start -->\n([\s\S]*?)\n<!-- route-guards:end -->/.exec(
      security,
    )?.[1];
    // Fix with: npx tsx scripts/route-guards.ts
    expect(table).toBe(routeGuardTable());
  });

  const guarded = Object.entries(ROUTE_GUARDS).filter(([, entry]) => entry.guard !== "public");
  it.each(guarded)("%s refuses requests without its credential", async (route, entry) => {
    const [pathname, methods] =
      route === WEBHOOK_ENTRY
        ? ["/webhooks", ["POST"]]
        : [
            samplePath(route),
            [...(hasLoader(route) ? ["GET"] : []), ...(hasAction(route) ? ["POST"] : [])],
          ];
    expect(methods.length, `${route} exports neither loader nor action`).toBeGreaterThan(0);
    for (const probe of probes(pathname, methods, entry.guard, entry)) {
      const response = await probe.request();
      await response.arrayBuffer();
      expect(
        probe.refused(response),
        `${route} (${pathname}) ${probe.name}: answered ${response.status} ${response.headers.get("location") ?? ""}`,
      ).toBe(true);
    }
  });
});
