import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { uniqueShop } from "../support/constants";
import { webhookFixture } from "../support/fixtures";
import { adminDocument, adminFetch, sendWebhook } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";
import { draft, form } from "../returns/admin-support";
import { shopWithMember } from "../loyalty/support";
import { portal, shopWithFulfilledOrder, twoItems } from "../returns/support";

describe("the admin in the shop's language: navigation, Polaris's own words, customers, returns, shipments, surveys, loyalty, recommendations, notifications", () => {
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

    await sendWebhook({ shop, topic: "orders/create", body: webhookFixture("orders/create") });
    const customer = await waitFor(
      async () => (await db.customer.findFirst({ where: { shopDomain: shop } })) ?? undefined,
      { message: "the order's customer stored" },
    );
    const record = await (await adminDocument(shop, `/app/customers/${customer.id}`)).text();
    expect(record).toContain("Bestellung #9999 aufgegeben");
    expect(record).toContain("Lieferumfrage erneut senden");

    const returns = await (await adminDocument(shop, "/app/returns")).text();
    expect(returns).toContain("Retouren suchen");
    expect(returns).toContain("Noch keine Retouren");

    const shipments = await (await adminDocument(shop, "/app/shipments")).text();
    expect(shipments).toContain("Sendungen suchen");
    expect(shipments).toContain("Noch keine Sendungen");

    const surveys = await (await adminDocument(shop, "/app/surveys")).text();
    expect(surveys).toContain("Umfragen");
    expect(surveys).toContain("Noch keine Antworten");
    expect(surveys).toContain("<caption>NPS pro Woche</caption>");

    await sendWebhook({
      shop,
      topic: "fulfillments/create",
      body: webhookFixture("fulfillments/create"),
    });
    const shipment = await waitFor(
      async () =>
        (await db.trackingShipment.findFirst({ where: { shopDomain: shop } })) ?? undefined,
      { message: "the fulfillment's shipment stored" },
    );
    const parcel = await (await adminDocument(shop, `/app/shipments/${shipment.id}`)).text();
    expect(parcel).toContain("Versanddienst korrigieren");
    expect(parcel).toContain("An Shopify zurückgemeldet");
  });

  it("also on the loyalty, recommendations, notifications, SMS, sent messages, tracking settings and tracking page editor pages", async () => {
    const shop = uniqueShop("pages-de");
    await installShop(shop);
    await db.shop.update({ where: { domain: shop }, data: { primaryLocale: "de-DE" } });

    const loyalty = await (await adminDocument(shop, "/app/loyalty")).text();
    expect(loyalty).toContain("Einlösbare Punkte");
    expect(loyalty).toContain("Noch keine Mitglieder");
    expect(loyalty).not.toContain("Spendable points");
    expect(loyalty).not.toContain("No members yet");

    const liability = await (await adminDocument(shop, "/app/loyalty/liability")).text();
    expect(liability).toContain("Punkteverbindlichkeit");
    expect(liability).toContain("Wert eines Punkts");
    expect(liability).not.toContain("Value of a point");

    const program = await (await adminDocument(shop, "/app/loyalty/settings")).text();
    expect(program).toContain("Boni und Empfehlungen");
    expect(program).toContain("Diese Bestellung bringt 110 Punkte");
    expect(program).not.toContain("Bonuses and referrals");
    expect(program).not.toContain("This order earns");
    const unsaved = await adminFetch(
      shop,
      "/app/loyalty/settings.data",
      form({ pointsPerUnit: "0", tierBasis: "points", tiers: "[", rewards: "[]" }),
    );
    expect(unsaved.status).toBe(400);
    const unsavedText = await unsaved.text();
    expect(unsavedText).toContain(
      "Punkte pro 1 USD: Geben Sie eine ganze Zahl von 1 bis 1.000 ein.",
    );
    expect(unsavedText).toContain("Stufen (JSON, niedrigste zuerst): Das ist kein gültiges JSON.");

    const recommendations = await (await adminDocument(shop, "/app/recommendations")).text();
    expect(recommendations).toContain("Letzte 30 Tage");
    expect(recommendations).toContain("Katalog aus Shopify importieren");
    expect(recommendations).not.toContain("Last 30 days");
    expect(recommendations).not.toContain("Import catalog from Shopify");

    const notifications = await (await adminDocument(shop, "/app/notifications")).text();
    expect(notifications).toContain("Absender und Ruhezeiten");
    expect(notifications).toContain("Test-E-Mail an mich senden");
    expect(notifications).not.toContain("Sender and quiet hours");
    expect(notifications).not.toContain("Send a test email to me");

    const sms = await (await adminDocument(shop, "/app/notifications/sms")).text();
    expect(sms).toContain("Twilio-Konto");
    expect(sms).toContain("„Versendet“ per SMS senden");
    expect(sms).toContain("Französisch");
    expect(sms).not.toContain("Twilio account");
    expect(sms).not.toContain("by SMS");
    const account = await adminFetch(
      shop,
      "/app/notifications/sms.data",
      form({ intent: "account", accountSid: "AC123", authToken: "secret", fromNumber: "+1" }),
    );
    const accountText = await account.text();
    expect(accountText).toContain("Die Account SID besteht aus AC und 32 Hexadezimalzeichen.");
    expect(accountText).toContain("Geben Sie die Absendernummer im E.164-Format ein");

    const log = await (await adminDocument(shop, "/app/notifications/log")).text();
    expect(log).toContain("Gesendete Nachrichten");
    expect(log).toContain("Noch keine Nachrichten");
    expect(log).toContain("Nicht gesendet");
    expect(log).not.toContain("No messages yet");
    expect(log).not.toContain("Not sent");

    const tracking = await (await adminDocument(shop, "/app/shipments/settings")).text();
    expect(tracking).toContain("Datenquelle des Versanddienstes");
    expect(tracking).toContain("Jeden neuen Status an Shopify zurückmelden");
    expect(tracking).not.toContain("Carrier data source");
    expect(tracking).not.toContain("Write every new status back to Shopify");
    const refused = await adminFetch(
      shop,
      "/app/shipments/settings.data",
      form({ provider: "shopify", "stall.*": "90" }),
    );
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("ganze Zahlen von 1 bis 60");

    const trackingPage = await (await adminDocument(shop, "/app/shipments/tracking-page")).text();
    expect(trackingPage).toContain("Noch kein Angebot");
    expect(trackingPage).toContain("„Hilfe-Link“ nach oben verschieben");
    expect(trackingPage).not.toContain("No offer yet");
    expect(trackingPage).not.toContain("Move Help link up");
    const offer = await adminFetch(
      shop,
      "/app/shipments/tracking-page.data",
      form({ code: "WAIT 10", headline: "", startsOn: "", endsOn: "" }),
    );
    expect(offer.status).toBe(400);
    expect(await offer.text()).toContain("Ein Rabattcode besteht aus Buchstaben");
  });

  it("also on a return's page and the return policy", async () => {
    const shop = await shopWithFulfilledOrder("return-de");
    const created = await portal(shop, twoItems());
    expect(created.status).toBe(201);
    const { returnId } = (await created.json()) as { returnId: string };
    await db.shop.update({ where: { domain: shop }, data: { primaryLocale: "de-DE" } });

    const page = await (await adminDocument(shop, `/app/returns/${returnId}`)).text();
    expect(page).toContain("Retoure für #9999");
    expect(page).toContain("Umtausch gegen");
    expect(page).toContain("Erstattungsvorschau");
    expect(page).toContain("Noch kein Etikett");
    expect(page).not.toContain("Return for #9999");
    expect(page).not.toContain("Refund preview");
    expect(page).not.toContain("No label yet");

    const policy = await (await adminDocument(shop, "/app/returns/settings")).text();
    expect(policy).toContain("Frist und Lösungen");
    expect(policy).toContain("Richtlinie speichern");
    expect(policy).toContain("Bestellung prüfen");
    expect(policy).not.toContain("Window and resolutions");
    expect(policy).not.toContain("Save policy");
    expect(policy).not.toContain("Check order");
    const refused = await adminFetch(
      shop,
      "/app/returns/settings.data",
      form({ intent: "save", policy: draft({ windowDays: "400" }) }),
    );
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Höchstens 365");
  });

  it("also on a loyalty member's page", async () => {
    const { shop, member } = await shopWithMember("member-de");
    await db.shop.update({ where: { domain: shop }, data: { primaryLocale: "de-DE" } });

    const page = await (await adminDocument(shop, `/app/loyalty/members/${member.id}`)).text();
    expect(page).toContain("394 Punkte");
    expect(page).toContain("Mit Bestellung gesammelt");
    expect(page).toContain("Punkte anpassen");
    expect(page).not.toContain("Order earned");
    expect(page).not.toContain("Adjust points");
    const refused = await adminFetch(
      shop,
      `/app/loyalty/members/${member.id}.data`,
      form({ points: "50", reason: "", requestKey: "0123456789" }),
    );
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Geben Sie einen Grund an (mindestens 3 Zeichen).");
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
