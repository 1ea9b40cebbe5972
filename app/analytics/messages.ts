import { translator, type Catalog, type ShopperLocale } from "../platform/i18n";

/**
 * The dashboard's and the customer page's words, in the shop's admin language: each KPI's name,
 * its definition as ../shared/PRODUCT.md gives it, and what to switch on when it has no data.
 */
const en = {
  title: "Aftercare for {shop}",
  latestOrders: "Latest orders",
  rangeFrom: "From",
  rangeTo: "To",
  rangeApply: "Show",
  rangeLast7: "Last 7 days",
  rangeLast30: "Last 30 days",
  rangeLast90: "Last 90 days",
  comparedWith: "Compared with {from} – {to}",
  updatedAt: "Figures as of {time}",
  notYetComputed:
    "The figures are being computed from your history; they appear within a minute or two.",
  howComputed: "How is this computed?",
  previous: "Previous period: {value}",
  noData: "No data yet",
  exportCsv: "Export CSV",
  kpiOrders: "Orders",
  kpiOrdersDef: "Orders placed in the period, not counting test and cancelled orders.",
  kpiNetRevenue: "Net revenue",
  kpiNetRevenueDef:
    "What the period's orders are worth after refunds and edits (Shopify's current total); cancelled orders count nothing.",
  kpiNps: "NPS",
  kpiNpsDef:
    "% of answers 9–10 (promoters) minus % of answers 0–6 (detractors), over the NPS answers given in the period, with n and the 95 % interval.",
  kpiNpsEmpty: "Add the thank-you page or order-status block to ask the NPS question.",
  kpiCsat: "CSAT",
  kpiCsatDef:
    "% of delivery ratings that are 4 or 5 out of 5, over the ratings given in the period.",
  kpiCsatEmpty: "Turn on the delivery survey email under Notifications.",
  kpiRepeat: "Repeat-purchase rate",
  kpiRepeatDef:
    "Of the customers whose first order fell in the period, the share who placed another order within 90 days of it.",
  kpiReturnRate: "Return rate",
  kpiReturnRateDef:
    "Units in returns requested in the period (declined and cancelled returns excluded) divided by units delivered in the period; the value is the returns' amounts.",
  kpiReturnEmpty: "Returns appear once shoppers use the returns portal.",
  kpiRefundTime: "Time to refund",
  kpiRefundTimeDef:
    "Median and 90th percentile (nearest rank) of the time from a shopper's return request to its processing (refund, store credit or exchange issued), in whole hours (shown in days from 48 hours), over returns requested in the period and processed since; warranty claims are not counted.",
  kpiRefundEmpty: "Appears once a return requested in the period has been processed.",
  refundDetail: "median {median}, p90 {p90}, {n} processed returns",
  hoursValue: "{n} h",
  daysValue: "{n} days",
  kpiDelivery: "Delivery time",
  kpiDeliveryDef:
    "Median and 90th percentile (nearest rank) of the time from fulfillment to delivery, in whole hours shown as days, over shipments delivered in the period.",
  kpiDeliveryEmpty: "Fulfill orders with tracking numbers to follow their deliveries.",
  kpiOnTime: "On time",
  kpiOnTimeDef:
    "Shipments delivered in the period no later than the FIRST latest date the shopper was promised (not a later revision), over those that were promised a date.",
  kpiExceptions: "Exception rate",
  kpiExceptionsDef:
    "Shipments created in the period that had an Exception scan (held, returned, lost, damaged, refused) at any time, over all shipments created in the period.",
  kpiWismo: "Tracking views per order",
  kpiWismoDef:
    "Views of the storefront tracking page and of the order-status widget, and opens of shipment emails, in the period, per order placed in the period. Support contacts are next to it, under Support.",
  kpiWismoEmpty: "Add the tracking page or the order-status block so shoppers can look themselves.",
  kpiSupport: "Support contacts per 100 orders",
  kpiSupportDef:
    "Conversations shoppers opened with your team in the period, per 100 orders placed in the period; deflection is the share of the help center assistant's questions that needed no person (each conversation counts against one question); first response and resolution are median wall-clock times from opening to your first reply and to closing, for conversations opened in the period.",
  kpiSupportEmpty:
    "Add the help center to your theme so shoppers can ask the assistant, then a person.",
  supportDetail:
    "{contacts} conversations, {deflection} of {questions} questions resolved without a person; first response {first}, resolution {resolution} (median)",
  minutesValue: "{n} min",
  kpiLoyalty: "Loyalty points",
  kpiLoyaltyDef:
    "Points issued (earned on orders), redeemed (held for rewards, less releases) and expired in the period; liability is today's outstanding spendable points valued at the best fixed reward; revenue from orders that used a reward code in the period.",
  kpiLoyaltyEmpty: "Turn on the loyalty program under Loyalty.",
  kpiRecs: "Recommendation revenue",
  kpiRecsDef:
    "Impressions, clicks and click-through rate of recommendations in the period, and the orders placed in the period credited to a click within the attribution window, with the clicked lines' revenue in the shop's currency.",
  kpiRecsEmpty: "Add the “You may also like” block to the thank-you or product pages.",
  kpiTrackingRecs: "Tracking page revenue",
  kpiTrackingRecsDef:
    "Orders placed in the period credited to a recommendation followed on the storefront tracking page, and the clicked lines' revenue in the shop's currency; beside it, the same for the recommendation links in shipment e-mails. Part of the recommendation revenue.",
  kpiTrackingRecsEmpty:
    "Shoppers who look up their order on the tracking page see recommendations; link the page from your theme (Shipments → Tracking page).",
  trackingRecsDetail: "{orders} orders; shipment e-mails {emailRevenue} from {emailOrders} orders",
  kpiLtv: "Lifetime value",
  kpiLtvDef:
    "Net revenue per customer since their first order, for customers whose first order fell in the period, at 3, 6 and 12 months after it (later months are still growing for recent customers).",
  npsDetail: "n = {n}, 95 % interval {low} to {high}",
  csatDetail: "n = {n}",
  repeatDetail: "{repeaters} of {customers} new customers",
  returnDetail: "{units} of {delivered} units, {value}",
  deliveryDetail: "median {median} days, p90 {p90} days",
  onTimeDetail: "of {n} promised a date",
  exceptionDetail: "{n} of {shipments} shipments",
  wismoDetail: "{page} page views, {widget} widget views, {opened} of {sent} emails opened",
  loyaltyDetail:
    "{issued} issued, {redeemed} redeemed, {expired} expired; liability {liability}; {orders} orders with a reward code, {revenue}",
  recsDetail: "{impressions} impressions, {clicks} clicks ({ctr}), {orders} orders",
  ltvDetail: "3 months {m3}, 6 months {m6}, 12 months {m12} ({n} customers)",
  chartOrders: "Orders and net revenue by day",
  chartNps: "NPS by day",
  chartOnTime: "On-time rate by day",
  tableReasons: "Returns by reason",
  tableProducts: "Return rate by product",
  tableVariants: "Returns by variant",
  tableResolutions: "Returns by resolution",
  tableCarriers: "Delivery by carrier",
  tableRegions: "Delivery by destination region",
  tableCohorts: "Monthly cohorts: repeat purchase and net revenue per customer",
  colReason: "Reason",
  colUnits: "Units",
  colValue: "Value",
  colShare: "Share",
  colProduct: "Product",
  colDelivered: "Delivered units",
  colRate: "Return rate",
  colVariant: "Variant",
  colResolution: "Resolution",
  colKept: "Revenue kept",
  yes: "Yes",
  no: "No",
  resolution_refund: "Refund",
  resolution_store_credit: "Store credit",
  resolution_exchange: "Exchange",
  resolution_keep: "Refund, item kept",
  keptSummary:
    "Revenue kept (exchanges and store credit): {value}, {share} of the returned value; refunded: {refunded}.",
  emptyReturns: "No returns were requested in this period.",
  colCarrier: "Carrier",
  colRegion: "Region",
  colDeliveries: "Deliveries",
  colMedian: "Median days",
  colP90: "p90 days",
  colOnTime: "On time",
  colCohort: "First order",
  colCustomers: "Customers",
  colMonth: "Month {n}",
  emptyTable: "Nothing in this period yet.",
  emptyCohorts: "Cohorts appear as customers place their first orders.",
  tableExperiences:
    "What the first order's experience is worth: repeat purchase and net revenue per customer",
  colExperience: "After the first order",
  colRepeatBy: "Ordered again by month {n}",
  colRevenueBy: "Net revenue per customer by month {n}",
  experience_delivery_late: "Parcel came after the date promised",
  experience_delivery_on_time: "Parcel came on time",
  experience_return_returned: "Returned something",
  experience_return_kept: "Kept everything",
  experience_nps_promoter: "First NPS: promoter",
  experience_nps_passive: "First NPS: passive",
  experience_nps_detractor: "First NPS: detractor",
  experience_loyalty_member: "Loyalty member",
  experience_loyalty_not_member: "Not a loyalty member",
  lateDeliveryCost:
    "A late first delivery: {late} of those customers ordered again within 6 months, against {onTime} after an on-time one ({revenueLate} against {revenueOnTime} net revenue per customer).",
  experiencesHelp:
    "New customers of the last 12 months by what their first order brought them; a month counts only cohorts old enough to have lived it.",
  emptyExperiences:
    "This fills as first orders are delivered, returned, answered in surveys and joined to loyalty.",
  welcomeHeading: "Your dashboard fills as orders arrive",
  welcomeBody:
    "Place a test order in your store, or check Operations to see the webhooks Aftercare has received.",
  customers: "Customers",
} as const;

