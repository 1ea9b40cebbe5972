import { z } from "zod";
import { config } from "../config.server";
import { db, Prisma } from "../db.server";
import { transaction } from "../platform/events/index.server";
import { emitAnswer } from "./surveys.server";
import { negotiateLocale, translator } from "../platform/i18n";
import { readToken, signToken } from "../platform/signed-token.server";
import { isHeldOut } from "../experiments/index.server";
import { getOrder } from "../orders/index.server";
import { emailMerchantAlert } from "./alerts.server";
import { followUpOffers, type FollowUpOffer, type Sentiment } from "./follow-up.server";

const TOKEN_PURPOSE = "csat";
const Subject = z.tuple([z.string(), z.string(), z.string().nullable()]);

/** The delivery survey's five one-click links (1–5) for one shipment. */
export function csatRatingUrls(
  shopDomain: string,
  shipmentId: string,
  orderShopifyId: string | null,
) {
  const token = signToken(TOKEN_PURPOSE, JSON.stringify([shopDomain, shipmentId, orderShopifyId]));
  return [1, 2, 3, 4, 5].map(
    (score) => `${config().appUrl}/surveys/csat?token=${token}&score=${score}`,
  );
}

function readSubject(token: string) {
  const value = readToken(TOKEN_PURPOSE, token);
  if (!value) return null;
  const parsed = Subject.safeParse(JSON.parse(value));
  return parsed.success
    ? { shopDomain: parsed.data[0], shipmentId: parsed.data[1], orderShopifyId: parsed.data[2] }
    : null;
}

export type CsatOutcome =
  | { kind: "invalid" }
  | { kind: "confirm"; score: number }
  | {
      kind: "recorded" | "already";
      score: number;
      commented: boolean;
      offers: FollowUpOffer[];
    };

/** A low rating (1–2) lands in the merchant's alert inbox. */
const LOW_SCORE = 2;
const TOP_SCORE = 5;

export function csatSentiment(score: number): Sentiment {
  return score <= LOW_SCORE ? "unhappy" : score === TOP_SCORE ? "happy" : "neutral";
}

/**
 * The rating's follow-up, for the customer who placed the order (their referral link); none for
 * a customer an experiment holds out of CSAT follow-ups.
 */
async function offersFor(subject: NonNullable<ReturnType<typeof readSubject>>, score: number) {
  const order = subject.orderShopifyId
    ? await getOrder(subject.shopDomain, subject.orderShopifyId)
    : null;
  const customerShopifyId = order?.customer?.shopifyId ?? null;
  if (await isHeldOut(subject.shopDomain, "csat_follow_ups", customerShopifyId)) return [];
  return followUpOffers(subject.shopDomain, csatSentiment(score), {
    customerShopifyId,
    orderName: order?.name ?? null,
  });
}

function ratingOf(token: string, scoreText: string | null) {
  const subject = readSubject(token);
  const score = Number(scoreText);
  return subject && Number.isInteger(score) && score >= 1 && score <= TOP_SCORE
    ? { subject, score }
    : null;
}

/**
 * Opening a rating link (GET) records nothing: mail scanners open every link of a message, and
 * would rate every delivery 1 and alert the merchant. It asks the shopper to confirm the score
 * with one click (a POST), or shows the rating they already gave.
 */
export async function previewCsat(token: string, scoreText: string | null): Promise<CsatOutcome> {
  const rating = ratingOf(token, scoreText);
  if (!rating) return { kind: "invalid" };
  const { subject, score } = rating;
  const existing = await db.surveyResponse.findUnique({
    where: {
      shopDomain_kind_subjectKey: {
        shopDomain: subject.shopDomain,
        kind: "csat",
        subjectKey: subject.shipmentId,
      },
    },
  });
  if (!existing) return { kind: "confirm", score };
  return {
    kind: "already",
    score: existing.score,
    commented: existing.comment !== null,
    offers: await offersFor(subject, existing.score),
  };
}

/** Whether the shopper has rated this shipment's delivery (only the first rating counts). */
export async function deliveryRated(shopDomain: string, shipmentId: string) {
  const rating = await db.surveyResponse.findUnique({
    where: { shopDomain_kind_subjectKey: { shopDomain, kind: "csat", subjectKey: shipmentId } },
    select: { id: true },
  });
  return rating !== null;
}

