import { db } from "../db.server";
import type { CustomerSubject } from "../compliance/subject";
import { fileStorage } from "../platform/storage/storage.server";

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
 * photos and return labels (printed with their address) go, the files in storage with them.
 */
export async function redactCustomerReturns(subject: CustomerSubject) {
  const returns = await db.returnRequest.findMany({
    where: subjectWhere(subject),
    select: { id: true },
  });
  const ids = returns.map((entry) => entry.id);
  const files = await storedFiles({ returnId: { in: ids } });
  const [anonymized, lines, photos, labels] = await db.$transaction([
    db.returnRequest.updateMany({
      where: { id: { in: ids } },
      data: { email: null, customerShopifyId: null, note: null, locale: null },
    }),
    db.returnLine.updateMany({ where: { returnId: { in: ids } }, data: { customerNote: null } }),
    db.returnPhoto.deleteMany({ where: { returnId: { in: ids } } }),
    db.returnLabel.updateMany({
      where: { returnId: { in: ids } },
      data: { labelUrl: null, storageKey: null },
    }),
  ]);
  await removeFiles(files);
  return {
    returnsAnonymized: anonymized.count,
    notesRemoved: lines.count,
    photosDeleted: photos.count,
    labelLinksRemoved: labels.count,
    filesDeleted: files.length,
  };
}

/** shop/redact: every photo and label file of the shop, before its rows go. */
export async function deleteShopReturnFiles(shopDomain: string) {
  const files = await storedFiles({ shopDomain });
  await removeFiles(files);
  return files.length;
}

async function storedFiles(where: { shopDomain: string } | { returnId: { in: string[] } }) {
  const [photos, labels] = await Promise.all([
    db.returnPhoto.findMany({ where, select: { storageKey: true } }),
    db.returnLabel.findMany({
      where: { ...where, storageKey: { not: null } },
      select: { storageKey: true },
    }),
  ]);
  return [...photos, ...labels].flatMap((file) => (file.storageKey ? [file.storageKey] : []));
}

async function removeFiles(keys: string[]) {
  const storage = fileStorage();
  for (const key of keys) await storage.remove(key);
}
