import { describe, expect, it } from "vitest";
import { storefrontFetch } from "../support/http";
import { SUNGLASSES, shopWithFulfilledOrder } from "../returns/support";

/**
 * Issue #15, finding 2: App Proxy pages are `application/liquid`, which Shopify renders as Liquid
 * with the shop's objects in scope. Every field a proxy page reflects gets these payloads (from
 * the reproduction, plus the Liquid documentation's `capture` and `raw` tags), through
 * the stand-in, which renders proxy responses with liquidjs as Shopify does. What the shopper's
 * browser receives must hold neither the shop's values nor a live script.
 */
const SCRIPT = "<script>alert(document.domain)</script>";
const PAYLOADS = [
  "{{shop.email}}",
  "1{{ shop.email }}",
  "{{ shop.permanent_domain }}",
  `{% capture x %}${Buffer.from(SCRIPT).toString("base64")}{% endcapture %}{{ x | base64_decode }}`,
  "{{'<script>alert(document.domain)</script>'}}",
  "{%raw%}{%endraw%}{{shop.email}}",
  "{%- liquid\necho shop.email -%}",
  "&#123;{shop.email}}",
];

/** The shop's values the stand-in's Liquid has in scope (scripts/standin/state.ts). */
const secrets = (shop: string) => [`owner@${shop.replace(/\.myshopify\.com$/, "")}.example.com`];

function expectInert(html: string, shop: string, where: string) {
  for (const secret of secrets(shop)) expect(html, where).not.toContain(secret);
  expect(html, where).not.toContain(SCRIPT);
  expect(html, where).not.toContain("Liquid error");
  expect(html, where).toContain("theme stand-in");
}

const form = (fields: Record<string, string>) => ({
  method: "POST",
  body: new URLSearchParams(fields),
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
});

describe("App Proxy pages reflect shopper input as text, never as Liquid", () => {
  it("the tracking page: order, email and tracking number, on the result, not-found and error pages", async () => {
    const shop = await shopWithFulfilledOrder("liquid-track");
    for (const payload of PAYLOADS) {
      const asks: [string, Promise<Response>][] = [
        ["tracking (GET)", storefrontFetch(shop, `/track?tracking=${encodeURIComponent(payload)}`)],
        [
          "order + email (404)",
          storefrontFetch(shop, "/track", form({ order: payload, email: payload })),
        ],
        ["order only (400)", storefrontFetch(shop, "/track", form({ order: payload }))],
        ["email (400)", storefrontFetch(shop, "/track", form({ email: `${payload}\u0000` }))],
        ["locale", storefrontFetch(shop, `/track?locale=${encodeURIComponent(payload)}`)],
      ];
      for (const [where, ask] of asks) {
        const html = await (await ask).text();
        expectInert(html, shop, `${where}: ${payload}`);
      }
    }
    // What the shopper typed is shown back to them as they typed it.
    const shown = await (
      await storefrontFetch(shop, "/track", form({ order: "{{shop.email}}", email: "a@b.co" }))
    ).text();
    expect(shown).toContain('value="&#123;&#123;shop.email&#125;&#125;"');
  });

  it("the returns portal: a prefilled order, the lookup's order and email, and the notes of a refused return", async () => {
    const shop = await shopWithFulfilledOrder("liquid-returns");
    for (const payload of PAYLOADS) {
      const asks: [string, Promise<Response>][] = [
        ["?order=", storefrontFetch(shop, `/returns?order=${encodeURIComponent(payload)}`)],
        [
          "lookup (404)",
          storefrontFetch(
            shop,
            "/returns",
            form({ step: "lookup", order: payload, email: payload }),
          ),
        ],
        [
          "notes (422)",
          storefrontFetch(
            shop,
            "/returns",
            form({
              step: "submit",
              order: "9999",
              email: "jon@example.com",
              note: payload,
              [`line.${SUNGLASSES}.selected`]: "on",
              [`line.${SUNGLASSES}.quantity`]: "1",
              [`line.${SUNGLASSES}.note`]: payload,
            }),
          ),
        ],
        ["status link", storefrontFetch(shop, `/returns?status=${encodeURIComponent(payload)}`)],
      ];
      for (const [where, ask] of asks) {
        const response = await ask;
        const html = await response.text();
        expectInert(html, shop, `${where}: ${payload}`);
        if (where === "notes (422)") expect(response.status).toBe(422);
      }
    }
  });

  it("the recommendations endpoint answers JSON, which Shopify does not render", async () => {
    const shop = await shopWithFulfilledOrder("liquid-recs");
    for (const payload of PAYLOADS) {
      const response = await storefrontFetch(
        shop,
        `/recommendations?products=${encodeURIComponent(payload)}`,
      );
      expect(response.headers.get("content-type")).toContain("application/json");
      const body = await response.text();
      for (const secret of secrets(shop)) expect(body).not.toContain(secret);
    }
  });
});
