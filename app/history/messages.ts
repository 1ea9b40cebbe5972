import { translator, type Catalog, type ShopperLocale } from "../platform/i18n";

/** The history import card's words, in the shop's admin language. */
const en = {
  title: "Order history",
  intro:
    "Aftercare imports your past orders, customers and shipments once when it is installed, so the dashboard and customer records start full. Import again at any time: orders Aftercare already has are left as they are, and newer changes from Shopify always win.",
  empty: "No history imported yet.",
  months: "Months of history",
  monthsHelp: "Orders created in the last 1 to {max} months.",
  monthsInvalid: "Enter a whole number of months from 1 to {max}.",
  start: "Import history",
  started: "Import started. Shopify prepares your orders, then they arrive here batch by batch.",
  already: "An import is already running.",
  refused: "Shopify refused the import: {error}",
  running:
    "Shopify is preparing your orders of the last {months} months ({objects} objects so far)…",
  importing: "Importing: {orders} orders read ({percent} %)…",
  completed:
    "{orders} orders of the last {months} months read on {time}; {applied} added or updated.",
  failed: "The import failed: {error}. Start it again: nothing is counted twice.",
  progress: "History import {percent} percent",
};

type Key = keyof typeof en;

const fr: Catalog<Key> = {
  title: "Historique des commandes",
  intro:
    "Aftercare importe une fois, à l'installation, vos commandes, clients et expéditions passés, pour que le tableau de bord et les fiches clients soient remplis dès le départ. Vous pouvez relancer l'import à tout moment : les commandes déjà connues restent telles quelles et les changements plus récents de Shopify l'emportent toujours.",
  empty: "Aucun historique importé pour l'instant.",
  months: "Mois d'historique",
  monthsHelp: "Commandes créées au cours des 1 à {max} derniers mois.",
  monthsInvalid: "Saisissez un nombre entier de mois entre 1 et {max}.",
  start: "Importer l'historique",
  started: "Import lancé. Shopify prépare vos commandes, puis elles arrivent ici par lots.",
  already: "Un import est déjà en cours.",
  refused: "Shopify a refusé l'import : {error}",
  running:
    "Shopify prépare vos commandes des {months} derniers mois ({objects} objets pour l'instant)…",
  importing: "Import en cours : {orders} commandes lues ({percent} %)…",
  completed:
    "{orders} commandes des {months} derniers mois lues le {time} ; {applied} ajoutées ou mises à jour.",
  failed: "L'import a échoué : {error}. Relancez-le : rien n'est compté deux fois.",
  progress: "Import de l'historique : {percent} pour cent",
};

const de: Catalog<Key> = {
  title: "Bestellhistorie",
  intro:
    "Aftercare importiert bei der Installation einmal Ihre bisherigen Bestellungen, Kunden und Sendungen, damit Dashboard und Kundenprofile von Anfang an gefüllt sind. Sie können jederzeit erneut importieren: Bestellungen, die Aftercare schon kennt, bleiben unverändert, und neuere Änderungen aus Shopify haben immer Vorrang.",
  empty: "Noch keine Historie importiert.",
  months: "Monate Historie",
  monthsHelp: "Bestellungen der letzten 1 bis {max} Monate.",
  monthsInvalid: "Geben Sie eine ganze Zahl von Monaten zwischen 1 und {max} ein.",
  start: "Historie importieren",
  started:
    "Import gestartet. Shopify bereitet Ihre Bestellungen vor, dann kommen sie hier stapelweise an.",
  already: "Ein Import läuft bereits.",
  refused: "Shopify hat den Import abgelehnt: {error}",
  running:
    "Shopify bereitet Ihre Bestellungen der letzten {months} Monate vor (bisher {objects} Objekte)…",
  importing: "Import läuft: {orders} Bestellungen gelesen ({percent} %)…",
  completed:
    "{orders} Bestellungen der letzten {months} Monate am {time} gelesen; {applied} hinzugefügt oder aktualisiert.",
  failed:
    "Der Import ist fehlgeschlagen: {error}. Starten Sie ihn erneut: Nichts wird doppelt gezählt.",
  progress: "Import der Historie {percent} Prozent",
};

const es: Catalog<Key> = {
  title: "Historial de pedidos",
  intro:
    "Aftercare importa una vez, al instalarse, tus pedidos, clientes y envíos anteriores, para que el panel y las fichas de clientes empiecen llenos. Puedes volver a importar cuando quieras: los pedidos que Aftercare ya tiene no cambian y los cambios más recientes de Shopify siempre prevalecen.",
  empty: "Todavía no se ha importado ningún historial.",
  months: "Meses de historial",
  monthsHelp: "Pedidos creados en los últimos 1 a {max} meses.",
  monthsInvalid: "Introduce un número entero de meses entre 1 y {max}.",
  start: "Importar historial",
  started: "Importación iniciada. Shopify prepara tus pedidos y después llegan aquí por lotes.",
  already: "Ya hay una importación en curso.",
  refused: "Shopify rechazó la importación: {error}",
  running:
    "Shopify está preparando tus pedidos de los últimos {months} meses ({objects} objetos por ahora)…",
  importing: "Importando: {orders} pedidos leídos ({percent} %)…",
  completed:
    "{orders} pedidos de los últimos {months} meses leídos el {time}; {applied} añadidos o actualizados.",
  failed: "La importación falló: {error}. Vuelve a iniciarla: nada se cuenta dos veces.",
  progress: "Importación del historial al {percent} por ciento",
};

export type HistoryMessageKey = Key;

export function historyMessages(locale: ShopperLocale) {
  return translator<Key>({ en, fr, de, es }, locale);
}
