import { translator, type Catalog, type ShopperLocale } from "../platform/i18n";

/** The experiments page's words, in the shop's admin language. */
const en = {
  title: "Experiments",
  subtitle: "Hold out a share of customers from a touch to measure what it is worth",
  navCard: "Experiments",
  homeCardBody:
    "Hold out a share of customers from shipment emails, recommendations, bonus points or survey follow-ups, and see the lift they bring.",
  homeCardRunning: "{count} running",
  homeCardOpen: "Open experiments",
  emptyHeading: "Measure lift, not claims",
  emptyBody:
    "Start a holdout below: a share of your customers (10 % is a good start) stops getting one touch. Each customer is put in an arm the first time the touch would reach them, always the same arm. After a few weeks this page compares their repeat purchases, revenue and tracking lookups with everyone else's.",
  startHeading: "Start a holdout",
  touchLabel: "Touch",
  holdoutLabel: "Customers held out (%)",
  holdoutHelp: "From 1 to {max} %. Held-out customers get the plain experience.",
  start: "Start holdout",
  stop: "Stop",
  allRunning: "Every touch already has a running experiment: stop one to start another.",
  alreadyRunning: "An experiment already runs on this touch.",
  invalid: "Choose a touch and a whole percentage from 1 to {max}.",
  touch_shipment_emails: "Shipment emails",
  touch_recommendations: "Thank-you recommendations",
  touch_loyalty_bonus: "Loyalty bonus points",
  touch_csat_follow_ups: "Delivery survey follow-ups",
  running: "Running since {date} · {percent} % held out",
  stopped: "{from} – {to} · {percent} % held out",
  colMetric: "Metric",
  colTreated: "Treated (n = {n})",
  colHeldOut: "Held out (n = {n})",
  colLift: "Lift (95 % interval)",
  colVerdict: "Verdict",
  metricRepeat: "Repeat-purchase rate",
  metricRevenue: "Revenue per customer",
  metricWismo: "Tracking lookups per customer",
  metricSupport: "Support conversations per customer",
  verdict_too_small: "Too small to conclude",
  verdict_too_small_needs: "Too small to conclude: about {n} customers per arm needed",
  verdict_no_difference: "No difference found",
  verdict_higher: "Higher when treated",
  verdict_lower: "Lower when treated",
  noCustomers:
    "No customer has met this touch since the experiment started: results appear once they do.",
  definitions:
    "Counted from each customer's assignment (the first time the touch would have reached them) until the experiment stops: whether they placed another order, their net revenue after refunds, their tracking page and widget views, and the support conversations they opened (WISMO). Intervals: Newcombe's for rates, Welch's for means. An interval spanning zero is only \"no difference\" once both arms are large enough to see a 5-point change in repeat purchases or a 10 % change in a mean; guests cannot be followed to a next order and always get the touch.",
};
type Key = keyof typeof en;

const fr: Catalog<Key> = {
  title: "Expériences",
  subtitle: "Mettez de côté une part des clients pour mesurer ce que vaut une action",
  navCard: "Expériences",
  homeCardBody:
    "Mettez de côté une part des clients des e-mails d'expédition, des recommandations, des points bonus ou des suites d'enquête, et voyez ce qu'ils rapportent.",
  homeCardRunning: "{count} en cours",
  homeCardOpen: "Ouvrir les expériences",
  emptyHeading: "Mesurez l'effet, pas des promesses",
  emptyBody:
    "Lancez un groupe témoin ci-dessous : une part de vos clients (10 % pour commencer) ne reçoit plus une action. Chaque client est placé dans un groupe la première fois que l'action l'atteindrait, toujours le même. Après quelques semaines, cette page compare leurs réachats, leur chiffre d'affaires et leurs consultations du suivi avec ceux des autres.",
  startHeading: "Lancer un groupe témoin",
  touchLabel: "Action",
  holdoutLabel: "Clients mis de côté (%)",
  holdoutHelp: "De 1 à {max} %. Les clients mis de côté reçoivent l'expérience simple.",
  start: "Lancer le groupe témoin",
  stop: "Arrêter",
  allRunning:
    "Chaque action a déjà une expérience en cours : arrêtez-en une pour en lancer une autre.",
  alreadyRunning: "Une expérience est déjà en cours sur cette action.",
  invalid: "Choisissez une action et un pourcentage entier de 1 à {max}.",
  touch_shipment_emails: "E-mails d'expédition",
  touch_recommendations: "Recommandations de la page de remerciement",
  touch_loyalty_bonus: "Points bonus de fidélité",
  touch_csat_follow_ups: "Suites de l'enquête de livraison",
  running: "En cours depuis le {date} · {percent} % mis de côté",
  stopped: "{from} – {to} · {percent} % mis de côté",
  colMetric: "Mesure",
  colTreated: "Traités (n = {n})",
  colHeldOut: "Mis de côté (n = {n})",
  colLift: "Effet (intervalle à 95 %)",
  colVerdict: "Conclusion",
  metricRepeat: "Taux de réachat",
  metricRevenue: "Chiffre d'affaires par client",
  metricWismo: "Consultations du suivi par client",
  metricSupport: "Conversations avec le support par client",
  verdict_too_small: "Trop peu de données pour conclure",
  verdict_too_small_needs:
    "Trop peu de données pour conclure : environ {n} clients par groupe nécessaires",
  verdict_no_difference: "Aucune différence constatée",
  verdict_higher: "Plus élevé avec l'action",
  verdict_lower: "Plus bas avec l'action",
  noCustomers:
    "Aucun client n'a rencontré cette action depuis le début de l'expérience : les résultats apparaîtront ensuite.",
  definitions:
    "Compté depuis l'affectation de chaque client (la première fois que l'action l'aurait atteint) jusqu'à l'arrêt : s'il a passé une autre commande, son chiffre d'affaires net des remboursements, ses consultations de la page et du widget de suivi et les conversations qu'il a ouvertes avec le support (WISMO). Intervalles : Newcombe pour les taux, Welch pour les moyennes. Un intervalle qui contient zéro ne vaut « aucune différence » que lorsque les deux groupes suffisent pour voir 5 points de réachat ou 10 % d'une moyenne ; les clients invités ne peuvent pas être suivis et reçoivent toujours l'action.",
};