type Key = keyof typeof en;

const fr: Partial<Catalog<Key>> = {
  title: "Aftercare pour {shop}",
  latestOrders: "Dernières commandes",
  rangeFrom: "Du",
  rangeTo: "Au",
  rangeApply: "Afficher",
  rangeLast7: "7 derniers jours",
  rangeLast30: "30 derniers jours",
  rangeLast90: "90 derniers jours",
  comparedWith: "Comparé au {from} – {to}",
  updatedAt: "Chiffres au {time}",
  notYetComputed:
    "Les chiffres sont calculés depuis votre historique ; ils apparaissent d’ici une à deux minutes.",
  howComputed: "Comment est-ce calculé ?",
  previous: "Période précédente : {value}",
  noData: "Pas encore de données",
  exportCsv: "Exporter en CSV",
  kpiOrders: "Commandes",
  kpiOrdersDef: "Commandes passées dans la période, hors commandes de test et annulées.",
  kpiNetRevenue: "Chiffre d’affaires net",
  kpiNetRevenueDef:
    "La valeur des commandes de la période après remboursements et modifications ; une commande annulée ne compte pas.",
  kpiNps: "NPS",
  kpiNpsDef:
    "% de réponses 9–10 (promoteurs) moins % de réponses 0–6 (détracteurs), sur les réponses de la période, avec n et l’intervalle à 95 %.",
  kpiNpsEmpty:
    "Ajoutez le bloc de la page de remerciement ou de suivi de commande pour poser la question NPS.",
  kpiCsat: "CSAT",
  kpiCsatDef: "% des notes de livraison de 4 ou 5 sur 5, sur les notes données dans la période.",
  kpiCsatEmpty: "Activez l’e-mail d’enquête de livraison dans Notifications.",
  kpiRepeat: "Taux de réachat",
  kpiRepeatDef:
    "Parmi les clients dont la première commande tombe dans la période, la part qui a recommandé dans les 90 jours.",
  kpiReturnRate: "Taux de retour",
  kpiReturnRateDef:
    "Unités des retours demandés dans la période (hors retours refusés ou annulés) divisées par les unités livrées dans la période.",
  kpiReturnEmpty: "Les retours apparaissent dès que les clients utilisent le portail de retours.",
  kpiRefundTime: "Délai de remboursement",
  kpiRefundTimeDef:
    "Médiane et 90e centile (rang le plus proche) du délai entre la demande de retour du client et son traitement (remboursement, avoir ou échange émis), en heures entières (affiché en jours à partir de 48 heures), pour les retours demandés dans la période et traités depuis ; les demandes de garantie ne comptent pas.",
  kpiRefundEmpty: "Apparaît dès qu’un retour demandé dans la période a été traité.",
  refundDetail: "médiane {median}, p90 {p90}, {n} retours traités",
  hoursValue: "{n} h",
  daysValue: "{n} jours",
  kpiDelivery: "Délai de livraison",
  kpiDeliveryDef:
    "Médiane et 90e centile du délai entre l’expédition et la livraison, en heures entières affichées en jours, pour les colis livrés dans la période.",
  kpiDeliveryEmpty: "Expédiez des commandes avec un numéro de suivi pour suivre leurs livraisons.",
  kpiOnTime: "À l’heure",
  kpiOnTimeDef:
    "Colis livrés dans la période au plus tard à la PREMIÈRE date promise (pas une révision), parmi ceux à qui une date a été promise.",
  kpiExceptions: "Taux d’incidents",
  kpiExceptionsDef:
    "Colis créés dans la période ayant eu un incident (retenu, retourné, perdu, endommagé, refusé), sur tous les colis créés dans la période.",
  kpiWismo: "Consultations du suivi par commande",
  kpiWismoDef:
    "Vues de la page de suivi et du widget de la page de commande, et ouvertures des e-mails d’expédition, par commande de la période. Les contacts au support sont à côté, sous Support.",
  kpiWismoEmpty: "Ajoutez la page de suivi ou le bloc de la page de commande.",
  kpiSupport: "Contacts au support pour 100 commandes",
  kpiSupportDef:
    "Conversations ouvertes par les clients avec votre équipe dans la période, pour 100 commandes de la période ; la déflexion est la part des questions posées à l’assistant du centre d’aide qui n’ont demandé personne (chaque conversation compte contre une question) ; première réponse et résolution sont les durées médianes, de l’ouverture à votre première réponse et à la clôture, des conversations ouvertes dans la période.",
  kpiSupportEmpty:
    "Ajoutez le centre d’aide à votre thème pour que les clients interrogent l’assistant, puis une personne.",
  supportDetail:
    "{contacts} conversations, {deflection} des {questions} questions résolues sans personne ; première réponse {first}, résolution {resolution} (médianes)",
  minutesValue: "{n} min",
  kpiLoyalty: "Points de fidélité",
  kpiLoyaltyDef:
    "Points émis, échangés et expirés dans la période ; passif : points dépensables en cours, valorisés à la meilleure récompense fixe ; chiffre d’affaires des commandes avec un code de récompense.",
  kpiLoyaltyEmpty: "Activez le programme de fidélité dans Fidélité.",
  kpiRecs: "Revenus des recommandations",
  kpiRecsDef:
    "Impressions, clics et taux de clic des recommandations de la période, et commandes attribuées à un clic dans la fenêtre d’attribution, avec leur chiffre d’affaires dans la devise de la boutique.",
  kpiRecsEmpty: "Ajoutez le bloc « Vous aimerez aussi » aux pages de remerciement ou de produit.",
  kpiTrackingRecs: "Revenus de la page de suivi",
  kpiTrackingRecsDef:
    "Commandes de la période attribuées à une recommandation suivie sur la page de suivi de la boutique, avec le chiffre d’affaires des lignes cliquées dans la devise de la boutique ; à côté, la même chose pour les liens de recommandation des e-mails d’expédition. Compris dans les revenus des recommandations.",
  kpiTrackingRecsEmpty:
    "Les clients qui suivent leur commande sur la page de suivi voient des recommandations ; ajoutez un lien vers la page dans votre thème (Envois → Page de suivi).",
  trackingRecsDetail:
    "{orders} commandes ; e-mails d’expédition {emailRevenue} sur {emailOrders} commandes",
  kpiLtv: "Valeur vie client",
  kpiLtvDef:
    "Chiffre d’affaires net par client depuis sa première commande, pour les clients dont la première commande tombe dans la période, à 3, 6 et 12 mois.",
  chartOrders: "Commandes et chiffre d’affaires net par jour",
  chartNps: "NPS par jour",
  chartOnTime: "Taux de livraison à l’heure par jour",
  tableReasons: "Retours par motif",
  tableProducts: "Taux de retour par produit",
  tableVariants: "Retours par variante",
  tableResolutions: "Retours par solution",
  tableCarriers: "Livraison par transporteur",
  tableRegions: "Livraison par région de destination",
  tableCohorts: "Cohortes mensuelles : réachat et chiffre d’affaires net par client",
  colReason: "Motif",
  colUnits: "Unités",
  colValue: "Valeur",
  colShare: "Part",
  colProduct: "Produit",
  colDelivered: "Unités livrées",
  colRate: "Taux de retour",
  colVariant: "Variante",
  colResolution: "Solution",
  colKept: "Chiffre d’affaires conservé",
  yes: "Oui",
  no: "Non",
  resolution_refund: "Remboursement",
  resolution_store_credit: "Avoir",
  resolution_exchange: "Échange",
  resolution_keep: "Remboursement, article conservé",
  keptSummary:
    "Chiffre d’affaires conservé (échanges et avoirs) : {value}, {share} de la valeur retournée ; remboursé : {refunded}.",
  emptyReturns: "Aucun retour demandé dans cette période.",
  colCarrier: "Transporteur",
  colRegion: "Région",
  colDeliveries: "Livraisons",
  colMedian: "Jours (médiane)",
  colP90: "Jours (p90)",
  colOnTime: "À l’heure",
  colCohort: "Première commande",
  colCustomers: "Clients",
  colMonth: "Mois {n}",
  emptyTable: "Rien dans cette période pour l’instant.",
  emptyCohorts: "Les cohortes apparaissent avec les premières commandes des clients.",
  tableExperiences:
    "Ce que vaut l’expérience de la première commande : réachat et chiffre d’affaires net par client",
  colExperience: "Après la première commande",
  colRepeatBy: "Réachat au mois {n}",
  colRevenueBy: "CA net par client au mois {n}",
  experience_delivery_late: "Colis arrivé après la date promise",
  experience_delivery_on_time: "Colis arrivé à temps",
  experience_return_returned: "A retourné un article",
  experience_return_kept: "A tout gardé",
  experience_nps_promoter: "Premier NPS : promoteur",
  experience_nps_passive: "Premier NPS : passif",
  experience_nps_detractor: "Premier NPS : détracteur",
  experience_loyalty_member: "Membre du programme de fidélité",
  experience_loyalty_not_member: "Non membre du programme de fidélité",
  lateDeliveryCost:
    "Une première livraison en retard : {late} de ces clients ont recommandé sous 6 mois, contre {onTime} après une livraison à temps ({revenueLate} contre {revenueOnTime} de CA net par client).",
  experiencesHelp:
    "Les nouveaux clients des 12 derniers mois selon ce que leur a apporté leur première commande ; un mois ne compte que les cohortes assez anciennes pour l’avoir vécu.",
  emptyExperiences:
    "Ce tableau se remplit à mesure que les premières commandes sont livrées, retournées, notées et liées à la fidélité.",
  welcomeHeading: "Votre tableau de bord se remplit avec les commandes",
  welcomeBody:
    "Passez une commande de test dans votre boutique, ou consultez Opérations pour voir les webhooks reçus.",
  customers: "Clients",
};

