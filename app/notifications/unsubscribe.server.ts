import { db } from "../db.server";
import { negotiateLocale, translator } from "../platform/i18n";
import { shopProfile } from "../shops/index.server";
import { readOpenToken, readUnsubscribeToken } from "./links.server";

const en = {
  title: "Unsubscribe",
  confirm: "Stop emails from {shop} to {email}?",
  button: "Unsubscribe",
  done: "{email} will no longer receive emails from {shop}.",
  invalid: "This unsubscribe link is not valid.",
};
const CATALOGS = {
  en,
  fr: {
    title: "Se désabonner",
    confirm: "Ne plus envoyer d'e-mails de {shop} à {email} ?",
    button: "Se désabonner",
    done: "{email} ne recevra plus d'e-mails de {shop}.",
    invalid: "Ce lien de désabonnement n'est pas valide.",
  },
  de: {
    title: "Abmelden",
    confirm: "Keine E-Mails mehr von {shop} an {email} senden?",
    button: "Abmelden",
    done: "{email} erhält keine E-Mails mehr von {shop}.",
    invalid: "Dieser Abmeldelink ist ungültig.",
  },
  es: {
    title: "Darse de baja",
    confirm: "¿Dejar de enviar correos de {shop} a {email}?",
    button: "Darse de baja",
    done: "{email} ya no recibirá correos de {shop}.",
    invalid: "Este enlace para darse de baja no es válido.",
  },
};

export type UnsubscribeOutcome =
  { kind: "confirm" | "done"; shopName: string; email: string } | { kind: "invalid" };

/** Honours an unsubscribe link: `apply` on the one-click POST (RFC 8058) or the page's button. */
export async function unsubscribe(token: string, apply: boolean): Promise<UnsubscribeOutcome> {
  const subject = readUnsubscribeToken(token);
  if (!subject) return { kind: "invalid" };
  const { shopDomain, email } = subject;
  if (apply) {
    await db.notificationUnsubscribe.upsert({
      where: { shopDomain_email: { shopDomain, email } },
      create: { shopDomain, email },
      update: {},
    });
    await db.notificationMessage.updateMany({
      where: { shopDomain, recipient: email, status: "queued" },
      data: { status: "suppressed", detail: "The shopper unsubscribed" },
    });
  }
  const shop = await shopProfile(shopDomain);
  return { kind: apply ? "done" : "confirm", shopName: shop?.name ?? shopDomain, email };
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The small hosted page a shopper sees when they click the link instead of their mail app's button. */
export function unsubscribePage(
  outcome: UnsubscribeOutcome,
  token: string,
  acceptLanguage: string | null,
) {
  const locale = negotiateLocale([], acceptLanguage);
  const translate = translator(CATALOGS, locale);
  const say = (key: keyof typeof en, values: Record<string, string> = {}) =>
    escape(translate(key, values));
  const body =
    outcome.kind === "invalid"
      ? `<p role="alert">${say("invalid")}</p>`
      : outcome.kind === "done"
        ? `<p role="status">${say("done", { shop: outcome.shopName, email: outcome.email })}</p>`
        : `<p>${say("confirm", { shop: outcome.shopName, email: outcome.email })}</p><form method="post"><input type="hidden" name="token" value="${escape(token)}"><button type="submit">${say("button")}</button></form>`;
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${say("title")}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1f2937}button{font:inherit;padding:.6rem 1rem;border:0;border-radius:.4rem;background:#1f2937;color:#fff}</style></head><body><h1>${say("title")}</h1>${body}</body></html>`;
}

/** Records the first time a message's pixel was loaded (only sent where the shop enables it). */
export async function recordOpen(token: string) {
  const messageId = readOpenToken(token);
  if (!messageId) return;
  await db.notificationMessage.updateMany({
    where: { id: messageId, openedAt: null },
    data: { openedAt: new Date() },
  });
}
