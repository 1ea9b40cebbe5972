import { translator, type Catalog, type ShopperLocale } from "../platform/i18n";
import type { AbuseSignal, AbuseSignalKind } from "./abuse";

/** The return page's customer signals, inspection and warranty decision, in the shop's admin language. */
const en = {
  customerTitle: "Customer history",
  customerNone: "No customer is linked to this return, so there is no history to compare.",
  customerFigures:
    "{returns} returns in {orders} orders ({perOrder} per order) over {days} days; {returned} of {delivered} delivered units returned ({rate}).",
  customerNoDelivery: "nothing delivered yet",
  noSignals: "Nothing unusual in this customer's returns.",
  high_return_rate: "High return rate",
  high_return_rateWhy:
    "Returned {returned} of {delivered} delivered units ({rate} %); the policy flags {threshold} % or more.",
  serial_returner: "Serial returner",
  serial_returnerWhy:
    "{returns} returns in {orders} orders; the policy flags {minReturns} or more returns at {minRate} % of orders or more.",
  wardrobing: "Possible wardrobing",
  wardrobingWhy:
    "{returns} returns for a reason such as style or unwanted, asked for in the last {days} days of the return window.",
  mismatch: "Mismatched items",
  mismatchWhy:
    "Inspection found {units} units that were not the items sold in this customer's returns.",
  inspectionTitle: "Inspection",
  inspectionHelp:
    "Tick the items that are not what was sold (another product, a counterfeit, an empty box). It counts against the customer's history.",
  inspectionMismatch: "Not the item sold",
  inspectionNote: "Inspection note",
  inspectionSave: "Record inspection",
  inspectionDone: "Inspected",
  claimTitle: "Warranty claim",
  claimHelp:
    "The item is past its return window and within its warranty. Decide how you make it right; a replacement is a new order in Shopify at no charge, shipped to the order's address.",
  claimRepair: "Repair",
  claimReplace: "Send a replacement",
  claimRefund: "Refund",
  claimDecided: "Decided: {outcome}",
  claimReplacementOrder: "Replacement order {name}",
} satisfies Record<string, string>;

type Key = keyof typeof en;

const fr: Catalog<Key> = {
  customerTitle: "Historique du client",
  customerNone: "Aucun client n'est lié à ce retour : il n'y a pas d'historique à comparer.",
  customerFigures:
    "{returns} retours pour {orders} commandes ({perOrder} par commande) sur {days} jours ; {returned} des {delivered} articles livrés retournés ({rate}).",
  customerNoDelivery: "rien de livré pour l'instant",
  noSignals: "Rien d'inhabituel dans les retours de ce client.",
  high_return_rate: "Taux de retour élevé",
  high_return_rateWhy:
    "{returned} des {delivered} articles livrés retournés ({rate} %) ; la politique signale à partir de {threshold} %.",
  serial_returner: "Retours à répétition",
  serial_returnerWhy:
    "{returns} retours pour {orders} commandes ; la politique signale à partir de {minReturns} retours et {minRate} % des commandes.",
  wardrobing: "Port possible avant retour",
  wardrobingWhy:
    "{returns} retours pour un motif comme le style ou « plus voulu », demandés dans les {days} derniers jours du délai de retour.",
  mismatch: "Articles non conformes",
  mismatchWhy:
    "L'inspection a trouvé {units} articles qui n'étaient pas ceux vendus dans les retours de ce client.",
  inspectionTitle: "Inspection",
  inspectionHelp:
    "Cochez les articles qui ne sont pas ceux vendus (autre produit, contrefaçon, boîte vide). Cela compte dans l'historique du client.",
  inspectionMismatch: "Pas l'article vendu",
  inspectionNote: "Note d'inspection",
  inspectionSave: "Enregistrer l'inspection",
  inspectionDone: "Inspecté",
  claimTitle: "Demande de garantie",
  claimHelp:
    "L'article a dépassé son délai de retour et reste sous garantie. Choisissez la solution ; un remplacement est une nouvelle commande Shopify gratuite, livrée à l'adresse de la commande.",
  claimRepair: "Réparer",
  claimReplace: "Envoyer un remplacement",
  claimRefund: "Rembourser",
  claimDecided: "Décision : {outcome}",
  claimReplacementOrder: "Commande de remplacement {name}",
};