/**
 * A confirmed rating (POST): the first one per shipment counts (the link works once; later clicks
 * show the rating already given).
 */
export async function recordCsat(token: string, scoreText: string | null): Promise<CsatOutcome> {
  const rating = ratingOf(token, scoreText);
  if (!rating) return { kind: "invalid" };
  const { subject, score } = rating;
  const key = { shopDomain: subject.shopDomain, kind: "csat", subjectKey: subject.shipmentId };
  try {
    const response = await transaction(async (tx) => {
      const created = await tx.surveyResponse.create({
        data: { ...key, orderShopifyId: subject.orderShopifyId, score, source: "email" },
      });
      await emitAnswer(tx, created, score <= LOW_SCORE);
      return created;
    });
    if (score <= LOW_SCORE) {
      await db.surveyAlert.create({
        data: { shopDomain: subject.shopDomain, responseId: response.id, reason: `CSAT ${score}` },
      });
      await emailMerchantAlert(subject.shopDomain, response);
    }
    return { kind: "recorded", score, commented: false, offers: await offersFor(subject, score) };
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") {
      throw error;
    }
    const existing = await db.surveyResponse.findUniqueOrThrow({
      where: { shopDomain_kind_subjectKey: key },
    });
    return {
      kind: "already",
      score: existing.score,
      commented: existing.comment !== null,
      offers: await offersFor(subject, existing.score),
    };
  }
}

/** The optional comment after a rating, once. */
export async function commentCsat(token: string, comment: string): Promise<CsatOutcome> {
  const subject = readSubject(token);
  const text = comment.trim().slice(0, 1000);
  if (!subject) return { kind: "invalid" };
  const key = { shopDomain: subject.shopDomain, kind: "csat", subjectKey: subject.shipmentId };
  const response = await db.surveyResponse.findUnique({
    where: { shopDomain_kind_subjectKey: key },
  });
  if (!response) return { kind: "invalid" };
  if (text && response.comment === null) {
    await db.surveyResponse.update({ where: { id: response.id }, data: { comment: text } });
  }
  return {
    kind: "already",
    score: response.score,
    commented: true,
    offers: await offersFor(subject, response.score),
  };
}

const en = {
  title: "Thank you",
  recorded: "Thanks for rating your delivery {score} out of 5.",
  already: "You already rated this delivery {score} out of 5.",
  commentLabel: "Anything you would like to tell us?",
  send: "Send",
  thanksComment: "Thank you, we read every comment.",
  lowScore: "We're sorry it didn't go well. Reply to our email and we'll make it right.",
  invalid: "This survey link is not valid.",
  confirm: "Rate your delivery {score} out of 5?",
  confirmButton: "Send my rating",
  nextSteps: "What would you like to do next?",
  offerReturn: "Start a return",
  offerContact: "Contact us",
  offerReview: "Write a review",
  offerReferral: "Share your referral link: {percent}% off for a friend",
};
const CATALOGS = {
  en,
  fr: {
    title: "Merci",
    recorded: "Merci d'avoir noté votre livraison {score} sur 5.",
    already: "Vous avez déjà noté cette livraison {score} sur 5.",
    commentLabel: "Souhaitez-vous nous dire quelque chose ?",
    send: "Envoyer",
    thanksComment: "Merci, nous lisons chaque commentaire.",
    lowScore: "Nous sommes désolés. Répondez à notre e-mail et nous arrangerons cela.",
    invalid: "Ce lien d'enquête n'est pas valide.",
    confirm: "Noter votre livraison {score} sur 5 ?",
    confirmButton: "Envoyer ma note",
    nextSteps: "Que souhaitez-vous faire maintenant ?",
    offerReturn: "Lancer un retour",
    offerContact: "Nous contacter",
    offerReview: "Laisser un avis",
    offerReferral: "Partagez votre lien de parrainage : {percent} % de réduction pour un ami",
  },
  de: {
    title: "Danke",
    recorded: "Danke, dass du deine Lieferung mit {score} von 5 bewertet hast.",
    already: "Du hast diese Lieferung bereits mit {score} von 5 bewertet.",
    commentLabel: "Möchtest du uns noch etwas sagen?",
    send: "Senden",
    thanksComment: "Danke, wir lesen jeden Kommentar.",
    lowScore: "Das tut uns leid. Antworte auf unsere E-Mail, und wir bringen es in Ordnung.",
    invalid: "Dieser Umfragelink ist ungültig.",
    confirm: "Deine Lieferung mit {score} von 5 bewerten?",
    confirmButton: "Bewertung senden",
    nextSteps: "Wie möchtest du weitermachen?",
    offerReturn: "Rücksendung starten",
    offerContact: "Kontaktiere uns",
    offerReview: "Bewertung schreiben",
    offerReferral: "Teile deinen Empfehlungslink: {percent} % Rabatt für Freunde",
  },
  es: {
    title: "Gracias",
    recorded: "Gracias por valorar tu entrega con {score} de 5.",
    already: "Ya valoraste esta entrega con {score} de 5.",
    commentLabel: "¿Quieres contarnos algo más?",
    send: "Enviar",
    thanksComment: "Gracias, leemos todos los comentarios.",
    lowScore: "Lo sentimos. Responde a nuestro correo y lo solucionaremos.",
    invalid: "Este enlace de encuesta no es válido.",
    confirm: "¿Valorar tu entrega con {score} de 5?",
    confirmButton: "Enviar mi valoración",
    nextSteps: "¿Qué quieres hacer ahora?",
    offerReturn: "Iniciar una devolución",
    offerContact: "Contáctanos",
    offerReview: "Escribir una reseña",
    offerReferral: "Comparte tu enlace de recomendación: {percent} % de descuento para un amigo",
  },
};

