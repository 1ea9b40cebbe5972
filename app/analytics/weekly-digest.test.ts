import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { Mailbox } from "../../scripts/standin/mailbox";
import type { JobContext } from "../platform/jobs/types";

// A real SMTP server receives what the app sends. The mailer reads SMTP_URL once, when the app's
// configuration is first loaded: the modules are imported after it is set.
const mailbox = new Mailbox();
await mailbox.listen();
process.env.SMTP_URL = mailbox.smtpUrl;
const { db } = await import("../db.server");
const { dashboard } = await import("./dashboard.server");
const { digestWeek } = await import("./digest");
const { sendShopDigest } = await import("./jobs.server");
const { rebuildShop } = await import("./rollups.server");
const { seedShop } = await import("./seed.server");
const { sendNotification } = await import("../notifications/notify.server");
const { saveNotificationSettings } = await import("../notifications/settings.server");
const { formatDigestValue } = await import("../notifications/templates/DigestDetails");
const { digestTranslator } = await import("../notifications/templates/digest");

afterAll(() => mailbox.close());

const context = (): JobContext => ({ jobId: randomUUID(), retryCount: 0, isLastAttempt: true });

/** The shop's week as its rollups give it; its owner writes French and reads Paris time. */
async function shopWithAWeek() {
  const shopDomain = `digest-${randomUUID().slice(0, 8)}.myshopify.com`;
  const timeZone = "Europe/Paris";
  await seedShop({ shopDomain, timeZone, customers: 30, days: 28, ordersPerCustomer: 2 });
  const owner = `owner-${randomUUID().slice(0, 8)}@example.com`;
  await db.shop.update({
    where: { domain: shopDomain },
    data: { email: owner, primaryLocale: "fr", name: "Boutique Test" },
  });
  await rebuildShop(shopDomain);
  return { shopDomain, timeZone, owner };
}

/** Runs what the job queued, as a worker would: the message's own sending job. */
async function deliverQueued(shopDomain: string) {
  const messages = await db.notificationMessage.findMany({
    where: { shopDomain, trigger: "digest.weekly", status: "queued" },
  });
  for (const message of messages) {
    await sendNotification.run({ shop: shopDomain, messageId: message.id }, context());
  }
  return messages.length;
}

describe("the weekly digest", { timeout: 60_000 }, () => {
  it("e-mails the owner the week's KPIs against the week before and what waits, once a week", async () => {
    const { shopDomain, timeZone, owner } = await shopWithAWeek();
    const week = digestWeek(new Date(), timeZone);
    const figures = await dashboard(shopDomain, week, "USD");
    expect(figures.current.orders).toBeGreaterThan(0);
    // One parcel back at the warehouse, as the returns capability records it on arrival.
    const back = await db.returnRequest.findFirstOrThrow({ where: { shopDomain } });
    await db.returnRequest.update({ where: { id: back.id }, data: { status: "received" } });
    const received = await db.returnRequest.count({ where: { shopDomain, status: "received" } });
    const flagged = await db.trackingShipment.count({
      where: { shopDomain, attentionReason: { not: null } },
    });

    await sendShopDigest.run({ shop: shopDomain }, context());
    expect(await deliverQueued(shopDomain)).toBe(1);

    const [email, ...more] = mailbox.to(owner);
    expect(more).toHaveLength(0);
    const day = (iso: string) =>
      new Intl.DateTimeFormat("fr", { dateStyle: "long", timeZone: "UTC" }).format(
        new Date(`${iso}T00:00:00Z`),
      );
    expect(email!.subject).toBe(
      `Votre semaine chez Boutique Test : ${day(week.from)} – ${day(week.to)}`,
    );
    const t = digestTranslator("fr");
    const line = (label: string, current: string, previous: string) =>
      expect(email!.text).toContain(`${label}\n${current}\n${previous}`);
    line(
      t("orders"),
      new Intl.NumberFormat("fr").format(figures.current.orders),
      new Intl.NumberFormat("fr").format(figures.before.orders),
    );
    line(
      t("netRevenue"),
      formatDigestValue("netRevenue", figures.current.netRevenue, "USD", "fr"),
      formatDigestValue("netRevenue", figures.before.netRevenue, "USD", "fr"),
    );
    line(
      t("nps"),
      formatDigestValue("nps", figures.current.nps?.score ?? null, "USD", "fr"),
      formatDigestValue("nps", figures.before.nps?.score ?? null, "USD", "fr"),
    );
    expect(email!.text).toContain(`${t("returnsToInspect")}: ${received}`);
    // Only what waits is listed.
    expect(email!.text.includes(`${t("openExceptions")}: ${flagged}`)).toBe(flagged > 0);
    const admin = `https://admin.shopify.com/store/${shopDomain.replace(".myshopify.com", "")}/apps/aftercare/app`;
    expect(email!.html).toContain(`href="${admin}/returns?tab=received"`);
    expect(email!.html).toContain(`href="${admin}"`);
    expect(email!.headers["x-aftercare-trigger"]).toBe("digest.weekly");

    // The next hour's check, and a second worker, find the week already sent.
    await sendShopDigest.run({ shop: shopDomain }, context());
    expect(await deliverQueued(shopDomain)).toBe(0);
    expect(mailbox.to(owner)).toHaveLength(1);
  });

  it("is not sent when the merchant switched it off", async () => {
    const { shopDomain, owner } = await shopWithAWeek();
    // As the notification settings page saves the merchant's switch.
    await saveNotificationSettings(shopDomain, {
      triggers: { "digest.weekly": { enabled: false } },
    });
    await sendShopDigest.run({ shop: shopDomain }, context());
    expect(await deliverQueued(shopDomain)).toBe(0);
    expect(
      await db.notificationMessage.count({ where: { shopDomain, trigger: "digest.weekly" } }),
    ).toBe(0);
    expect(mailbox.to(owner)).toHaveLength(0);
  });
});
