import { db } from "../db.server";
import type { CustomerSubject } from "../orders/orders.server";

/** The returns that concern a customer: of their orders, made by them, or with their email. */
function subjectWhere(subject: CustomerSubject) {
  return {
    shopDomain: subject.shopDomain,
    OR: [
      { orderShopifyId: { in: subject.orderShopifyIds } },
      ...(subject.customerShopifyId ? [{ customerShopifyId: subject.customerShopifyId }] : []),
      ...(subject.email ? [{ email: subject.email.toLowerCase() }] : []),
    ],
  };
}

export async function exportCustomerReturns(subject: CustomerSubject) {
  const returns = await db.returnRequest.findMany({
    where: subjectWhere(subject),
    include: {
      lines: {
        select: { title: true, quantity: true, reason: true, customerNote: true, resolution: true },
      },
    },
  });
  return returns.map((entry) => ({
    order: entry.orderName,
    email: entry.email,
    status: entry.status,
    note: entry.note,
    requestedAt: entry.requestedAt,
    lines: entry.lines,
  }));
}

/**
 * Keeps returns for the shop's figures without what identifies the customer: email, notes,
 * photos and the links to return labels (printed with their address) go (the photo files are
 * removed by the storage clean-up that follows the rows).
 */
export async function redactCustomerReturns(subject: CustomerSubject) {
  const returns = await db.returnRequest.findMany({
    where: subjectWhere(subject),
    select: { id: true },
  });
  const ids = returns.map((entry) => entry.id);
  const [anonymized, lines, photos, labels] = await db.$transaction([
    db.returnRequest.updateMany({
      where: { id: { in: ids } },
      data: { email: null, customerShopifyId: null, note: null, locale: null },
    }),
    db.returnLine.updateMany({ where: { returnId: { in: ids } }, data: { customerNote: null } }),
    db.returnPhoto.deleteMany({ where: { returnId: { in: ids } } }),
    db.returnLabel.updateMany({ where: { returnId: { in: ids } }, data: { labelUrl: null } }),
  ]);
  return {
    returnsAnonymized: anonymized.count,
    notesRemoved: lines.count,
    photosDeleted: photos.count,
    labelLinksRemoved: labels.count,
  };
}
