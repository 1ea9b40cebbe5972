import { db } from "../db.server";
import type { CustomerSubject } from "../compliance/subject";

export function exportCustomerExperiments(subject: CustomerSubject) {
  if (!subject.customerShopifyId) return Promise.resolve([]);
  return db.experimentAssignment.findMany({
    where: { shopDomain: subject.shopDomain, customerShopifyId: subject.customerShopifyId },
    select: { arm: true, assignedAt: true, experiment: { select: { touch: true } } },
  });
}

/** Erases which experiments the customer was in; the experiments' other customers stay. */
export async function redactCustomerExperiments(subject: CustomerSubject) {
  if (!subject.customerShopifyId) return { assignmentsDeleted: 0 };
  const { count } = await db.experimentAssignment.deleteMany({
    where: { shopDomain: subject.shopDomain, customerShopifyId: subject.customerShopifyId },
  });
  return { assignmentsDeleted: count };
}
