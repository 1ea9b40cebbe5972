import { translator, type Catalog, type ShopperLocale } from "../../platform/i18n";

const en = {
  offerLabel: "Offer",
  offerCode: "Use code {code} at checkout.",
  offerApply: "Shop with this code",
  youMayAlsoLike: "You may also like",
  title: "Track your order",
  intro: "Enter your order number and the email you used at checkout, or a tracking number.",
  orderNumber: "Order number",
  email: "Email",
  or: "or",
  trackingNumber: "Tracking number",
  submit: "Track",
  notFound:
    "We couldn't find a shipment with those details. Check the order number and email, or the tracking number.",
  tooMany: "Too many lookups. Please try again in {seconds} seconds.",
  missingFields: "Enter an order number and email, or a tracking number.",
  invalidCharacters:
    "Remove the invisible control characters (such as a pasted tab or line break) from the fields and try again.",
  order: "Order {name}",
  shipmentOf: "Shipment {index} of {count}",
  trackingWith: "{carrier} · {number}",
  viewOnCarrier: "View on the carrier's site",
  estimatedDelivery: "Estimated delivery",
  deliveredOn: "Delivered {date}",
  notShippedYet: "Your order hasn't shipped yet. Its progress will show here as soon as it does.",
  noScans: "No carrier scans yet.",
  items: "In this shipment",
  timeline: "Tracking history",
  progress: "Shipment progress",
  stepShipped: "Shipped",
  stepInTransit: "In transit",
  stepOutForDelivery: "Out for delivery",
  stepDelivered: "Delivered",
  lookupAnother: "Track another order",
  tag_Pending: "Awaiting carrier information",
  tag_InfoReceived: "Label created",
  tag_InTransit: "In transit",
  tag_OutForDelivery: "Out for delivery",
  tag_AvailableForPickup: "Ready for pickup",
  tag_AttemptFail: "Delivery attempted",
  tag_Delivered: "Delivered",
  tag_Exception: "Delivery problem",
  tag_Expired: "No recent updates",
};

export type TrackingMessageKey = keyof typeof en;

const fr: Catalog<TrackingMessageKey> = {
  offerLabel: "Offre",
  offerCode: "Utilisez le code {code} lors du paiement.",
  offerApply: "Acheter avec ce code",
  youMayAlsoLike: "Vous aimerez aussi",
  title: "Suivre votre commande",
  intro:
    "Saisissez votre numéro de commande et l'e-mail utilisé lors de l'achat, ou un numéro de suivi.",
  orderNumber: "Numéro de commande",
  email: "E-mail",
  or: "ou",
  trackingNumber: "Numéro de suivi",
  submit: "Suivre",
  notFound:
    "Aucun envoi ne correspond à ces informations. Vérifiez le numéro de commande et l'e-mail, ou le numéro de suivi.",
  tooMany: "Trop de recherches. Réessayez dans {seconds} secondes.",
  missingFields: "Saisissez un numéro de commande et un e-mail, ou un numéro de suivi.",
  invalidCharacters:
    "Retirez les caractères de contrôle invisibles (tabulation ou saut de ligne collés, par exemple) des champs, puis réessayez.",
  order: "Commande {name}",
  shipmentOf: "Colis {index} sur {count}",
  trackingWith: "{carrier} · {number}",
  viewOnCarrier: "Voir sur le site du transporteur",
  estimatedDelivery: "Livraison estimée",
  deliveredOn: "Livré le {date}",
  notShippedYet:
    "Votre commande n'a pas encore été expédiée. Son suivi s'affichera ici dès son envoi.",
  noScans: "Pas encore de scan du transporteur.",
  items: "Dans ce colis",
  timeline: "Historique du suivi",
  progress: "Progression de l'envoi",
  stepShipped: "Expédié",
  stepInTransit: "En transit",
  stepOutForDelivery: "En cours de livraison",
  stepDelivered: "Livré",
  lookupAnother: "Suivre une autre commande",
  tag_Pending: "En attente d'informations du transporteur",
  tag_InfoReceived: "Étiquette créée",
  tag_InTransit: "En transit",
  tag_OutForDelivery: "En cours de livraison",
  tag_AvailableForPickup: "Prêt à être retiré",
  tag_AttemptFail: "Tentative de livraison",
  tag_Delivered: "Livré",
  tag_Exception: "Problème de livraison",
  tag_Expired: "Pas de mise à jour récente",
};

