import { describe, expect, it } from "vitest";
import { formatMinor } from "../../app/components/format";
import { db } from "../../app/db.server";
import { shopWithHistory } from "../recommendations/history";
import { uniqueShop } from "../support/constants";
import { webhookFixture, withFields } from "../support/fixtures";
import type { ReceivedEmail } from "../../scripts/standin/mailbox";
import { adminDocument, sendWebhook, standinUrl, storefrontFetch } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

/** The page's form, in the language its hidden field names (the simulated order's is Spanish). */
const lookupForm = (fields: Record<string, string>, locale = "en") => ({
  method: "POST",
  body: new URLSearchParams({ locale, ...fields }),
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
});

/** The click links of the page's "You may also like", as the shopper's browser resolves them. */
function clickLinks(html: string, shop: string) {
  const base = `${standinUrl()}/store/${shop}/apps/aftercare/track`;
  return [...html.matchAll(/<a href="(track\/go\?r=[^"]+)"/g)].map(
    (match) => new URL(match[1]!.replaceAll("&amp;", "&"), base).href,
  );
}

const trackingEvents = (shop: string) =>
  db.recommendationEvent.findMany({
    where: { shopDomain: shop },
    select: { kind: true, productId: true, surface: true, orderShopifyId: true },
    orderBy: [{ kind: "asc" }, { productId: "asc" }],
  });

