import { translator, type ShopperLocale } from "../platform/i18n";

/** The return page's automatic refund card, in the shop's admin language. */
const en = {
  title: "Automatic refund",
  whyFirstScan: "Quick refund on the carrier's first scan (return policy: refund on first scan).",
  whyReceived: "Refund on delivery to the shop (return policy: refund on receipt).",
  scheduled: "Sends the refund and store credit to Shopify {when}, unless you undo it.",
  undo: "Undo automatic refund",
  undoHelp: "The return then waits for you to process it.",
  cancelled: "Undone: the return waits for you to process it.",
  sending: "Being sent to Shopify; it can no longer be undone.",
  done: "Sent to Shopify; it can no longer be undone.",
  failed: "Not made: {error}. Process the return yourself.",
  notDone: "Not done",
} satisfies Record<string, string>;

type Key = keyof typeof en;

const fr: Record<Key, string> = {
  title: "Remboursement automatique",
  whyFirstScan:
    "Remboursement rapide au premier scan du transporteur (politique de retour : rembourser au premier scan).",
  whyReceived:
    "Remboursement à la livraison à la boutique (politique de retour : rembourser à la réception).",
  scheduled: "Envoie le remboursement et l'avoir à Shopify {when}, sauf si vous l'annulez.",
  undo: "Annuler le remboursement automatique",
  undoHelp: "Le retour attend alors que vous le traitiez.",
  cancelled: "Annulé : le retour attend que vous le traitiez.",
  sending: "En cours d'envoi à Shopify ; il ne peut plus être annulé.",
  done: "Envoyé à Shopify ; il ne peut plus être annulé.",
  failed: "Non effectué : {error}. Traitez le retour vous-même.",
  notDone: "Non effectué",
};

const de: Record<Key, string> = {
  title: "Automatische Erstattung",
  whyFirstScan:
    "Schnelle Erstattung beim ersten Scan des Versanddienstleisters (Rückgaberichtlinie: Erstattung beim ersten Scan).",
  whyReceived:
    "Erstattung bei Zustellung an den Shop (Rückgaberichtlinie: Erstattung bei Eingang).",
  scheduled:
    "Sendet die Erstattung und das Guthaben {when} an Shopify, sofern Sie sie nicht rückgängig machen.",
  undo: "Automatische Erstattung rückgängig machen",
  undoHelp: "Die Rücksendung wartet dann darauf, dass Sie sie bearbeiten.",
  cancelled: "Rückgängig gemacht: Die Rücksendung wartet darauf, dass Sie sie bearbeiten.",
  sending: "Wird an Shopify gesendet; kann nicht mehr rückgängig gemacht werden.",
  done: "An Shopify gesendet; kann nicht mehr rückgängig gemacht werden.",
  failed: "Nicht erfolgt: {error}. Bearbeiten Sie die Rücksendung selbst.",
  notDone: "Nicht erledigt",
};

const es: Record<Key, string> = {
  title: "Reembolso automático",
  whyFirstScan:
    "Reembolso rápido en el primer escaneo del transportista (política de devoluciones: reembolsar en el primer escaneo).",
  whyReceived:
    "Reembolso al entregarse en la tienda (política de devoluciones: reembolsar al recibir).",
  scheduled: "Envía el reembolso y el crédito en tienda a Shopify {when}, salvo que lo deshagas.",
  undo: "Deshacer reembolso automático",
  undoHelp: "La devolución esperará entonces a que la proceses.",
  cancelled: "Deshecho: la devolución espera a que la proceses.",
  sending: "Enviándose a Shopify; ya no se puede deshacer.",
  done: "Enviado a Shopify; ya no se puede deshacer.",
  failed: "No realizado: {error}. Procesa la devolución tú mismo.",
  notDone: "No realizado",
};

export const AUTOMATION_MESSAGES = { en, fr, de, es };

export function automationMessages(locale: ShopperLocale) {
  return translator(AUTOMATION_MESSAGES, locale);
}
