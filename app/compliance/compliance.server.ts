import { db } from "../db.server";
import { deleteShopScopedRows } from "../platform/db/shop-scoped.server";
import { jobs } from "../platform/jobs/queue.server";
import { log } from "../platform/logging/logger.server";
import { deleteShopReturnFiles } from "../returns/compliance.server";
import { deleteShopSupportFiles } from "../support/index.server";
import { redactDeliveries } from "../webhooks/inbox.server";
import { CUSTOMER_DATA_OWNERS, type CustomerSubject } from "./owners.server";

/**
 * The three mandatory compliance topics, done for real: an export of everything we hold about a
 * customer, the erasure of a customer, and the erasure of a shop. Each request is recorded (with
 * no personal data for erasures) so the merchant can see what happened.
 */

export async function exportCustomerData(subject: CustomerSubject, requestId: string | null) {
  const sections: Record<string, unknown> = {};
  for (const owner of CUSTOMER_DATA_OWNERS)
    sections[owner.name] = await owner.exportCustomer(subject);
  const result = JSON.stringify({
    generatedAt: new Date().toISOString(),
    shop: subject.shopDomain,
    customer: { shopifyId: subject.customerShopifyId, email: subject.email },
    ordersRequested: subject.orderShopifyIds,
    data: sections,
  });
  return db.complianceRequest.create({
    data: {
      shopDomain: subject.shopDomain,
      topic: "customers/data_request",
      customerShopifyId: subject.customerShopifyId,
      requestId,
      status: "completed",
      result,
      completedAt: new Date(),
    },
  });
}

export async function redactCustomerData(subject: CustomerSubject) {
  const erased: Record<string, Record<string, number>> = {};
  for (const owner of CUSTOMER_DATA_OWNERS)
    erased[owner.name] = await owner.redactCustomer(subject);
  // Earlier exports of this customer's data are personal data too.
  if (subject.customerShopifyId) {
    const exports = await db.complianceRequest.deleteMany({
      where: {
        shopDomain: subject.shopDomain,
        topic: "customers/data_request",
        customerShopifyId: subject.customerShopifyId,
      },
    });
    erased.compliance = { exportsDeleted: exports.count };
  }
  // The webhooks and jobs that carried the customer's data (this request's own delivery too).
  const mentions = customerMentions(subject);
  erased.webhooks = { deliveriesRedacted: await redactDeliveries(subject.shopDomain, mentions) };
  erased.jobs = { jobsErased: await jobs.eraseShopJobs(subject.shopDomain, mentions) };
  log().info({ erased }, "Customer redacted");
  return db.complianceRequest.create({
    data: {
      shopDomain: subject.shopDomain,
      topic: "customers/redact",
      customerShopifyId: subject.customerShopifyId,
      status: "completed",
      result: JSON.stringify(erased),
      completedAt: new Date(),
    },
  });
}

/** shop/redact (48 hours after uninstall): every row of the shop, its sessions and the shop itself. */
export async function redactShop(shopDomain: string, deleteSessions: () => Promise<void>) {
  const files =
    (await deleteShopReturnFiles(shopDomain)) + (await deleteShopSupportFiles(shopDomain));
  const erased = await deleteShopScopedRows(shopDomain);
  erased.files = files;
  erased.jobs = await jobs.eraseShopJobs(shopDomain, "all");
  await deleteSessions();
  const shops = await db.shop.deleteMany({ where: { domain: shopDomain } });
  erased.Shop = shops.count;
  log().info({ erased }, "Shop redacted");
  return db.complianceRequest.create({
    data: {
      shopDomain,
      topic: "shop/redact",
      status: "completed",
      result: JSON.stringify(erased),
      completedAt: new Date(),
    },
  });
}

export function listComplianceRequests(shopDomain: string) {
  return db.complianceRequest.findMany({
    where: { shopDomain },
    orderBy: { receivedAt: "desc" },
    take: 100,
    select: {
      id: true,
      topic: true,
      status: true,
      customerShopifyId: true,
      requestId: true,
      receivedAt: true,
      completedAt: true,
    },
  });
}

export function getDataExport(shopDomain: string, id: string) {
  return db.complianceRequest.findFirst({
    where: { id, shopDomain, topic: "customers/data_request" },
    select: { id: true, result: true, customerShopifyId: true, receivedAt: true },
  });
}

/**
 * The strings that identify a customer in a webhook payload or a job's data. Shopify's ids are
 * long enough (15+ digits) not to occur inside another customer's.
 */
function customerMentions(subject: CustomerSubject) {
  return [
    subject.customerShopifyId,
    subject.email,
    subject.phone,
    ...subject.orderShopifyIds,
  ].filter((text): text is string => Boolean(text && text.length >= 5));
}