describe(
  "tracking page recommendations (App Proxy /apps/aftercare/track)",
  { timeout: 120_000 },
  () => {
    it("shows what was bought with the order, records what it showed and what was followed, and credits the order that follows", async () => {
      const { shop, products, email, latestOrderId, newOrderBody } =
        await shopWithHistory("track-recs");
      const [b, c] = [String(products.b.id), String(products.c.id)];

      // Order #2009 holds A: B (bought with A 3 times) then C (twice); D is sold out, A was bought.
      const page = await storefrontFetch(shop, "/track", lookupForm({ order: "2009", email }));
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain("theme stand-in");
      expect(html).toContain("You may also like");
      const links = clickLinks(html, shop);
      expect(links).toHaveLength(2);
      expect(html.indexOf(products.b.title)).toBeLessThan(html.indexOf(products.c.title));
      expect(html).not.toContain(products.d.title);
      expect(html).toContain(`https://cdn.example.com/${products.b.sku.toLowerCase()}.png`);

      // Shown: one impression per product on the tracking page, however often it is reloaded.
      await storefrontFetch(shop, "/track", lookupForm({ order: "#2009", email }));
      expect(await trackingEvents(shop)).toEqual([
        {
          kind: "impression",
          productId: b,
          surface: "tracking_page",
          orderShopifyId: latestOrderId,
        },
        {
          kind: "impression",
          productId: c,
          surface: "tracking_page",
          orderShopifyId: latestOrderId,
        },
      ]);

      // Followed: the click is recorded, then the shopper lands on the product's page of this shop.
      const followed = await fetch(links[0]!, { redirect: "manual" });
      expect(followed.status).toBe(302);
      expect(followed.headers.get("location")).toBe(
        `https://${shop}/products/${products.b.sku.toLowerCase()}`,
      );
      expect(followed.headers.get("cache-control")).toBe("no-store");
      await fetch(links[0]!, { redirect: "manual" });
      expect((await trackingEvents(shop)).filter((event) => event.kind === "click")).toEqual([
        { kind: "click", productId: b, surface: "tracking_page", orderShopifyId: latestOrderId },
      ]);

      // The customer comes back and buys B: the order is credited to the tracking page's click.
      const bought = newOrderBody(20, [products.b]);
      expect((await sendWebhook({ shop, topic: "orders/create", body: bought })).status).toBe(200);
      const attribution = await waitFor(
        async () =>
          (await db.recommendationAttribution.findFirst({ where: { shopDomain: shop } })) ??
          undefined,
        { message: "the order attributed" },
      );
      expect(attribution).toMatchObject({ surface: "tracking_page", productIds: b });
      expect(attribution.revenue).toBeGreaterThan(0);

      // The Recommendations page shows the tracking page's figures and revenue on their own row.
      const admin = await (await adminDocument(shop, "/app/recommendations")).text();
      const row = admin.slice(admin.indexOf("Tracking page"));
      const cells = [...row.slice(0, row.indexOf("</tr>")).matchAll(/numeric[^>]*>([^<]+)</g)].map(
        (match) => match[1],
      );
      expect(cells).toEqual([
        "2",
        "1",
        "50 %",
        "1",
        formatMinor(attribution.revenue, attribution.currency).replace(/\u00a0/g, "&nbsp;"),
      ]);
    });

    it("follows only its own signed links to the shop's own products; other shops and strangers learn nothing", async () => {
      const { shop, products, email } = await shopWithHistory("track-recs-safe");
      const html = await (
        await storefrontFetch(shop, "/track", lookupForm({ order: "2009", email }, "fr"))
      ).text();
      expect(html).toContain("Vous aimerez aussi");
      const [link] = clickLinks(html, shop);
      const token = new URL(link!).searchParams.get("r")!;
      const other = uniqueShop("track-recs-other");
      await installShop(other);

      const go = (forShop: string, r: string) =>
        fetch(
          `${standinUrl()}/store/${forShop}/apps/aftercare/track/go?${new URLSearchParams({ r })}`,
          { redirect: "manual" },
        );
      const [version, payload, expires, signature] = token.split(".") as [
        string,
        string,
        string,
        string,
      ];
      // Another shop's link, ours with the product, shop or signature changed, an address: 404.
      const forged = Buffer.from(payload, "base64url")
        .toString()
        .replace(String(products.b.id), String(products.d.id));
      for (const [forShop, r] of [
        [other, token],
        [shop, `${version}.${Buffer.from(forged).toString("base64url")}.${expires}.${signature}`],
        [shop, `${version}.${payload}.${expires}.${signature.slice(0, -2)}AA`],
        [shop, "https://evil.example.com/products/b"],
        [shop, "//evil.example.com"],
        [shop, ""],
      ] as const) {
        const response = await go(forShop, r);
        expect(response.status, r).toBe(404);
        expect(response.headers.get("location")).toBeNull();
      }
      expect(
        await db.recommendationEvent.count({ where: { shopDomain: shop, kind: "click" } }),
      ).toBe(0);
      expect(await db.recommendationEvent.count({ where: { shopDomain: other } })).toBe(0);

      // Another shop's page with this order's number and email: the same 404 as any unknown order.
      const ask = async (forShop: string, fields: Record<string, string>) => {
        const response = await storefrontFetch(forShop, "/track", lookupForm(fields));
        const text = await response.text();
        return { status: response.status, recommends: text.includes("You may also like") };
      };
      const elsewhere = await ask(other, { order: "2009", email });
      const wrongEmail = await ask(shop, { order: "2009", email: "someone@else.example" });
      const noOrder = await ask(shop, { order: "4242", email });
      expect(elsewhere).toEqual({ status: 404, recommends: false });
      expect(wrongEmail).toEqual(elsewhere);
      expect(noOrder).toEqual(elsewhere);
      const foreignJson = await storefrontFetch(
        other,
        "/track?format=json",
        lookupForm({ order: "2009", email }),
      );
      expect(await foreignJson.text()).toBe('{"error":"notFound"}');
    });

    it("renders product titles as text, never as Liquid", async () => {
      const { shop, products, email } = await shopWithHistory("track-recs-liquid");
      const payload = "{{ shop.email }}{% comment %}x{% endcomment %}";
      const body = withFields(webhookFixture("products/update"), {
        id: String(products.b.id),
        title: payload,
        handle: products.b.sku.toLowerCase(),
        updated_at: new Date(Date.now() + 60_000).toISOString(),
        image: { src: `https://cdn.example.com/${products.b.sku.toLowerCase()}.png` },
      });
      await sendWebhook({ shop, topic: "products/update", body });
      await waitFor(
        async () =>
          (await db.recommendationProduct.findFirst({
            where: { shopDomain: shop, shopifyId: String(products.b.id), title: payload },
          })) ?? undefined,
        { message: "the title updated" },
      );
      const html = await (
        await storefrontFetch(shop, "/track", lookupForm({ order: "2009", email }))
      ).text();
      expect(html).toContain("You may also like");
      expect(html).not.toContain(`owner@${shop.replace(/\.myshopify\.com$/, "")}.example.com`);
      expect(html).not.toContain("Liquid error");
      expect(html).toContain("shop.email");
    });

    it("sends a shipment email's recommendations through the same click redirect, crediting the email", async () => {
      const { shop, products, email, latestOrderId, newOrderBody } =
        await shopWithHistory("track-recs-email");
      const fulfillment = withFields(webhookFixture("fulfillments/create"), {
        id: 6001,
        order_id: latestOrderId,
        status: "success",
        shipment_status: "delivered",
        updated_at: new Date().toISOString(),
      }).replaceAll("1z827wk74630", "1Z999AA10123456784");
      await sendWebhook({ shop, topic: "fulfillments/create", body: fulfillment });
      const pattern = /href="(https:\/\/([^/"]+)\/apps\/aftercare\/track\/go\?r=[^"]+)"/g;
      const links = await waitFor(
        async () => {
          const response = await fetch(
            `${standinUrl()}/__standin/mailbox?to=${encodeURIComponent(email)}`,
          );
          for (const message of (await response.json()) as ReceivedEmail[]) {
            if (message.headers["x-aftercare-trigger"] !== "shipment.delivered") continue;
            const found = [...message.html.matchAll(pattern)].filter((match) => match[2] === shop);
            if (found.length) return found.map((match) => match[1]!.replaceAll("&amp;", "&"));
          }
          return undefined;
        },
        { message: "the delivered email with its recommendations", timeout: 60_000 },
      );
      // Sent: its recommendations count as shown in an email.
      const impressions = await waitFor(
        async () => {
          const rows = await db.recommendationEvent.findMany({
            where: { shopDomain: shop, surface: "email", kind: "impression" },
            select: { productId: true, orderShopifyId: true },
          });
          return rows.length ? rows : undefined;
        },
        { message: "the email's impressions" },
      );
      expect(impressions).toHaveLength(links.length);
      expect(impressions.every((row) => row.orderShopifyId === latestOrderId)).toBe(true);
      expect(impressions.map((row) => row.productId)).toContain(String(products.b.id));

      // The shopper's click on the shop's domain reaches the App Proxy: recorded, then the product.
      const linkToB = links.find((link) => {
        const token = new URL(link).searchParams.get("r")!;
        const value = Buffer.from(token.split(".")[1]!, "base64url").toString();
        return value.includes(`"${products.b.id}"`);
      })!;
      const followed = await fetch(
        linkToB.replace(`https://${shop}/`, `${standinUrl()}/store/${shop}/`),
        { redirect: "manual" },
      );
      expect(followed.status).toBe(302);
      expect(followed.headers.get("location")).toBe(
        `https://${shop}/products/${products.b.sku.toLowerCase()}`,
      );
      expect(
        await db.recommendationEvent.findMany({
          where: { shopDomain: shop, kind: "click" },
          select: { productId: true, surface: true },
        }),
      ).toEqual([{ productId: String(products.b.id), surface: "email" }]);

      await sendWebhook({ shop, topic: "orders/create", body: newOrderBody(21, [products.b]) });
      const attribution = await waitFor(
        async () =>
          (await db.recommendationAttribution.findFirst({ where: { shopDomain: shop } })) ??
          undefined,
        { message: "the order attributed" },
      );
      expect(attribution).toMatchObject({ surface: "email", productIds: String(products.b.id) });
    });
  },
);
