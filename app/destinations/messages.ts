import { translator, type Catalog, type ShopperLocale } from "../platform/i18n";

/** The event destinations page's words, in the shop's admin language. */
const en = {
  title: "Event destinations",
  intro:
    "Aftercare sends its events (shipments, returns, loyalty, surveys) to your own HTTPS endpoints and to Klaviyo. Each delivery is retried for about 15 hours: after 1 minute, 5 minutes, 30 minutes, 2 hours and 12 hours. An endpoint whose deliveries have all failed for {days} days is switched off.",
  endpoints: "Your endpoints",
  emptyHeading: "No endpoints yet",
  emptyBody:
    "Add an HTTPS URL below and choose the events it should receive. Every delivery is signed with a secret you get once, when you add the endpoint.",
  addEndpoint: "Add endpoint",
  url: "URL",
  events: "Events",
  enabled: "On",
  save: "Save",
  delete: "Delete",
  sendTest: "Send test event",
  testEvent: "Test event type",
  testQueued: "Test event queued; it appears in the deliveries below.",
  secretTitle: "Copy your signing secret now",
  secretBody:
    "This is the only time it is shown. Verify each delivery's Aftercare-Signature header with it (see the README).",
  saved: "Saved",
  deleted: "Deleted",
  fix: "Some fields need fixing",
  privateHost:
    "This URL points to a private or local address (this server, an internal network or a cloud metadata service). Use a public HTTPS address.",
  statusOn: "On",
  statusOff: "Off",
  statusFailing: "Off: failing for days",
  failingSince: "Failing since {time}",
  klaviyo: "Klaviyo",
  shopifyFlow: "Shopify Flow",
  klaviyoIntro:
    "Your Klaviyo private API key (with Events and Profiles write access). Events become metrics named “Aftercare …” on the shopper's profile, and the profile gets aftercare_points_balance, aftercare_tier, aftercare_last_nps and aftercare_next_delivery.",
  klaviyoKey: "Private API key",
  klaviyoKeyHelp: "Checked with Klaviyo when you save; stored encrypted and never shown again.",
  klaviyoConnect: "Connect Klaviyo",
  klaviyoConnected: "Connected",
  klaviyoReplaceKey: "Replace key and events",
  deliveries: "Deliveries",
  deliveriesEmpty:
    "No deliveries yet. Send a test event to an endpoint, or wait for the next shipment or return.",
  colEvent: "Event",
  colDestination: "Destination",
  colStatus: "Status",
  colResponse: "Response",
  colAttempts: "Attempts",
  colTime: "Created",
  colNext: "Next attempt",
  replay: "Replay",
  replayed: "Delivery queued again",
  statusPending: "Pending",
  statusSucceeded: "Delivered",
  statusFailed: "Failed",
  statusSkipped: "Skipped",
  test: "test",
  responseBody: "Response body (first 1 KB)",
};

type Key = keyof typeof en;