const de: Partial<Catalog<Key>> = {
  title: "Aftercare für {shop}",
  latestOrders: "Neueste Bestellungen",
  rangeFrom: "Von",
  rangeTo: "Bis",
  rangeApply: "Anzeigen",
  rangeLast7: "Letzte 7 Tage",
  rangeLast30: "Letzte 30 Tage",
  rangeLast90: "Letzte 90 Tage",
  comparedWith: "Verglichen mit {from} – {to}",
  updatedAt: "Stand {time}",
  notYetComputed:
    "Die Kennzahlen werden aus Ihrer Historie berechnet; sie erscheinen in ein bis zwei Minuten.",
  howComputed: "Wie wird das berechnet?",
  previous: "Vorperiode: {value}",
  noData: "Noch keine Daten",
  exportCsv: "Als CSV exportieren",
  kpiOrders: "Bestellungen",
  kpiOrdersDef: "Bestellungen im Zeitraum, ohne Test- und stornierte Bestellungen.",
  kpiNetRevenue: "Nettoumsatz",
  kpiNetRevenueDef:
    "Wert der Bestellungen des Zeitraums nach Erstattungen und Änderungen; stornierte Bestellungen zählen nicht.",
  kpiNps: "NPS",
  kpiNpsDef:
    "% Antworten 9–10 (Promotoren) minus % Antworten 0–6 (Kritiker) im Zeitraum, mit n und 95-%-Intervall.",
  kpiNpsEmpty:
    "Fügen Sie den Block der Danke- oder Bestellstatusseite hinzu, um die NPS-Frage zu stellen.",
  kpiCsat: "CSAT",
  kpiCsatDef: "% der Lieferbewertungen mit 4 oder 5 von 5 im Zeitraum.",
  kpiCsatEmpty: "Aktivieren Sie die Lieferumfrage unter Benachrichtigungen.",
  kpiRepeat: "Wiederkaufrate",
  kpiRepeatDef:
    "Anteil der Kunden mit erster Bestellung im Zeitraum, die innerhalb von 90 Tagen erneut bestellt haben.",
  kpiReturnRate: "Retourenquote",
  kpiReturnRateDef:
    "Einheiten der im Zeitraum angefragten Retouren (ohne abgelehnte und stornierte) geteilt durch die im Zeitraum zugestellten Einheiten.",
  kpiReturnEmpty: "Retouren erscheinen, sobald Kunden das Retourenportal nutzen.",
  kpiRefundTime: "Zeit bis zur Erstattung",
  kpiRefundTimeDef:
    "Median und 90. Perzentil (nächster Rang) der Zeit von der Retourenanfrage des Kunden bis zu ihrer Bearbeitung (Erstattung, Guthaben oder Umtausch ausgestellt), in ganzen Stunden (ab 48 Stunden in Tagen), für im Zeitraum angefragte und seither bearbeitete Retouren; Garantiefälle zählen nicht.",
  kpiRefundEmpty: "Erscheint, sobald eine im Zeitraum angefragte Retoure bearbeitet wurde.",
  refundDetail: "Median {median}, p90 {p90}, {n} bearbeitete Retouren",
  hoursValue: "{n} Std.",
  daysValue: "{n} Tage",
  kpiDelivery: "Lieferzeit",
  kpiDeliveryDef:
    "Median und 90. Perzentil der Zeit vom Versand bis zur Zustellung, in ganzen Stunden als Tage, für im Zeitraum zugestellte Sendungen.",
  kpiDeliveryEmpty:
    "Versenden Sie Bestellungen mit Sendungsnummer, um die Zustellung zu verfolgen.",
  kpiOnTime: "Pünktlich",
  kpiOnTimeDef:
    "Im Zeitraum zugestellte Sendungen, die spätestens am ERSTEN zugesagten Datum ankamen (nicht an einer späteren Änderung).",
  kpiExceptions: "Problemquote",
  kpiExceptionsDef:
    "Im Zeitraum erstellte Sendungen mit einem Problem-Scan (zurückgehalten, zurückgesandt, verloren, beschädigt, verweigert).",
  kpiWismo: "Tracking-Aufrufe pro Bestellung",
  kpiWismoDef:
    "Aufrufe der Tracking-Seite und des Widgets sowie geöffnete Versand-E-Mails pro Bestellung im Zeitraum. Supportkontakte stehen daneben, unter Support.",
  kpiWismoEmpty: "Fügen Sie die Tracking-Seite oder den Bestellstatus-Block hinzu.",
  kpiSupport: "Supportkontakte pro 100 Bestellungen",
  kpiSupportDef:
    "Unterhaltungen, die Kunden im Zeitraum mit Ihrem Team begonnen haben, pro 100 Bestellungen im Zeitraum; die Deflection ist der Anteil der Fragen an den Assistenten des Hilfecenters, die keine Person brauchten (jede Unterhaltung zählt gegen eine Frage); erste Antwort und Lösung sind die Medianzeiten von der Eröffnung bis zu Ihrer ersten Antwort und bis zum Schließen, für im Zeitraum eröffnete Unterhaltungen.",
  kpiSupportEmpty:
    "Fügen Sie das Hilfecenter Ihrem Theme hinzu, damit Kunden den Assistenten und dann eine Person fragen können.",
  supportDetail:
    "{contacts} Unterhaltungen, {deflection} von {questions} Fragen ohne Person gelöst; erste Antwort {first}, Lösung {resolution} (Median)",
  minutesValue: "{n} Min.",
  kpiLoyalty: "Treuepunkte",
  kpiLoyaltyDef:
    "Ausgegebene, eingelöste und verfallene Punkte im Zeitraum; Verbindlichkeit: offene Punkte zum besten festen Prämienwert; Umsatz der Bestellungen mit Prämiencode.",
  kpiLoyaltyEmpty: "Aktivieren Sie das Treueprogramm unter Treue.",
  kpiRecs: "Umsatz aus Empfehlungen",
  kpiRecsDef:
    "Impressionen, Klicks und Klickrate der Empfehlungen im Zeitraum sowie einem Klick zugeordnete Bestellungen und ihr Umsatz in der Shopwährung.",
  kpiRecsEmpty: "Fügen Sie den Block „Das könnte Ihnen gefallen“ hinzu.",
  kpiTrackingRecs: "Umsatz der Sendungsverfolgungsseite",
  kpiTrackingRecsDef:
    "Bestellungen im Zeitraum, die einer auf der Sendungsverfolgungsseite des Shops gefolgten Empfehlung zugeordnet sind, mit dem Umsatz der geklickten Positionen in der Shopwährung; daneben dasselbe für die Empfehlungslinks in Versand-E-Mails. Teil des Umsatzes aus Empfehlungen.",
  kpiTrackingRecsEmpty:
    "Kunden, die ihre Bestellung auf der Sendungsverfolgungsseite aufrufen, sehen Empfehlungen; verlinken Sie die Seite in Ihrem Theme (Sendungen → Sendungsverfolgungsseite).",
  trackingRecsDetail:
    "{orders} Bestellungen; Versand-E-Mails {emailRevenue} aus {emailOrders} Bestellungen",
  kpiLtv: "Kundenwert",
  kpiLtvDef:
    "Nettoumsatz pro Kunde seit der ersten Bestellung, für Kunden mit erster Bestellung im Zeitraum, nach 3, 6 und 12 Monaten.",
  chartOrders: "Bestellungen und Nettoumsatz pro Tag",
  chartNps: "NPS pro Tag",
  chartOnTime: "Pünktlichkeitsquote pro Tag",
  tableReasons: "Retouren nach Grund",
  tableProducts: "Retourenquote nach Produkt",
  tableVariants: "Retouren nach Variante",
  tableResolutions: "Retouren nach Lösung",
  tableCarriers: "Zustellung nach Versanddienstleister",
  tableRegions: "Zustellung nach Zielregion",
  tableCohorts: "Monatskohorten: Wiederkauf und Nettoumsatz pro Kunde",
  colReason: "Grund",
  colUnits: "Einheiten",
  colValue: "Wert",
  colShare: "Anteil",
  colProduct: "Produkt",
  colDelivered: "Zugestellte Einheiten",
  colRate: "Retourenquote",
  colVariant: "Variante",
  colResolution: "Lösung",
  colKept: "Umsatz behalten",
  yes: "Ja",
  no: "Nein",
  resolution_refund: "Erstattung",
  resolution_store_credit: "Guthaben",
  resolution_exchange: "Umtausch",
  resolution_keep: "Erstattung, Artikel behalten",
  keptSummary:
    "Behaltener Umsatz (Umtausch und Guthaben): {value}, {share} des retournierten Werts; erstattet: {refunded}.",
  emptyReturns: "In diesem Zeitraum wurden keine Retouren angefragt.",
  colCarrier: "Versanddienstleister",
  colRegion: "Region",
  colDeliveries: "Zustellungen",
  colMedian: "Tage (Median)",
  colP90: "Tage (p90)",
  colOnTime: "Pünktlich",
  colCohort: "Erste Bestellung",
  colCustomers: "Kunden",
  colMonth: "Monat {n}",
  emptyTable: "In diesem Zeitraum noch nichts.",
  emptyCohorts: "Kohorten erscheinen mit den ersten Bestellungen der Kunden.",
  tableExperiences:
    "Was das Erlebnis der ersten Bestellung wert ist: Wiederkauf und Nettoumsatz pro Kunde",
  colExperience: "Nach der ersten Bestellung",
  colRepeatBy: "Wiederkauf bis Monat {n}",
  colRevenueBy: "Nettoumsatz pro Kunde bis Monat {n}",
  experience_delivery_late: "Paket kam nach dem zugesagten Termin",
  experience_delivery_on_time: "Paket kam pünktlich",
  experience_return_returned: "Hat etwas zurückgeschickt",
  experience_return_kept: "Hat alles behalten",
  experience_nps_promoter: "Erster NPS: Promotor",
  experience_nps_passive: "Erster NPS: passiv",
  experience_nps_detractor: "Erster NPS: Kritiker",
  experience_loyalty_member: "Mitglied im Treueprogramm",
  experience_loyalty_not_member: "Kein Mitglied im Treueprogramm",
  lateDeliveryCost:
    "Eine verspätete erste Lieferung: {late} dieser Kunden bestellten innerhalb von 6 Monaten erneut, gegenüber {onTime} nach pünktlicher Lieferung ({revenueLate} gegenüber {revenueOnTime} Nettoumsatz pro Kunde).",
  experiencesHelp:
    "Neukunden der letzten 12 Monate danach, was ihnen ihre erste Bestellung brachte; ein Monat zählt nur Kohorten, die alt genug sind, ihn erlebt zu haben.",
  emptyExperiences:
    "Füllt sich, sobald erste Bestellungen zugestellt, zurückgeschickt, bewertet und dem Treueprogramm zugeordnet werden.",
  welcomeHeading: "Ihr Dashboard füllt sich mit den Bestellungen",
  welcomeBody:
    "Geben Sie eine Testbestellung auf oder sehen Sie unter Betrieb die empfangenen Webhooks.",
  customers: "Kunden",
};