const OFFER_LABEL = {
  return: "offerReturn",
  contact: "offerContact",
  review: "offerReview",
} as const;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The small hosted page behind the rating links: thanks, and a comment box once. */
export function csatPage(outcome: CsatOutcome, token: string, acceptLanguage: string | null) {
  const locale = negotiateLocale([], acceptLanguage);
  const translate = translator(CATALOGS, locale);
  const say = (key: keyof typeof en, values: Record<string, string | number> = {}) =>
    escape(translate(key, values));
  let body: string;
  if (outcome.kind === "invalid") body = `<p role="alert">${say("invalid")}</p>`;
  else if (outcome.kind === "confirm") {
    body = `<form method="post"><input type="hidden" name="token" value="${escape(token)}"><input type="hidden" name="score" value="${outcome.score}"><p>${say("confirm", { score: outcome.score })}</p><button type="submit">${say("confirmButton")}</button></form>`;
  } else {
    body = `<p role="status">${say(outcome.kind, { score: outcome.score })}</p>`;
    if (outcome.score <= LOW_SCORE) body += `<p>${say("lowScore")}</p>`;
    if (outcome.offers.length) {
      const label = (offer: FollowUpOffer) =>
        offer.kind === "referral"
          ? say("offerReferral", { percent: offer.friendPercent })
          : say(OFFER_LABEL[offer.kind]);
      body += `<nav aria-labelledby="next"><h2 id="next">${say("nextSteps")}</h2><ul>${outcome.offers
        .map((offer) => `<li><a href="${escape(offer.url)}">${label(offer)}</a></li>`)
        .join("")}</ul></nav>`;
    }
    body += outcome.commented
      ? `<p>${say("thanksComment")}</p>`
      : `<form method="post"><input type="hidden" name="token" value="${escape(token)}"><label for="comment">${say("commentLabel")}</label><textarea id="comment" name="comment" rows="4" maxlength="1000"></textarea><button type="submit">${say("send")}</button></form>`;
  }
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${say("title")}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1f2937}label{display:block;font-weight:600;margin:1rem 0 .25rem}textarea{width:100%;font:inherit;box-sizing:border-box}button{margin-top:.5rem;font:inherit;padding:.6rem 1rem;border:0;border-radius:.4rem;background:#1f2937;color:#fff}h2{font-size:1.1rem;margin-top:1.5rem}li{margin:.25rem 0}</style></head><body><h1>${say("title")}</h1>${body}</body></html>`;
}