const de: Catalog<TrackingMessageKey> = {
  offerLabel: "Angebot",
  offerCode: "Verwenden Sie den Code {code} an der Kasse.",
  offerApply: "Mit diesem Code einkaufen",
  youMayAlsoLike: "Das könnte Ihnen auch gefallen",
  title: "Bestellung verfolgen",
  intro:
    "Gib deine Bestellnummer und die beim Kauf verwendete E-Mail-Adresse ein oder eine Sendungsnummer.",
  orderNumber: "Bestellnummer",
  email: "E-Mail-Adresse",
  or: "oder",
  trackingNumber: "Sendungsnummer",
  submit: "Verfolgen",
  notFound:
    "Zu diesen Angaben wurde keine Sendung gefunden. Prüfe Bestellnummer und E-Mail-Adresse oder die Sendungsnummer.",
  tooMany: "Zu viele Anfragen. Bitte versuche es in {seconds} Sekunden erneut.",
  missingFields: "Gib eine Bestellnummer und E-Mail-Adresse oder eine Sendungsnummer ein.",
  invalidCharacters:
    "Entferne die unsichtbaren Steuerzeichen (etwa einen eingefügten Tabulator oder Zeilenumbruch) aus den Feldern und versuche es erneut.",
  order: "Bestellung {name}",
  shipmentOf: "Sendung {index} von {count}",
  trackingWith: "{carrier} · {number}",
  viewOnCarrier: "Beim Versanddienstleister ansehen",
  estimatedDelivery: "Voraussichtliche Zustellung",
  deliveredOn: "Zugestellt am {date}",
  notShippedYet:
    "Deine Bestellung wurde noch nicht versendet. Der Sendungsverlauf erscheint hier, sobald sie unterwegs ist.",
  noScans: "Noch keine Scans des Versanddienstleisters.",
  items: "In dieser Sendung",
  timeline: "Sendungsverlauf",
  progress: "Sendungsfortschritt",
  stepShipped: "Versendet",
  stepInTransit: "Unterwegs",
  stepOutForDelivery: "In Zustellung",
  stepDelivered: "Zugestellt",
  lookupAnother: "Andere Bestellung verfolgen",
  tag_Pending: "Warten auf Daten des Versanddienstleisters",
  tag_InfoReceived: "Versandetikett erstellt",
  tag_InTransit: "Unterwegs",
  tag_OutForDelivery: "In Zustellung",
  tag_AvailableForPickup: "Zur Abholung bereit",
  tag_AttemptFail: "Zustellversuch",
  tag_Delivered: "Zugestellt",
  tag_Exception: "Zustellproblem",
  tag_Expired: "Keine aktuellen Updates",
};

const es: Catalog<TrackingMessageKey> = {
  offerLabel: "Oferta",
  offerCode: "Usa el código {code} al pagar.",
  offerApply: "Comprar con este código",
  youMayAlsoLike: "También te puede gustar",
  title: "Sigue tu pedido",
  intro:
    "Introduce tu número de pedido y el correo electrónico de la compra, o un número de seguimiento.",
  orderNumber: "Número de pedido",
  email: "Correo electrónico",
  or: "o",
  trackingNumber: "Número de seguimiento",
  submit: "Seguir",
  notFound:
    "No encontramos ningún envío con esos datos. Revisa el número de pedido y el correo, o el número de seguimiento.",
  tooMany: "Demasiadas consultas. Inténtalo de nuevo en {seconds} segundos.",
  missingFields: "Introduce un número de pedido y un correo, o un número de seguimiento.",
  invalidCharacters:
    "Quita los caracteres de control invisibles (como un tabulador o un salto de línea pegados) de los campos y vuelve a intentarlo.",
  order: "Pedido {name}",
  shipmentOf: "Envío {index} de {count}",
  trackingWith: "{carrier} · {number}",
  viewOnCarrier: "Ver en el sitio del transportista",
  estimatedDelivery: "Entrega estimada",
  deliveredOn: "Entregado el {date}",
  notShippedYet: "Tu pedido aún no se ha enviado. Su progreso aparecerá aquí en cuanto salga.",
  noScans: "Aún no hay escaneos del transportista.",
  items: "En este envío",
  timeline: "Historial de seguimiento",
  progress: "Progreso del envío",
  stepShipped: "Enviado",
  stepInTransit: "En tránsito",
  stepOutForDelivery: "En reparto",
  stepDelivered: "Entregado",
  lookupAnother: "Seguir otro pedido",
  tag_Pending: "Esperando información del transportista",
  tag_InfoReceived: "Etiqueta creada",
  tag_InTransit: "En tránsito",
  tag_OutForDelivery: "En reparto",
  tag_AvailableForPickup: "Listo para recoger",
  tag_AttemptFail: "Intento de entrega",
  tag_Delivered: "Entregado",
  tag_Exception: "Problema con la entrega",
  tag_Expired: "Sin actualizaciones recientes",
};

export const TRACKING_MESSAGES = { en, fr, de, es };

export function trackingTranslator(locale: ShopperLocale) {
  return translator(TRACKING_MESSAGES, locale);
}

export function tagMessageKey(tag: string): TrackingMessageKey {
  const key = `tag_${tag}`;
  return key in en ? (key as TrackingMessageKey) : "tag_Pending";
}
