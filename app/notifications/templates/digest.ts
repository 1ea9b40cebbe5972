import { translator, type Catalog, type ShopperLocale } from "../../platform/i18n";

/**
 * The weekly digest's figures (to the merchant): which KPIs it carries, how each is written, and
 * their names in the merchant's language. Analytics fills the figures; this file only words them.
 */
export const DIGEST_KPIS = {
  orders: "count",
  netRevenue: "money",
  nps: "score",
  csat: "percent",
  returnRate: "percent",
  onTimeRate: "percent",
  exceptionRate: "percent",
  loyaltyLiability: "money",
  recommendationRevenue: "money",
} as const;
export type DigestKpi = keyof typeof DIGEST_KPIS;
export const DIGEST_KPI_NAMES = Object.keys(DIGEST_KPIS) as [DigestKpi, ...DigestKpi[]];

export const DIGEST_ATTENTION = [
  "openExceptions",
  "returnsToInspect",
  "openConversations",
  "failingDestinations",
] as const;
export type DigestAttention = (typeof DIGEST_ATTENTION)[number];

const en = {
  orders: "Orders",
  netRevenue: "Net revenue",
  nps: "NPS",
  csat: "Delivery satisfaction (CSAT)",
  returnRate: "Return rate",
  onTimeRate: "On-time delivery",
  exceptionRate: "Shipments with an exception",
  loyaltyLiability: "Loyalty points owed",
  recommendationRevenue: "Revenue from recommendations",
  openExceptions: "Shipments needing attention",
  returnsToInspect: "Returns waiting for inspection",
  openConversations: "Open support conversations",
  failingDestinations: "Destinations switched off after failing",
  thisWeek: "This week",
  previousWeek: "Week before",
  needsAttention: "Needs your attention",
  allClear: "Nothing is waiting for you.",
  why: "You receive this weekly digest because you installed Aftercare. Switch it off in Aftercare's notification settings.",
};
type Key = keyof typeof en;

const fr: Catalog<Key> = {
  orders: "Commandes",
  netRevenue: "Chiffre d'affaires net",
  nps: "NPS",
  csat: "Satisfaction livraison (CSAT)",
  returnRate: "Taux de retour",
  onTimeRate: "Livraisons à l'heure",
  exceptionRate: "Envois avec un incident",
  loyaltyLiability: "Points de fidélité dus",
  recommendationRevenue: "Ventes issues des recommandations",
  openExceptions: "Envois à surveiller",
  returnsToInspect: "Retours en attente d'inspection",
  openConversations: "Conversations de support ouvertes",
  failingDestinations: "Destinations désactivées après des échecs",
  thisWeek: "Cette semaine",
  previousWeek: "Semaine précédente",
  needsAttention: "À traiter",
  allClear: "Rien ne vous attend.",
  why: "Vous recevez ce résumé hebdomadaire car vous avez installé Aftercare. Désactivez-le dans les réglages de notifications d'Aftercare.",
};

const de: Catalog<Key> = {
  orders: "Bestellungen",
  netRevenue: "Nettoumsatz",
  nps: "NPS",
  csat: "Zufriedenheit mit der Lieferung (CSAT)",
  returnRate: "Retourenquote",
  onTimeRate: "Pünktliche Zustellung",
  exceptionRate: "Sendungen mit Problem",
  loyaltyLiability: "Offene Treuepunkte",
  recommendationRevenue: "Umsatz aus Empfehlungen",
  openExceptions: "Sendungen, die Aufmerksamkeit brauchen",
  returnsToInspect: "Retouren, die auf Prüfung warten",
  openConversations: "Offene Support-Gespräche",
  failingDestinations: "Nach Fehlern abgeschaltete Ziele",
  thisWeek: "Diese Woche",
  previousWeek: "Vorwoche",
  needsAttention: "Braucht deine Aufmerksamkeit",
  allClear: "Nichts wartet auf dich.",
  why: "Du erhältst diese wöchentliche Übersicht, weil du Aftercare installiert hast. Schalte sie in den Benachrichtigungseinstellungen von Aftercare ab.",
};

const es: Catalog<Key> = {
  orders: "Pedidos",
  netRevenue: "Ingresos netos",
  nps: "NPS",
  csat: "Satisfacción con la entrega (CSAT)",
  returnRate: "Tasa de devoluciones",
  onTimeRate: "Entregas a tiempo",
  exceptionRate: "Envíos con incidencias",
  loyaltyLiability: "Puntos de fidelidad pendientes",
  recommendationRevenue: "Ingresos por recomendaciones",
  openExceptions: "Envíos que requieren atención",
  returnsToInspect: "Devoluciones pendientes de inspección",
  openConversations: "Conversaciones de soporte abiertas",
  failingDestinations: "Destinos desactivados tras fallar",
  thisWeek: "Esta semana",
  previousWeek: "Semana anterior",
  needsAttention: "Requiere tu atención",
  allClear: "No hay nada pendiente.",
  why: "Recibes este resumen semanal porque instalaste Aftercare. Desactívalo en los ajustes de notificaciones de Aftercare.",
};

export function digestTranslator(locale: ShopperLocale) {
  return translator({ en, fr, de, es }, locale);
}
