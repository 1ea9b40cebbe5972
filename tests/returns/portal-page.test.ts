import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { appProxyFetch } from "../support/http";
import { PLAN, SUNGLASSES, TORTOISE_VARIANT, shopWithFulfilledOrder } from "./support";

/** The portal's pages as a browser posts them: urlencoded lookups, multipart submissions. */
const post = (shop: string, fields: Record<string, string | Blob>, language = "en") => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return appProxyFetch(shop, "/returns", {
    init: {
      method: "POST",
      body: form,
      headers: { "Accept-Language": language },
      redirect: "manual",
    },
  });
};

const ENTITIES: Record<string, string> = {
  "&#x27;": "'",
  "&quot;": '"',
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
};
const textOf = (html: string) =>
  html
    .replace(/<style>.*?<\/style>/s, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&quot;|&amp;|&lt;|&gt;/g, (entity) => ENTITIES[entity]!)
    .replace(/\s+/g, " ");

async function photoWithLocation() {
  const jpeg = await sharp({
    create: { width: 800, height: 600, channels: 3, background: "#7a5" },
  })
    .jpeg()
    .withExif({ IFD0: { Make: "PhoneCam" }, IFD3: { GPSLatitudeRef: "N" } })
    .toBuffer();
  return new Blob([new Uint8Array(jpeg)], { type: "image/jpeg" });
}

async function damagedPolicy(shop: string) {
  const { savePolicy } = await import("../../app/returns/returns.server");
  await savePolicy(shop, {
    storeCreditBonusPercent: 10,
    rules: [
      {
        id: "damaged",
        name: "Damaged",
        when: { reasons: ["damaged"] },
        then: { photosRequired: true },
      },
    ],
  });
}