const es: Partial<Catalog<Key>> = {
  title: "Aftercare para {shop}",
  latestOrders: "Últimos pedidos",
  rangeFrom: "Desde",
  rangeTo: "Hasta",
  rangeApply: "Mostrar",
  rangeLast7: "Últimos 7 días",
  rangeLast30: "Últimos 30 días",
  rangeLast90: "Últimos 90 días",
  comparedWith: "Comparado con {from} – {to}",
  updatedAt: "Cifras a {time}",
  notYetComputed:
    "Las cifras se calculan a partir de su historial; aparecerán en uno o dos minutos.",
  howComputed: "¿Cómo se calcula?",
  previous: "Periodo anterior: {value}",
  noData: "Aún no hay datos",
  exportCsv: "Exportar CSV",
  kpiOrders: "Pedidos",
  kpiOrdersDef: "Pedidos del periodo, sin pedidos de prueba ni cancelados.",
  kpiNetRevenue: "Ingresos netos",
  kpiNetRevenueDef:
    "Valor de los pedidos del periodo tras reembolsos y ediciones; un pedido cancelado no cuenta.",
  kpiNps: "NPS",
  kpiNpsDef:
    "% de respuestas 9–10 (promotores) menos % de respuestas 0–6 (detractores) del periodo, con n y el intervalo del 95 %.",
  kpiNpsEmpty:
    "Añada el bloque de la página de agradecimiento o de estado del pedido para preguntar el NPS.",
  kpiCsat: "CSAT",
  kpiCsatDef: "% de valoraciones de entrega de 4 o 5 sobre 5 en el periodo.",
  kpiCsatEmpty: "Active el correo de encuesta de entrega en Notificaciones.",
  kpiRepeat: "Tasa de recompra",
  kpiRepeatDef:
    "De los clientes cuyo primer pedido cae en el periodo, la parte que volvió a comprar en 90 días.",
  kpiReturnRate: "Tasa de devolución",
  kpiReturnRateDef:
    "Unidades de devoluciones solicitadas en el periodo (sin rechazadas ni canceladas) entre unidades entregadas en el periodo.",
  kpiReturnEmpty: "Las devoluciones aparecen cuando los clientes usan el portal de devoluciones.",
  kpiRefundTime: "Tiempo hasta el reembolso",
  kpiRefundTimeDef:
    "Mediana y percentil 90 (rango más cercano) del tiempo entre la solicitud de devolución del cliente y su procesamiento (reembolso, crédito en la tienda o cambio emitido), en horas enteras (en días a partir de 48 horas), para devoluciones solicitadas en el periodo y procesadas desde entonces; las reclamaciones de garantía no cuentan.",
  kpiRefundEmpty: "Aparece cuando se ha procesado una devolución solicitada en el periodo.",
  refundDetail: "mediana {median}, p90 {p90}, {n} devoluciones procesadas",
  hoursValue: "{n} h",
  daysValue: "{n} días",
  kpiDelivery: "Tiempo de entrega",
  kpiDeliveryDef:
    "Mediana y percentil 90 del tiempo entre el envío y la entrega, en horas enteras mostradas en días, para envíos entregados en el periodo.",
  kpiDeliveryEmpty: "Envíe pedidos con número de seguimiento para seguir sus entregas.",
  kpiOnTime: "A tiempo",
  kpiOnTimeDef:
    "Envíos entregados en el periodo como tarde en la PRIMERA fecha prometida (no una revisión posterior).",
  kpiExceptions: "Tasa de incidencias",
  kpiExceptionsDef:
    "Envíos creados en el periodo con una incidencia (retenido, devuelto, perdido, dañado, rechazado).",
  kpiWismo: "Consultas de seguimiento por pedido",
  kpiWismoDef:
    "Vistas de la página de seguimiento y del widget, y aperturas de correos de envío, por pedido del periodo. Los contactos de soporte están al lado, en Soporte.",
  kpiWismoEmpty: "Añada la página de seguimiento o el bloque de estado del pedido.",
  kpiSupport: "Contactos de soporte por cada 100 pedidos",
  kpiSupportDef:
    "Conversaciones que los clientes abrieron con su equipo en el periodo, por cada 100 pedidos del periodo; la deflexión es la parte de las preguntas al asistente del centro de ayuda que no necesitaron a una persona (cada conversación cuenta contra una pregunta); primera respuesta y resolución son las medianas, desde la apertura hasta su primera respuesta y hasta el cierre, de las conversaciones abiertas en el periodo.",
  kpiSupportEmpty:
    "Añada el centro de ayuda a su tema para que los clientes pregunten al asistente y luego a una persona.",
  supportDetail:
    "{contacts} conversaciones, {deflection} de {questions} preguntas resueltas sin una persona; primera respuesta {first}, resolución {resolution} (medianas)",
  minutesValue: "{n} min",
  kpiLoyalty: "Puntos de fidelidad",
  kpiLoyaltyDef:
    "Puntos emitidos, canjeados y caducados en el periodo; pasivo: puntos pendientes valorados a la mejor recompensa fija; ingresos de pedidos con código de recompensa.",
  kpiLoyaltyEmpty: "Active el programa de fidelidad en Fidelidad.",
  kpiRecs: "Ingresos por recomendaciones",
  kpiRecsDef:
    "Impresiones, clics y tasa de clics de las recomendaciones del periodo, y pedidos atribuidos a un clic con sus ingresos en la moneda de la tienda.",
  kpiRecsEmpty: "Añada el bloque «También te puede gustar».",
  kpiTrackingRecs: "Ingresos de la página de seguimiento",
  kpiTrackingRecsDef:
    "Pedidos del periodo atribuidos a una recomendación seguida en la página de seguimiento de la tienda, con los ingresos de las líneas pulsadas en la moneda de la tienda; al lado, lo mismo para los enlaces de recomendación de los correos de envío. Incluido en los ingresos por recomendaciones.",
  kpiTrackingRecsEmpty:
    "Quien consulta su pedido en la página de seguimiento ve recomendaciones; enlace la página desde su tema (Envíos → Página de seguimiento).",
  trackingRecsDetail: "{orders} pedidos; correos de envío {emailRevenue} de {emailOrders} pedidos",
  kpiLtv: "Valor de vida del cliente",
  kpiLtvDef:
    "Ingresos netos por cliente desde su primer pedido, para clientes cuyo primer pedido cae en el periodo, a 3, 6 y 12 meses.",
  chartOrders: "Pedidos e ingresos netos por día",
  chartNps: "NPS por día",
  chartOnTime: "Tasa de entregas a tiempo por día",
  tableReasons: "Devoluciones por motivo",
  tableProducts: "Tasa de devolución por producto",
  tableVariants: "Devoluciones por variante",
  tableResolutions: "Devoluciones por solución",
  tableCarriers: "Entregas por transportista",
  tableRegions: "Entregas por región de destino",
  tableCohorts: "Cohortes mensuales: recompra e ingresos netos por cliente",
  colReason: "Motivo",
  colUnits: "Unidades",
  colValue: "Valor",
  colShare: "Proporción",
  colProduct: "Producto",
  colDelivered: "Unidades entregadas",
  colRate: "Tasa de devolución",
  colVariant: "Variante",
  colResolution: "Solución",
  colKept: "Ingresos conservados",
  yes: "Sí",
  no: "No",
  resolution_refund: "Reembolso",
  resolution_store_credit: "Crédito en la tienda",
  resolution_exchange: "Cambio",
  resolution_keep: "Reembolso, artículo conservado",
  keptSummary:
    "Ingresos conservados (cambios y crédito en la tienda): {value}, {share} del valor devuelto; reembolsado: {refunded}.",
  emptyReturns: "No se solicitaron devoluciones en este periodo.",
  colCarrier: "Transportista",
  colRegion: "Región",
  colDeliveries: "Entregas",
  colMedian: "Días (mediana)",
  colP90: "Días (p90)",
  colOnTime: "A tiempo",
  colCohort: "Primer pedido",
  colCustomers: "Clientes",
  colMonth: "Mes {n}",
  emptyTable: "Nada en este periodo todavía.",
  emptyCohorts: "Las cohortes aparecen con los primeros pedidos de los clientes.",
  tableExperiences:
    "Lo que vale la experiencia del primer pedido: recompra e ingresos netos por cliente",
  colExperience: "Tras el primer pedido",
  colRepeatBy: "Recompra al mes {n}",
  colRevenueBy: "Ingresos netos por cliente al mes {n}",
  experience_delivery_late: "El paquete llegó después de la fecha prometida",
  experience_delivery_on_time: "El paquete llegó a tiempo",
  experience_return_returned: "Devolvió algo",
  experience_return_kept: "Se quedó con todo",
  experience_nps_promoter: "Primer NPS: promotor",
  experience_nps_passive: "Primer NPS: pasivo",
  experience_nps_detractor: "Primer NPS: detractor",
  experience_loyalty_member: "Miembro del programa de fidelidad",
  experience_loyalty_not_member: "No es miembro del programa de fidelidad",
  lateDeliveryCost:
    "Una primera entrega tardía: {late} de esos clientes volvieron a comprar en 6 meses, frente a {onTime} tras una entrega a tiempo ({revenueLate} frente a {revenueOnTime} de ingresos netos por cliente).",
  experiencesHelp:
    "Los clientes nuevos de los últimos 12 meses según lo que les trajo su primer pedido; un mes solo cuenta las cohortes con antigüedad suficiente para haberlo vivido.",
  emptyExperiences:
    "Se llena a medida que los primeros pedidos se entregan, se devuelven, se valoran y se unen al programa de fidelidad.",
  welcomeHeading: "Su panel se llena a medida que llegan pedidos",
  welcomeBody:
    "Haga un pedido de prueba en su tienda o consulte Operaciones para ver los webhooks recibidos.",
  customers: "Clientes",
};

export type AnalyticsMessageKey = Key;

export function analyticsMessages(locale: ShopperLocale) {
  return translator<Key>({ en, fr, de, es }, locale);
}
