import { countSegments, type SegmentCount } from "../../platform/sms/segments";
import type { ShopperLocale } from "../../platform/i18n";
import type { TriggerName } from "../triggers";

/**
 * The shipment triggers that can also go out as SMS, with their default words per language.
 * Placeholders: {shop}, {order}, {link} (the tracking page, shortened through /s/<code>).
 * Defaults keep to the GSM-7 alphabet (no á, í, ó, ú or ê: one of them makes the whole text
 * UCS-2, 70 characters a segment) and to one segment with a 40-character link.
 */
export const SMS_DEFAULTS = {
  "shipment.shipped": {
    en: "{shop}: your order {order} is on its way. Track it: {link}",
    fr: "{shop} : votre commande {order} est en route. Suivi : {link}",
    de: "{shop}: Ihre Bestellung {order} ist unterwegs. Sendungsverfolgung: {link}",
    es: "{shop}: tu pedido {order} va en camino. Seguimiento: {link}",
  },
  "shipment.out_for_delivery": {
    en: "{shop}: your order {order} is out for delivery today. {link}",
    fr: "{shop} : votre commande {order} est en cours de livraison aujourd'hui. {link}",
    de: "{shop}: Ihre Bestellung {order} wird heute zugestellt. {link}",
    es: "{shop}: tu pedido {order} sale hoy a reparto. {link}",
  },
  "shipment.available_for_pickup": {
    en: "{shop}: your order {order} is ready for pickup. {link}",
    fr: "{shop} : votre commande {order} vous attend au point de retrait. {link}",
    de: "{shop}: Ihre Bestellung {order} liegt zur Abholung bereit. {link}",
    es: "{shop}: tu pedido {order} ya se puede recoger. {link}",
  },
  "shipment.failed_attempt": {
    en: "{shop}: the carrier could not deliver your order {order}. What next: {link}",
    fr: "{shop} : le transporteur n'a pas pu livrer votre commande {order}. La suite : {link}",
    de: "{shop}: Ihre Bestellung {order} konnte nicht zugestellt werden. Wie es weitergeht: {link}",
    es: "{shop}: el transportista no pudo entregar tu pedido {order}. Qué sigue: {link}",
  },
  "shipment.delivered": {
    en: "{shop}: your order {order} was delivered. Enjoy! {link}",
    fr: "{shop} : votre commande {order} a été livrée. Bonne journée ! {link}",
    de: "{shop}: Ihre Bestellung {order} wurde zugestellt. Viel Freude! {link}",
    es: "{shop}: tu pedido {order} fue entregado. ¡Que lo disfrutes! {link}",
  },
  "shipment.exception": {
    en: "{shop}: there is a problem with the delivery of your order {order}. Details: {link}",
    fr: "{shop} : un problème affecte la livraison de votre commande {order}. Détails : {link}",
    de: "{shop}: Bei der Zustellung Ihrer Bestellung {order} gibt es ein Problem. Details: {link}",
    es: "{shop}: hay un problema con la entrega de tu pedido {order}. Detalles: {link}",
  },
  "shipment.delayed": {
    en: "{shop}: your order {order} is running late. We are on it with the carrier: {link}",
    fr: "{shop} : votre commande {order} a du retard. Nous contactons le transporteur : {link}",
    de: "{shop}: Ihre Bestellung {order} verspätet sich. Wir haken beim Zusteller nach: {link}",
    es: "{shop}: tu pedido {order} lleva retraso. Lo estamos reclamando al transportista: {link}",
  },
} as const satisfies Partial<Record<TriggerName, Record<ShopperLocale, string>>>;

export type SmsTrigger = keyof typeof SMS_DEFAULTS;

export function isSmsTrigger(trigger: string): trigger is SmsTrigger {
  return trigger in SMS_DEFAULTS;
}

/** The default help reply, when the shop wrote none (CTIA: name the program and how to stop). */
export const DEFAULT_HELP_TEXT: Record<ShopperLocale, string> = {
  en: "{shop}: order updates by text. Reply STOP to stop, START to resume. Msg & data rates may apply.",
  fr: "{shop} : suivi de commande par SMS. Répondez STOP pour arrêter, START pour reprendre.",
  de: "{shop}: Bestell-Updates per SMS. Antworten Sie STOP zum Abbestellen, START zum Fortsetzen.",
  es: "{shop}: avisos de pedidos por SMS. Responde STOP para dejar de recibirlos, START para volver.",
};

export interface SmsValues {
  shop: string;
  order: string;
  link: string;
}

/** The text with its placeholders filled; the merchant's template, else the default. */
export function renderSms(template: string, values: SmsValues) {
  return template
    .replaceAll("{shop}", values.shop)
    .replaceAll("{order}", values.order)
    .replaceAll("{link}", values.link);
}

/** What a short link of ours looks like, for counting segments before any link exists. */
export function sampleShortLink(appUrl: string) {
  return `${appUrl}/s/${"x".repeat(SHORT_CODE_LENGTH)}`;
}

export const SHORT_CODE_LENGTH = 8;

export interface SmsPreview extends SegmentCount {
  body: string;
  /** Ten-thousandths of the currency unit. */
  cost: number;
}

/** Segments, encoding and estimated cost of one message, as the merchant sees before turning it on. */
export function previewSms(
  template: string,
  values: SmsValues,
  pricePerSegment: number,
): SmsPreview {
  const body = renderSms(template, values);
  const count = countSegments(body);
  return { body, ...count, cost: count.segments * pricePerSegment };
}
