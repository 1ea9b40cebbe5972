import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { uniqueShop } from "../support/constants";
import { adminDocument } from "../support/http";
import { installShop } from "../support/install";

describe("the admin in the shop's language: navigation, Polaris's own words, customers", () => {
  it("follow the shop's language, and only that language is sent", async () => {
    const shop = uniqueShop("navigation-de");
    await installShop(shop);
    await db.shop.update({ where: { domain: shop }, data: { primaryLocale: "de-DE" } });

    const html = await (await adminDocument(shop, "/app/experiments")).text();
    expect(html).toMatch(/<a [^>]*href="\/app\/shipments">Sendungen<\/a>/);
    expect(html).toMatch(/<a [^>]*href="\/app\/settings">Einstellungen<\/a>/);
    // Polaris's German catalog ("Unvollständig": a badge's progress label), not its French one.
    expect(html).toContain("Unvollständig");
    expect(html).not.toContain("Incomplet");

    const customers = await (await adminDocument(shop, "/app/customers")).text();
    expect(customers).toContain("Kunden suchen");
    expect(customers).toContain("Kunden erscheinen mit ihrer ersten Bestellung.");
  });

  it("stays English for a language Aftercare does not speak", async () => {
    const shop = uniqueShop("navigation-ja");
    await installShop(shop);
    await db.shop.update({ where: { domain: shop }, data: { primaryLocale: "ja" } });

    const html = await (await adminDocument(shop, "/app/experiments")).text();
    expect(html).toMatch(/<a [^>]*href="\/app\/shipments">Shipments<\/a>/);
    expect(html).toContain("Incomplete");
  });
});