describe("storefront returns portal pages (App Proxy, Liquid)", () => {
  it("finds the order, offers each item's options and records an exchange and a damaged item with its photo", async () => {
    const shop = await shopWithFulfilledOrder("returns-page");
    await damagedPolicy(shop);

    const form = await appProxyFetch(shop, "/returns");
    expect(form.status).toBe(200);
    expect(form.headers.get("content-type")).toBe("application/liquid");
    expect(await form.text()).toContain('name="order"');
    // A survey's "start a return" offer links here with the order's name filled in.
    const prefilled = await appProxyFetch(shop, "/returns", { query: { order: "#9999" } });
    expect(await prefilled.text()).toMatch(/<input[^>]*name="order"[^>]*value="#9999"/);

    const found = await post(shop, { step: "lookup", order: "#9999", email: "JON@example.com" });
    expect(found.status).toBe(200);
    const choose = await found.text();
    expect(textOf(choose)).toContain("Order #9999");
    expect(choose).toContain(`name="line.${SUNGLASSES}.resolution"`);
    expect(textOf(choose)).toContain("Tortoise (you pay $5.00 more)");
    expect(choose).not.toContain("Gold");
    const idempotencyKey = /name="idempotencyKey" value="([^"]+)"/.exec(choose)?.[1];
    expect(idempotencyKey).toBeTruthy();

    const submission = {
      step: "submit",
      order: "9999",
      email: "jon@example.com",
      idempotencyKey: idempotencyKey!,
      [`line.${SUNGLASSES}.selected`]: "on",
      [`line.${SUNGLASSES}.quantity`]: "1",
      [`line.${SUNGLASSES}.reason`]: "size-too-small",
      [`line.${SUNGLASSES}.resolution`]: "exchange",
      [`line.${SUNGLASSES}.variant`]: TORTOISE_VARIANT,
      [`line.${PLAN}.selected`]: "on",
      [`line.${PLAN}.quantity`]: "1",
      [`line.${PLAN}.reason`]: "damaged",
      [`line.${PLAN}.resolution`]: "store_credit",
    };
    const withoutPhoto = await post(shop, submission);
    expect(withoutPhoto.status).toBe(422);
    expect(textOf(await withoutPhoto.text())).toContain(
      "Lens Protection Plan (2 Year): Add a photo of the item",
    );

    const created = await post(shop, {
      ...submission,
      [`line.${PLAN}.photos`]: await photoWithLocation(),
    });
    expect(created.status).toBe(303);
    const link = new URL(created.headers.get("location")!, "https://shop.example/apps/aftercare/");
    expect(link.pathname).toBe("/apps/aftercare/returns");
    const followed = await appProxyFetch(shop, "/returns", {
      query: Object.fromEntries(link.searchParams),
    });
    expect(followed.status).toBe(200);
    const status = textOf(await followed.text());
    expect(status).toContain("Your return for order #9999");
    expect(status).toContain("Waiting for the store's approval");
    expect(status).toContain("Exchange for Tortoise");

    const stored = await db.returnRequest.findFirstOrThrow({
      where: { shopDomain: shop },
      include: { lines: true, photos: true },
    });
    expect(stored.lines.find((line) => line.lineItemShopifyId === SUNGLASSES)).toMatchObject({
      resolution: "exchange",
      exchangeVariantId: TORTOISE_VARIANT,
      priceDifference: 500,
    });
    expect(stored.lines.find((line) => line.lineItemShopifyId === PLAN)).toMatchObject({
      resolution: "store_credit",
      bonus: 200,
    });
    expect(stored.photos).toHaveLength(1);
    expect(stored.photos[0]).toMatchObject({ contentType: "image/jpeg", width: 800, height: 600 });

    // The same form posted again (a double click, a reload) is the same return.
    const again = await post(shop, {
      ...submission,
      [`line.${PLAN}.photos`]: await photoWithLocation(),
    });
    expect(again.status).toBe(303);
    // The link names the same return; its expiry (whole seconds) may have moved on since.
    expect(linkedReturn(created)).toBe(`${shop} ${stored.id}`);
    expect(linkedReturn(again)).toBe(linkedReturn(created));
    expect(await db.returnRequest.count({ where: { shopDomain: shop } })).toBe(1);
  });

  it("answers in the shopper's language and refuses tampered choices without storing anything", async () => {
    const shop = await shopWithFulfilledOrder("returns-page-fr");
    const found = await post(
      shop,
      { step: "lookup", order: "9999", email: "jon@example.com" },
      "fr-FR,fr;q=0.9",
    );
    const choose = await found.text();
    expect(textOf(choose)).toContain("Choisissez les articles à retourner");
    expect(textOf(choose)).toContain("Trop petit");

    const tampered = await post(
      shop,
      {
        step: "submit",
        order: "9999",
        email: "jon@example.com",
        idempotencyKey: randomUUID(),
        [`line.${SUNGLASSES}.selected`]: "on",
        [`line.${SUNGLASSES}.quantity`]: "5",
        [`line.${SUNGLASSES}.reason`]: "style",
        [`line.${SUNGLASSES}.resolution`]: "exchange",
        [`line.${SUNGLASSES}.variant`]: "39072857",
      },
      "fr",
    );
    expect(tampered.status).toBe(422);
    const refused = textOf(await tampered.text());
    expect(refused).toContain("Nous n'avons pas pu accepter ce retour");
    expect(refused).toContain("Seulement 1 peuvent être retournés");

    const notAPhoto = await post(shop, {
      step: "submit",
      order: "9999",
      email: "jon@example.com",
      idempotencyKey: randomUUID(),
      [`line.${SUNGLASSES}.selected`]: "on",
      [`line.${SUNGLASSES}.reason`]: "style",
      [`line.${SUNGLASSES}.resolution`]: "refund",
      [`line.${SUNGLASSES}.photos`]: new Blob(["<svg onload=alert(1)>"], { type: "image/jpeg" }),
    });
    expect(notAPhoto.status).toBe(422);
    expect(textOf(await notAPhoto.text())).toContain("isn't a photo we can read");
    expect(await db.returnRequest.count({ where: { shopDomain: shop } })).toBe(0);
  });

  it("gives a wrong email the same page as an order that does not exist, and follows a return only from its signed link", async () => {
    const shop = await shopWithFulfilledOrder("returns-page-privacy");
    const wrongEmail = await post(shop, {
      step: "lookup",
      order: "9999",
      email: "eve@example.com",
    });
    const noOrder = await post(shop, { step: "lookup", order: "123456", email: "eve@example.com" });
    expect(wrongEmail.status).toBe(404);
    expect(noOrder.status).toBe(404);
    const strip = (html: string) => html.replace(/value="[^"]*"/g, "");
    expect(strip(await wrongEmail.text())).toBe(strip(await noOrder.text()));

    const forged = await appProxyFetch(shop, "/returns", {
      query: { status: "eyJ4IjoxfQ.forged" },
    });
    expect(forged.status).toBe(404);
  });
});

/** The shop and return a status link's signed token names (its payload part). */
function linkedReturn(response: Response) {
  const location = new URL(response.headers.get("location") ?? "", "https://shop.example");
  const payload = location.searchParams.get("status")?.split(".")[1];
  return payload ? Buffer.from(payload, "base64url").toString("utf8") : null;
}