const de: Catalog<Key> = {
  title: "Experimente",
  subtitle: "Einen Teil der Kunden zurückhalten, um den Wert einer Maßnahme zu messen",
  navCard: "Experimente",
  homeCardBody:
    "Halten Sie einen Teil der Kunden von Versand-E-Mails, Empfehlungen, Bonuspunkten oder Umfrage-Nachfassungen zurück und sehen Sie, was diese bringen.",
  homeCardRunning: "{count} laufend",
  homeCardOpen: "Experimente öffnen",
  emptyHeading: "Wirkung messen statt behaupten",
  emptyBody:
    "Starten Sie unten eine Kontrollgruppe: ein Teil Ihrer Kunden (10 % für den Anfang) erhält eine Maßnahme nicht mehr. Jeder Kunde kommt beim ersten Mal, wenn die Maßnahme ihn erreichen würde, in eine Gruppe, immer in dieselbe. Nach einigen Wochen vergleicht diese Seite Wiederkäufe, Umsatz und Sendungsabfragen mit denen aller anderen.",
  startHeading: "Kontrollgruppe starten",
  touchLabel: "Maßnahme",
  holdoutLabel: "Zurückgehaltene Kunden (%)",
  holdoutHelp: "Von 1 bis {max} %. Zurückgehaltene Kunden erhalten das einfache Erlebnis.",
  start: "Kontrollgruppe starten",
  stop: "Beenden",
  allRunning:
    "Für jede Maßnahme läuft bereits ein Experiment: Beenden Sie eines, um ein neues zu starten.",
  alreadyRunning: "Für diese Maßnahme läuft bereits ein Experiment.",
  invalid: "Wählen Sie eine Maßnahme und eine ganze Prozentzahl von 1 bis {max}.",
  touch_shipment_emails: "Versand-E-Mails",
  touch_recommendations: "Empfehlungen auf der Dankesseite",
  touch_loyalty_bonus: "Treue-Bonuspunkte",
  touch_csat_follow_ups: "Nachfassen nach der Lieferumfrage",
  running: "Läuft seit {date} · {percent} % zurückgehalten",
  stopped: "{from} – {to} · {percent} % zurückgehalten",
  colMetric: "Kennzahl",
  colTreated: "Mit Maßnahme (n = {n})",
  colHeldOut: "Zurückgehalten (n = {n})",
  colLift: "Wirkung (95-%-Intervall)",
  colVerdict: "Ergebnis",
  metricRepeat: "Wiederkaufrate",
  metricRevenue: "Umsatz pro Kunde",
  metricWismo: "Sendungsabfragen pro Kunde",
  metricSupport: "Support-Anfragen pro Kunde",
  verdict_too_small: "Zu wenige Daten für eine Aussage",
  verdict_too_small_needs: "Zu wenige Daten für eine Aussage: etwa {n} Kunden pro Gruppe nötig",
  verdict_no_difference: "Kein Unterschied gefunden",
  verdict_higher: "Höher mit Maßnahme",
  verdict_lower: "Niedriger mit Maßnahme",
  noCustomers:
    "Seit dem Start hat die Maßnahme noch keinen Kunden erreicht: Ergebnisse erscheinen danach.",
  definitions:
    "Gezählt ab der Zuordnung jedes Kunden (dem ersten Mal, wenn die Maßnahme ihn erreicht hätte) bis zum Ende des Experiments: ob er erneut bestellt hat, sein Nettoumsatz nach Erstattungen, seine Aufrufe der Sendungsverfolgung (Seite und Widget) und die Support-Anfragen, die er gestellt hat (WISMO). Intervalle: Newcombe für Raten, Welch für Mittelwerte. Ein Intervall, das null enthält, heißt erst dann „kein Unterschied“, wenn beide Gruppen groß genug sind, um 5 Punkte Wiederkaufrate oder 10 % eines Mittelwerts zu erkennen; Gastkunden lassen sich nicht verfolgen und erhalten die Maßnahme immer.",
};

