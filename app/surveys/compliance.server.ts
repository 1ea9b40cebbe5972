import { db } from "../db.server";
import type { CustomerSubject } from "../compliance/subject";

function responsesWhere(subject: CustomerSubject) {
  return {
    shopDomain: subject.shopDomain,
    OR: [
      { orderShopifyId: { in: subject.orderShopifyIds } },
      ...(subject.customerShopifyId ? [{ customerShopifyId: subject.customerShopifyId }] : []),
    ],
  };
}

export function exportCustomerSurveys(subject: CustomerSubject) {
  return db.surveyResponse.findMany({
    where: responsesWhere(subject),
    select: { kind: true, score: true, comment: true, reasons: true, createdAt: true },
  });
}

/** Erases the customer's answers (their words are personal data) and the alerts they raised. */
export async function redactCustomerSurveys(subject: CustomerSubject) {
  const responses = await db.surveyResponse.findMany({
    where: responsesWhere(subject),
    select: { id: true },
  });
  const ids = responses.map((response) => response.id);
  await db.surveyAlert.deleteMany({ where: { responseId: { in: ids } } });
  const { count } = await db.surveyResponse.deleteMany({ where: { id: { in: ids } } });
  return { responsesDeleted: count };
}