const fr: Catalog<Key> = {
  title: "Destinations des événements",
  intro:
    "Aftercare envoie ses événements (expéditions, retours, fidélité, enquêtes) à vos propres points de terminaison HTTPS et à Klaviyo. Chaque envoi est retenté pendant environ 15 heures : après 1 minute, 5 minutes, 30 minutes, 2 heures et 12 heures. Un point de terminaison dont tous les envois échouent depuis {days} jours est désactivé.",
  endpoints: "Vos points de terminaison",
  emptyHeading: "Aucun point de terminaison",
  emptyBody:
    "Ajoutez une URL HTTPS ci-dessous et choisissez les événements à recevoir. Chaque envoi est signé avec un secret qui ne vous est montré qu'une fois, à l'ajout.",
  addEndpoint: "Ajouter un point de terminaison",
  url: "URL",
  events: "Événements",
  enabled: "Activé",
  save: "Enregistrer",
  delete: "Supprimer",
  sendTest: "Envoyer un événement de test",
  testEvent: "Type d'événement de test",
  testQueued: "Événement de test en file ; il apparaît dans les envois ci-dessous.",
  secretTitle: "Copiez votre secret de signature maintenant",
  secretBody:
    "Il n'est affiché qu'une seule fois. Vérifiez avec lui l'en-tête Aftercare-Signature de chaque envoi (voir le README).",
  saved: "Enregistré",
  deleted: "Supprimé",
  fix: "Certains champs sont à corriger",
  privateHost:
    "Cette URL pointe vers une adresse privée ou locale (ce serveur, un réseau interne ou un service de métadonnées cloud). Utilisez une adresse HTTPS publique.",
  statusOn: "Activé",
  statusOff: "Désactivé",
  statusFailing: "Désactivé : échecs depuis des jours",
  failingSince: "En échec depuis {time}",
  klaviyo: "Klaviyo",
  shopifyFlow: "Shopify Flow",
  klaviyoIntro:
    "Votre clé API privée Klaviyo (écriture des événements et des profils). Les événements deviennent des métriques « Aftercare … » sur le profil du client, et le profil reçoit aftercare_points_balance, aftercare_tier, aftercare_last_nps et aftercare_next_delivery.",
  klaviyoKey: "Clé API privée",
  klaviyoKeyHelp:
    "Vérifiée auprès de Klaviyo à l'enregistrement ; conservée chiffrée et plus jamais affichée.",
  klaviyoConnect: "Connecter Klaviyo",
  klaviyoConnected: "Connecté",
  klaviyoReplaceKey: "Remplacer la clé et les événements",
  deliveries: "Envois",
  deliveriesEmpty:
    "Aucun envoi pour l'instant. Envoyez un événement de test à un point de terminaison, ou attendez la prochaine expédition ou le prochain retour.",
  colEvent: "Événement",
  colDestination: "Destination",
  colStatus: "Statut",
  colResponse: "Réponse",
  colAttempts: "Tentatives",
  colTime: "Créé",
  colNext: "Prochaine tentative",
  replay: "Renvoyer",
  replayed: "Envoi remis en file",
  statusPending: "En attente",
  statusSucceeded: "Livré",
  statusFailed: "Échoué",
  statusSkipped: "Ignoré",
  test: "test",
  responseBody: "Corps de la réponse (premier Ko)",
};

const de: Catalog<Key> = {
  title: "Ereignisziele",
  intro:
    "Aftercare sendet seine Ereignisse (Sendungen, Retouren, Treueprogramm, Umfragen) an Ihre eigenen HTTPS-Endpunkte und an Klaviyo. Jede Zustellung wird etwa 15 Stunden lang wiederholt: nach 1 Minute, 5 Minuten, 30 Minuten, 2 Stunden und 12 Stunden. Ein Endpunkt, dessen Zustellungen seit {days} Tagen alle fehlschlagen, wird abgeschaltet.",
  endpoints: "Ihre Endpunkte",
  emptyHeading: "Noch keine Endpunkte",
  emptyBody:
    "Fügen Sie unten eine HTTPS-URL hinzu und wählen Sie die Ereignisse, die sie erhalten soll. Jede Zustellung wird mit einem Geheimnis signiert, das Sie nur einmal beim Hinzufügen sehen.",
  addEndpoint: "Endpunkt hinzufügen",
  url: "URL",
  events: "Ereignisse",
  enabled: "Aktiv",
  save: "Speichern",
  delete: "Löschen",
  sendTest: "Testereignis senden",
  testEvent: "Art des Testereignisses",
  testQueued: "Testereignis eingereiht; es erscheint unten bei den Zustellungen.",
  secretTitle: "Kopieren Sie jetzt Ihr Signaturgeheimnis",
  secretBody:
    "Es wird nur dieses eine Mal angezeigt. Prüfen Sie damit den Header Aftercare-Signature jeder Zustellung (siehe README).",
  saved: "Gespeichert",
  deleted: "Gelöscht",
  fix: "Einige Felder müssen korrigiert werden",
  privateHost:
    "Diese URL verweist auf eine private oder lokale Adresse (diesen Server, ein internes Netzwerk oder einen Cloud-Metadatendienst). Verwenden Sie eine öffentliche HTTPS-Adresse.",
  statusOn: "Aktiv",
  statusOff: "Aus",
  statusFailing: "Aus: schlägt seit Tagen fehl",
  failingSince: "Fehlerhaft seit {time}",
  klaviyo: "Klaviyo",
  shopifyFlow: "Shopify Flow",
  klaviyoIntro:
    "Ihr privater Klaviyo-API-Schlüssel (Schreibrechte für Events und Profile). Ereignisse werden zu Metriken „Aftercare …“ im Profil des Kunden, und das Profil erhält aftercare_points_balance, aftercare_tier, aftercare_last_nps und aftercare_next_delivery.",
  klaviyoKey: "Privater API-Schlüssel",
  klaviyoKeyHelp:
    "Wird beim Speichern bei Klaviyo geprüft; verschlüsselt gespeichert und nie wieder angezeigt.",
  klaviyoConnect: "Klaviyo verbinden",
  klaviyoConnected: "Verbunden",
  klaviyoReplaceKey: "Schlüssel und Ereignisse ersetzen",
  deliveries: "Zustellungen",
  deliveriesEmpty:
    "Noch keine Zustellungen. Senden Sie ein Testereignis an einen Endpunkt oder warten Sie auf die nächste Sendung oder Retoure.",
  colEvent: "Ereignis",
  colDestination: "Ziel",
  colStatus: "Status",
  colResponse: "Antwort",
  colAttempts: "Versuche",
  colTime: "Erstellt",
  colNext: "Nächster Versuch",
  replay: "Erneut senden",
  replayed: "Zustellung erneut eingereiht",
  statusPending: "Ausstehend",
  statusSucceeded: "Zugestellt",
  statusFailed: "Fehlgeschlagen",
  statusSkipped: "Übersprungen",
  test: "Test",
  responseBody: "Antwort (erstes KB)",
};