const de: Catalog<Key> = {
  customerTitle: "Kundenhistorie",
  customerNone:
    "Mit dieser Rücksendung ist kein Kunde verknüpft, daher gibt es keine Historie zum Vergleich.",
  customerFigures:
    "{returns} Rücksendungen bei {orders} Bestellungen ({perOrder} pro Bestellung) in {days} Tagen; {returned} von {delivered} zugestellten Artikeln zurückgesandt ({rate}).",
  customerNoDelivery: "noch nichts zugestellt",
  noSignals: "Nichts Ungewöhnliches in den Rücksendungen dieses Kunden.",
  high_return_rate: "Hohe Rücksendequote",
  high_return_rateWhy:
    "{returned} von {delivered} zugestellten Artikeln zurückgesandt ({rate} %); die Richtlinie markiert ab {threshold} %.",
  serial_returner: "Serienrücksender",
  serial_returnerWhy:
    "{returns} Rücksendungen bei {orders} Bestellungen; die Richtlinie markiert ab {minReturns} Rücksendungen und {minRate} % der Bestellungen.",
  wardrobing: "Mögliches Wardrobing",
  wardrobingWhy:
    "{returns} Rücksendungen mit einem Grund wie Stil oder „nicht mehr gewünscht“, angefragt in den letzten {days} Tagen der Rückgabefrist.",
  mismatch: "Abweichende Artikel",
  mismatchWhy:
    "Die Prüfung fand {units} Artikel in den Rücksendungen dieses Kunden, die nicht den verkauften entsprachen.",
  inspectionTitle: "Prüfung",
  inspectionHelp:
    "Markieren Sie Artikel, die nicht dem Verkauften entsprechen (anderes Produkt, Fälschung, leerer Karton). Das zählt in der Historie des Kunden.",
  inspectionMismatch: "Nicht der verkaufte Artikel",
  inspectionNote: "Prüfnotiz",
  inspectionSave: "Prüfung speichern",
  inspectionDone: "Geprüft",
  claimTitle: "Garantieanspruch",
  claimHelp:
    "Der Artikel ist außerhalb der Rückgabefrist und noch in der Garantie. Entscheiden Sie, wie Sie es lösen; ein Ersatz ist eine neue, kostenlose Shopify-Bestellung an die Adresse der Bestellung.",
  claimRepair: "Reparieren",
  claimReplace: "Ersatz senden",
  claimRefund: "Erstatten",
  claimDecided: "Entschieden: {outcome}",
  claimReplacementOrder: "Ersatzbestellung {name}",
};

const es: Catalog<Key> = {
  customerTitle: "Historial del cliente",
  customerNone:
    "Esta devolución no está vinculada a ningún cliente, así que no hay historial que comparar.",
  customerFigures:
    "{returns} devoluciones en {orders} pedidos ({perOrder} por pedido) en {days} días; {returned} de {delivered} artículos entregados devueltos ({rate}).",
  customerNoDelivery: "nada entregado todavía",
  noSignals: "Nada inusual en las devoluciones de este cliente.",
  high_return_rate: "Tasa de devolución alta",
  high_return_rateWhy:
    "Devolvió {returned} de {delivered} artículos entregados ({rate} %); la política marca a partir del {threshold} %.",
  serial_returner: "Devoluciones en serie",
  serial_returnerWhy:
    "{returns} devoluciones en {orders} pedidos; la política marca a partir de {minReturns} devoluciones y el {minRate} % de los pedidos.",
  wardrobing: "Posible uso y devolución",
  wardrobingWhy:
    "{returns} devoluciones por un motivo como estilo o «ya no lo quiero», pedidas en los últimos {days} días del plazo de devolución.",
  mismatch: "Artículos que no coinciden",
  mismatchWhy:
    "La inspección encontró {units} artículos que no eran los vendidos en las devoluciones de este cliente.",
  inspectionTitle: "Inspección",
  inspectionHelp:
    "Marque los artículos que no son los vendidos (otro producto, una falsificación, una caja vacía). Cuenta en el historial del cliente.",
  inspectionMismatch: "No es el artículo vendido",
  inspectionNote: "Nota de inspección",
  inspectionSave: "Guardar inspección",
  inspectionDone: "Inspeccionado",
  claimTitle: "Reclamación de garantía",
  claimHelp:
    "El artículo está fuera del plazo de devolución y dentro de su garantía. Decida cómo resolverlo; un reemplazo es un pedido nuevo en Shopify sin coste, enviado a la dirección del pedido.",
  claimRepair: "Reparar",
  claimReplace: "Enviar un reemplazo",
  claimRefund: "Reembolsar",
  claimDecided: "Decidido: {outcome}",
  claimReplacementOrder: "Pedido de reemplazo {name}",
};

export const ABUSE_MESSAGES = { en, fr, de, es };

export function abuseMessages(locale: ShopperLocale) {
  return translator(ABUSE_MESSAGES, locale);
}

/** A signal's badge text and its explanation. */
export function describeSignal(
  t: ReturnType<typeof abuseMessages>,
  signal: AbuseSignal,
): { title: string; explanation: string } {
  const why = `${signal.kind}Why` as `${AbuseSignalKind}Why`;
  return { title: t(signal.kind), explanation: t(why, signal.values) };
}