const es: Catalog<Key> = {
  title: "Experimentos",
  subtitle: "Excluya a una parte de los clientes de una acción para medir lo que vale",
  navCard: "Experimentos",
  homeCardBody:
    "Excluya a una parte de los clientes de los correos de envío, las recomendaciones, los puntos extra o el seguimiento de encuestas, y vea lo que aportan.",
  homeCardRunning: "{count} en curso",
  homeCardOpen: "Abrir experimentos",
  emptyHeading: "Mida el efecto, no las promesas",
  emptyBody:
    "Inicie un grupo de control abajo: una parte de sus clientes (un 10 % para empezar) deja de recibir una acción. Cada cliente entra en un grupo la primera vez que la acción le llegaría, siempre el mismo. Tras unas semanas, esta página compara sus recompras, ingresos y consultas de seguimiento con las del resto.",
  startHeading: "Iniciar un grupo de control",
  touchLabel: "Acción",
  holdoutLabel: "Clientes excluidos (%)",
  holdoutHelp: "De 1 a {max} %. Los clientes excluidos reciben la experiencia básica.",
  start: "Iniciar grupo de control",
  stop: "Detener",
  allRunning: "Cada acción ya tiene un experimento en curso: detenga uno para iniciar otro.",
  alreadyRunning: "Ya hay un experimento en curso para esta acción.",
  invalid: "Elija una acción y un porcentaje entero de 1 a {max}.",
  touch_shipment_emails: "Correos de envío",
  touch_recommendations: "Recomendaciones de la página de agradecimiento",
  touch_loyalty_bonus: "Puntos extra de fidelidad",
  touch_csat_follow_ups: "Seguimiento de la encuesta de entrega",
  running: "En curso desde el {date} · {percent} % excluido",
  stopped: "{from} – {to} · {percent} % excluido",
  colMetric: "Métrica",
  colTreated: "Con la acción (n = {n})",
  colHeldOut: "Excluidos (n = {n})",
  colLift: "Efecto (intervalo del 95 %)",
  colVerdict: "Conclusión",
  metricRepeat: "Tasa de recompra",
  metricRevenue: "Ingresos por cliente",
  metricWismo: "Consultas de seguimiento por cliente",
  metricSupport: "Conversaciones con soporte por cliente",
  verdict_too_small: "Muy pocos datos para concluir",
  verdict_too_small_needs: "Muy pocos datos para concluir: hacen falta unos {n} clientes por grupo",
  verdict_no_difference: "Sin diferencia",
  verdict_higher: "Más alto con la acción",
  verdict_lower: "Más bajo con la acción",
  noCustomers:
    "Ningún cliente ha recibido esta acción desde que empezó el experimento: los resultados aparecerán después.",
  definitions:
    "Se cuenta desde la asignación de cada cliente (la primera vez que la acción le habría llegado) hasta que el experimento se detiene: si hizo otro pedido, sus ingresos netos tras reembolsos, sus consultas de la página y el widget de seguimiento y las conversaciones que abrió con soporte (WISMO). Intervalos: Newcombe para tasas, Welch para medias. Un intervalo que incluye el cero solo significa «sin diferencia» cuando ambos grupos bastan para detectar 5 puntos de recompra o un 10 % de una media; los invitados no se pueden seguir y siempre reciben la acción.",
};

export type ExperimentsMessageKey = Key;

export function experimentsMessages(locale: ShopperLocale) {
  return translator<Key>({ en, fr, de, es }, locale);
}
