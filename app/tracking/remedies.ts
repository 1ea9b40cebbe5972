import { negotiateLocale, translator, type Catalog } from "../platform/i18n";

/**
 * The message a merchant sends a shopper whose parcel needs attention, drafted in the shopper's
 * language for each reason, so "Contact customer" opens a ready e-mail the merchant only reviews.
 */

type Keys =
  | "subject"
  | "greeting"
  | "exception"
  | "failed_attempt"
  | "stalled"
  | "missed_estimate"
  | "flagged"
  | "next"
  | "track"
  | "closing";

const en: Catalog<Keys> = {
  subject: "About the delivery of your order {order}",
  greeting: "Hello,",
  exception:
    "The carrier reported a problem with your parcel {parcel} and we wanted you to hear it from us first.",
  failed_attempt:
    "The carrier tried to deliver your parcel {parcel} but could not complete the delivery.",
  stalled:
    "Your parcel {parcel} has not moved for a few days, and we are looking into it with the carrier.",
  missed_estimate:
    "Your parcel {parcel} has missed its expected delivery date, and we are looking into it with the carrier.",
  flagged:
    "We are keeping a close eye on your parcel {parcel} and wanted to check in with you about its delivery.",
  next: "Would you like us to send a replacement, or would you prefer a refund? Just reply to this e-mail and we will take care of it.",
  track: "You can follow the parcel here: {url}",
  closing: "Sorry for the trouble, and thank you for your patience.",
};

const fr: Catalog<Keys> = {
  subject: "Au sujet de la livraison de votre commande {order}",
  greeting: "Bonjour,",
  exception:
    "Le transporteur signale un problème avec votre colis {parcel} et nous tenions à vous en informer nous-mêmes.",
  failed_attempt:
    "Le transporteur a tenté de livrer votre colis {parcel} sans pouvoir terminer la livraison.",
  stalled:
    "Votre colis {parcel} n'a pas avancé depuis quelques jours ; nous nous renseignons auprès du transporteur.",
  missed_estimate:
    "Votre colis {parcel} a dépassé sa date de livraison prévue ; nous nous renseignons auprès du transporteur.",
  flagged:
    "Nous suivons de près votre colis {parcel} et voulions faire le point avec vous sur sa livraison.",
  next: "Préférez-vous que nous vous envoyions un remplacement ou que nous vous remboursions ? Répondez simplement à cet e-mail et nous nous en occupons.",
  track: "Vous pouvez suivre le colis ici : {url}",
  closing: "Désolés pour ce contretemps, et merci de votre patience.",
};

const de: Catalog<Keys> = {
  subject: "Zur Zustellung deiner Bestellung {order}",
  greeting: "Hallo,",
  exception:
    "Der Versanddienstleister meldet ein Problem mit deinem Paket {parcel}, und wir wollten, dass du es zuerst von uns erfährst.",
  failed_attempt:
    "Der Versanddienstleister hat versucht, dein Paket {parcel} zuzustellen, konnte die Zustellung aber nicht abschließen.",
  stalled:
    "Dein Paket {parcel} hat sich seit einigen Tagen nicht bewegt; wir klären das mit dem Versanddienstleister.",
  missed_estimate:
    "Dein Paket {parcel} hat den erwarteten Liefertermin überschritten; wir klären das mit dem Versanddienstleister.",
  flagged:
    "Wir behalten dein Paket {parcel} genau im Blick und wollten uns wegen der Zustellung bei dir melden.",
  next: "Sollen wir dir Ersatz schicken, oder möchtest du lieber eine Erstattung? Antworte einfach auf diese E-Mail, wir kümmern uns darum.",
  track: "Hier kannst du das Paket verfolgen: {url}",
  closing: "Entschuldige die Umstände, und danke für deine Geduld.",
};

const es: Catalog<Keys> = {
  subject: "Sobre la entrega de tu pedido {order}",
  greeting: "Hola:",
  exception:
    "El transportista informa de un problema con tu paquete {parcel} y queríamos que lo supieras primero por nosotros.",
  failed_attempt:
    "El transportista intentó entregar tu paquete {parcel} pero no pudo completar la entrega.",
  stalled:
    "Tu paquete {parcel} no se ha movido en unos días y lo estamos consultando con el transportista.",
  missed_estimate:
    "Tu paquete {parcel} ha superado la fecha de entrega prevista y lo estamos consultando con el transportista.",
  flagged:
    "Estamos siguiendo de cerca tu paquete {parcel} y queríamos hablar contigo sobre su entrega.",
  next: "¿Prefieres que te enviemos un reemplazo o que te devolvamos el dinero? Responde a este correo y nos encargamos.",
  track: "Puedes seguir el paquete aquí: {url}",
  closing: "Disculpa las molestias y gracias por tu paciencia.",
};

const REASONS = new Set(["exception", "failed_attempt", "stalled", "missed_estimate", "flagged"]);

export interface ContactDraftInput {
  reason: string;
  locale: string | null;
  orderName: string | null;
  trackingNumber: string;
  carrierName: string | null;
  trackingUrl: string | null;
}

/** Subject and body of the drafted e-mail, in the shopper's language (English otherwise). */
export function contactDraft(input: ContactDraftInput) {
  const t = translator({ en, fr, de, es }, negotiateLocale([input.locale]));
  const values = {
    order: input.orderName ?? "",
    parcel: input.carrierName
      ? `${input.trackingNumber} (${input.carrierName})`
      : input.trackingNumber,
  };
  const reason = (REASONS.has(input.reason) ? input.reason : "exception") as Keys;
  const body = [
    t("greeting"),
    [t(reason, values), t("next")].join(" "),
    ...(input.trackingUrl ? [t("track", { url: input.trackingUrl })] : []),
    t("closing"),
  ].join("\n\n");
  return { subject: t("subject", values), body };
}