const es: Catalog<Key> = {
  title: "Destinos de eventos",
  intro:
    "Aftercare envía sus eventos (envíos, devoluciones, fidelización, encuestas) a sus propios endpoints HTTPS y a Klaviyo. Cada entrega se reintenta durante unas 15 horas: tras 1 minuto, 5 minutos, 30 minutos, 2 horas y 12 horas. Un endpoint cuyas entregas fallan todas desde hace {days} días se desactiva.",
  endpoints: "Sus endpoints",
  emptyHeading: "Aún no hay endpoints",
  emptyBody:
    "Añada abajo una URL HTTPS y elija los eventos que debe recibir. Cada entrega va firmada con un secreto que verá una sola vez, al añadir el endpoint.",
  addEndpoint: "Añadir endpoint",
  url: "URL",
  events: "Eventos",
  enabled: "Activo",
  save: "Guardar",
  delete: "Eliminar",
  sendTest: "Enviar evento de prueba",
  testEvent: "Tipo de evento de prueba",
  testQueued: "Evento de prueba en cola; aparece en las entregas de abajo.",
  secretTitle: "Copie ahora su secreto de firma",
  secretBody:
    "Solo se muestra esta vez. Verifique con él la cabecera Aftercare-Signature de cada entrega (vea el README).",
  saved: "Guardado",
  deleted: "Eliminado",
  fix: "Hay campos que corregir",
  privateHost:
    "Esta URL apunta a una dirección privada o local (este servidor, una red interna o un servicio de metadatos en la nube). Usa una dirección HTTPS pública.",
  statusOn: "Activo",
  statusOff: "Inactivo",
  statusFailing: "Inactivo: falla desde hace días",
  failingSince: "Fallando desde {time}",
  klaviyo: "Klaviyo",
  shopifyFlow: "Shopify Flow",
  klaviyoIntro:
    "Su clave privada de la API de Klaviyo (escritura de eventos y perfiles). Los eventos se convierten en métricas «Aftercare …» en el perfil del cliente, y el perfil recibe aftercare_points_balance, aftercare_tier, aftercare_last_nps y aftercare_next_delivery.",
  klaviyoKey: "Clave privada de la API",
  klaviyoKeyHelp:
    "Se comprueba con Klaviyo al guardar; se guarda cifrada y no se vuelve a mostrar.",
  klaviyoConnect: "Conectar Klaviyo",
  klaviyoConnected: "Conectado",
  klaviyoReplaceKey: "Sustituir clave y eventos",
  deliveries: "Entregas",
  deliveriesEmpty:
    "Aún no hay entregas. Envíe un evento de prueba a un endpoint o espere al próximo envío o devolución.",
  colEvent: "Evento",
  colDestination: "Destino",
  colStatus: "Estado",
  colResponse: "Respuesta",
  colAttempts: "Intentos",
  colTime: "Creado",
  colNext: "Próximo intento",
  replay: "Reenviar",
  replayed: "Entrega puesta de nuevo en cola",
  statusPending: "Pendiente",
  statusSucceeded: "Entregado",
  statusFailed: "Fallido",
  statusSkipped: "Omitido",
  test: "prueba",
  responseBody: "Cuerpo de la respuesta (primer KB)",
};

export type DestinationMessageKey = Key;

export function destinationMessages(locale: ShopperLocale) {
  return translator<Key>({ en, fr, de, es }, locale);
}
