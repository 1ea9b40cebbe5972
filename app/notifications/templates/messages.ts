import { translator, type Catalog, type ShopperLocale } from "../../platform/i18n";

const en = {
  trackButton: "Track your package",
  rewardsButton: "See your rewards",
  labelButton: "Print your return label",
  openInAdmin: "Open in Aftercare",
  estimate: "Estimated delivery: {date}",
  trackingNumber: "{carrier} tracking number {number}",
  items: "In this shipment",
  timeline: "Latest updates",
  why: "You received this email because you ordered from {shop}.",
  unsubscribe: "Unsubscribe",
  recommendations: "You may also like",
  rating1: "Very unhappy",
  rating5: "Very happy",
};
type Key = keyof typeof en;

const fr: Catalog<Key> = {
  trackButton: "Suivre mon colis",
  rewardsButton: "Voir mes récompenses",
  labelButton: "Imprimer l'étiquette de retour",
  openInAdmin: "Ouvrir dans Aftercare",
  estimate: "Livraison estimée : {date}",
  trackingNumber: "Numéro de suivi {carrier} {number}",
  items: "Dans ce colis",
  timeline: "Dernières nouvelles",
  why: "Vous recevez cet e-mail suite à votre commande chez {shop}.",
  unsubscribe: "Se désabonner",
  recommendations: "Vous aimerez aussi",
  rating1: "Très déçu",
  rating5: "Très satisfait",
};

const de: Catalog<Key> = {
  trackButton: "Sendung verfolgen",
  rewardsButton: "Meine Prämien ansehen",
  labelButton: "Rücksendeetikett drucken",
  openInAdmin: "In Aftercare öffnen",
  estimate: "Voraussichtliche Zustellung: {date}",
  trackingNumber: "{carrier} Sendungsnummer {number}",
  items: "In dieser Sendung",
  timeline: "Letzte Updates",
  why: "Du erhältst diese E-Mail, weil du bei {shop} bestellt hast.",
  unsubscribe: "Abmelden",
  recommendations: "Das könnte dir auch gefallen",
  rating1: "Sehr unzufrieden",
  rating5: "Sehr zufrieden",
};

const es: Catalog<Key> = {
  trackButton: "Seguir mi paquete",
  rewardsButton: "Ver mis recompensas",
  labelButton: "Imprimir la etiqueta de devolución",
  openInAdmin: "Abrir en Aftercare",
  estimate: "Entrega estimada: {date}",
  trackingNumber: "Número de seguimiento de {carrier} {number}",
  items: "En este envío",
  timeline: "Últimas novedades",
  why: "Recibes este correo porque hiciste un pedido en {shop}.",
  unsubscribe: "Darse de baja",
  recommendations: "También te puede gustar",
  rating1: "Muy insatisfecho",
  rating5: "Muy satisfecho",
};

export function emailTranslator(locale: ShopperLocale) {
  return translator({ en, fr, de, es }, locale);
}
