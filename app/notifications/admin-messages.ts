import { translator, type Catalog, type ShopperLocale } from "../platform/i18n";
import { isTrigger, type TriggerName } from "./triggers";

/** The Notifications page's words (its emails' names included), in the admin's language. */
const en = {
  title: "Notifications",
  subtitle: "Emails your shoppers get as their parcel moves, in their language",
  sms: "SMS",
  sentMessages: "Sent messages",
  saved: "Saved.",
  noStoreEmail: "Your store has no email address to send to.",
  testSent: "Test email on its way to {to}.",
  notSent_disabled: "Not sent: this email is turned off.",
  notSent_unsubscribed: "Not sent: {to} has unsubscribed from emails.",
  notSent_duplicate: "Not sent: this test email was already sent.",
  notSent_invalid: "Not sent: the sample data does not fit this email.",
  notSent_marketing: "Not sent: this marketing email only goes to shoppers who accept marketing.",
  notSent_no_email: "Not sent: there is no address to send to.",
  invalid_fromName: "The from name is 80 characters at most.",
  invalid_replyTo: "The reply-to address is not a valid email address.",
  invalid_quietStart: "Enter the start of quiet hours as a time like 21:00.",
  invalid_quietEnd: "Enter the end of quiet hours as a time like 08:00.",
  invalid_delayMinutes: "{email}: the delay is between 0 minutes and 7 days.",
  invalid_subject: "{email}: the subject is 200 characters at most.",
  invalid_heading: "{email}: the heading is 200 characters at most.",
  invalid_body: "{email}: the body is 2,000 characters at most.",
  triggersTitle: "Triggers",
  triggersDescription: "Turn each email on or off and choose how long after the event it goes out.",
  delayMinutes: "Delay (minutes)",
  senderTitle: "Sender and quiet hours",
  senderDescription:
    "Emails come from your store's name; replies go to your address. Nothing is sent during quiet hours (your store's time zone): it waits until they end.",
  fromName: "From name",
  replyTo: "Reply-to address",
  quietFrom: "Quiet from",
  quietUntil: "Quiet until",
  openTracking: "Track opens with an invisible image",
  openTrackingHelp:
    "Shows when each email was opened in Sent messages. Off by default for your shoppers' privacy.",
  editTitle: "Edit an email",
  editDescription:
    "Leave a field empty to use Aftercare's text, translated into your shopper's language. {order} and {shop} are filled in.",
  email: "Email",
  subject: "Subject",
  heading: "Heading",
  body: "Body",
  save: "Save",
  sendTest: "Send a test email to me",
  preview: "Preview: {subject}",
  previewFrame: "Email preview",
  "trigger_shipment.shipped": "Shipped",
  "trigger_shipment.out_for_delivery": "Out for delivery",
  "trigger_shipment.available_for_pickup": "Ready for pickup",
  "trigger_shipment.failed_attempt": "Delivery attempted",
  "trigger_shipment.delivered": "Delivered",
  "trigger_shipment.exception": "Delivery problem",
  "trigger_shipment.delayed": "Delivery delayed",
  "trigger_survey.csat": "Delivery survey (CSAT)",
  "trigger_survey.alert": "Unhappy answer (to you, the merchant)",
  "trigger_loyalty.points_expiring": "Points about to expire",
  "trigger_return.approved": "Return approved",
  "trigger_return.declined": "Return declined",
  "trigger_return.label_ready": "Return label ready",
  "trigger_return.refunded": "Return refunded",
  "trigger_digest.weekly": "Weekly digest (to you, the merchant)",
};
export type NotificationMessageKey = keyof typeof en;

const fr: Catalog<NotificationMessageKey> = {
  title: "Notifications",
  subtitle: "Les e-mails que reçoivent vos clients à chaque étape de leur colis, dans leur langue",
  sms: "SMS",
  sentMessages: "Messages envoyés",
  saved: "Enregistré.",
  noStoreEmail: "Votre boutique n'a aucune adresse e-mail à laquelle envoyer.",
  testSent: "E-mail de test en route vers {to}.",
  notSent_disabled: "Non envoyé : cet e-mail est désactivé.",
  notSent_unsubscribed: "Non envoyé : {to} s'est désabonné des e-mails.",
  notSent_duplicate: "Non envoyé : cet e-mail de test a déjà été envoyé.",
  notSent_invalid: "Non envoyé : les données d'exemple ne conviennent pas à cet e-mail.",
  notSent_marketing:
    "Non envoyé : cet e-mail marketing n'est envoyé qu'aux clients qui acceptent le marketing.",
  notSent_no_email: "Non envoyé : aucune adresse à laquelle envoyer.",
  invalid_fromName: "Le nom de l'expéditeur comporte au plus 80 caractères.",
  invalid_replyTo: "L'adresse de réponse n'est pas une adresse e-mail valide.",
  invalid_quietStart: "Saisissez le début des heures calmes sous la forme 21:00.",
  invalid_quietEnd: "Saisissez la fin des heures calmes sous la forme 08:00.",
  invalid_delayMinutes: "{email} : le délai est compris entre 0 minute et 7 jours.",
  invalid_subject: "{email} : l'objet comporte au plus 200 caractères.",
  invalid_heading: "{email} : le titre comporte au plus 200 caractères.",
  invalid_body: "{email} : le corps comporte au plus 2 000 caractères.",
  triggersTitle: "Déclencheurs",
  triggersDescription:
    "Activez ou désactivez chaque e-mail et choisissez combien de temps après l'événement il part.",
  delayMinutes: "Délai (minutes)",
  senderTitle: "Expéditeur et heures calmes",
  senderDescription:
    "Les e-mails partent au nom de votre boutique ; les réponses arrivent à votre adresse. Rien n'est envoyé pendant les heures calmes (fuseau horaire de votre boutique) : l'envoi attend leur fin.",
  fromName: "Nom de l'expéditeur",
  replyTo: "Adresse de réponse",
  quietFrom: "Heures calmes à partir de",
  quietUntil: "Heures calmes jusqu'à",
  openTracking: "Suivre les ouvertures avec une image invisible",
  openTrackingHelp:
    "Indique dans Messages envoyés quand chaque e-mail a été ouvert. Désactivé par défaut pour la confidentialité de vos clients.",
  editTitle: "Modifier un e-mail",
  editDescription:
    "Laissez un champ vide pour utiliser le texte d'Aftercare, traduit dans la langue de votre client. {order} et {shop} sont remplis automatiquement.",
  email: "E-mail",
  subject: "Objet",
  heading: "Titre",
  body: "Corps du message",
  save: "Enregistrer",
  sendTest: "M'envoyer un e-mail de test",
  preview: "Aperçu : {subject}",
  previewFrame: "Aperçu de l'e-mail",
  "trigger_shipment.shipped": "Expédiée",
  "trigger_shipment.out_for_delivery": "En cours de livraison",
  "trigger_shipment.available_for_pickup": "Prête pour le retrait",
  "trigger_shipment.failed_attempt": "Tentative de livraison",
  "trigger_shipment.delivered": "Livrée",
  "trigger_shipment.exception": "Problème de livraison",
  "trigger_shipment.delayed": "Livraison retardée",
  "trigger_survey.csat": "Enquête de livraison (CSAT)",
  "trigger_survey.alert": "Réponse mécontente (pour vous, le marchand)",
  "trigger_loyalty.points_expiring": "Points bientôt expirés",
  "trigger_return.approved": "Retour accepté",
  "trigger_return.declined": "Retour refusé",
  "trigger_return.label_ready": "Étiquette de retour prête",
  "trigger_return.refunded": "Retour remboursé",
  "trigger_digest.weekly": "Résumé hebdomadaire (pour vous, le marchand)",
};

const de: Catalog<NotificationMessageKey> = {
  title: "Benachrichtigungen",
  subtitle: "E-Mails, die Ihre Kunden erhalten, während ihr Paket unterwegs ist – in ihrer Sprache",
  sms: "SMS",
  sentMessages: "Gesendete Nachrichten",
  saved: "Gespeichert.",
  noStoreEmail: "Ihr Shop hat keine E-Mail-Adresse, an die gesendet werden kann.",
  testSent: "Test-E-Mail ist unterwegs an {to}.",
  notSent_disabled: "Nicht gesendet: Diese E-Mail ist deaktiviert.",
  notSent_unsubscribed: "Nicht gesendet: {to} hat sich von E-Mails abgemeldet.",
  notSent_duplicate: "Nicht gesendet: Diese Test-E-Mail wurde bereits gesendet.",
  notSent_invalid: "Nicht gesendet: Die Beispieldaten passen nicht zu dieser E-Mail.",
  notSent_marketing:
    "Nicht gesendet: Diese Marketing-E-Mail geht nur an Kunden, die Marketing zugestimmt haben.",
  notSent_no_email: "Nicht gesendet: Es gibt keine Adresse, an die gesendet werden kann.",
  invalid_fromName: "Der Absendername darf höchstens 80 Zeichen lang sein.",
  invalid_replyTo: "Die Antwortadresse ist keine gültige E-Mail-Adresse.",
  invalid_quietStart: "Geben Sie den Beginn der Ruhezeit als Uhrzeit wie 21:00 ein.",
  invalid_quietEnd: "Geben Sie das Ende der Ruhezeit als Uhrzeit wie 08:00 ein.",
  invalid_delayMinutes: "{email}: Die Verzögerung liegt zwischen 0 Minuten und 7 Tagen.",
  invalid_subject: "{email}: Der Betreff darf höchstens 200 Zeichen lang sein.",
  invalid_heading: "{email}: Die Überschrift darf höchstens 200 Zeichen lang sein.",
  invalid_body: "{email}: Der Text darf höchstens 2.000 Zeichen lang sein.",
  triggersTitle: "Auslöser",
  triggersDescription:
    "Schalten Sie jede E-Mail ein oder aus und legen Sie fest, wie lange nach dem Ereignis sie versendet wird.",
  delayMinutes: "Verzögerung (Minuten)",
  senderTitle: "Absender und Ruhezeiten",
  senderDescription:
    "E-Mails kommen mit dem Namen Ihres Shops; Antworten gehen an Ihre Adresse. Während der Ruhezeiten (Zeitzone Ihres Shops) wird nichts gesendet: Der Versand wartet bis zu ihrem Ende.",
  fromName: "Absendername",
  replyTo: "Antwortadresse",
  quietFrom: "Ruhezeit ab",
  quietUntil: "Ruhezeit bis",
  openTracking: "Öffnungen mit einem unsichtbaren Bild erfassen",
  openTrackingHelp:
    "Zeigt unter Gesendete Nachrichten, wann jede E-Mail geöffnet wurde. Zum Schutz der Privatsphäre Ihrer Kunden standardmäßig deaktiviert.",
  editTitle: "E-Mail bearbeiten",
  editDescription:
    "Lassen Sie ein Feld leer, um den Text von Aftercare zu verwenden, übersetzt in die Sprache Ihrer Kunden. {order} und {shop} werden automatisch ausgefüllt.",
  email: "E-Mail",
  subject: "Betreff",
  heading: "Überschrift",
  body: "Text",
  save: "Speichern",
  sendTest: "Test-E-Mail an mich senden",
  preview: "Vorschau: {subject}",
  previewFrame: "E-Mail-Vorschau",
  "trigger_shipment.shipped": "Versendet",
  "trigger_shipment.out_for_delivery": "In Zustellung",
  "trigger_shipment.available_for_pickup": "Abholbereit",
  "trigger_shipment.failed_attempt": "Zustellversuch",
  "trigger_shipment.delivered": "Zugestellt",
  "trigger_shipment.exception": "Zustellproblem",
  "trigger_shipment.delayed": "Zustellung verzögert",
  "trigger_survey.csat": "Lieferumfrage (CSAT)",
  "trigger_survey.alert": "Unzufriedene Antwort (an Sie als Händler)",
  "trigger_loyalty.points_expiring": "Punkte verfallen bald",
  "trigger_return.approved": "Rücksendung genehmigt",
  "trigger_return.declined": "Rücksendung abgelehnt",
  "trigger_return.label_ready": "Rücksendeetikett bereit",
  "trigger_return.refunded": "Rücksendung erstattet",
  "trigger_digest.weekly": "Wochenübersicht (an Sie als Händler)",
};

const es: Catalog<NotificationMessageKey> = {
  title: "Notificaciones",
  subtitle: "Los correos que reciben sus clientes mientras avanza su paquete, en su idioma",
  sms: "SMS",
  sentMessages: "Mensajes enviados",
  saved: "Guardado.",
  noStoreEmail: "Su tienda no tiene ninguna dirección de correo a la que enviar.",
  testSent: "El correo de prueba va de camino a {to}.",
  notSent_disabled: "No se envió: este correo está desactivado.",
  notSent_unsubscribed: "No se envió: {to} canceló la suscripción a los correos.",
  notSent_duplicate: "No se envió: este correo de prueba ya se había enviado.",
  notSent_invalid: "No se envió: los datos de ejemplo no sirven para este correo.",
  notSent_marketing:
    "No se envió: este correo de marketing solo se envía a clientes que aceptan marketing.",
  notSent_no_email: "No se envió: no hay ninguna dirección a la que enviar.",
  invalid_fromName: "El nombre del remitente tiene como máximo 80 caracteres.",
  invalid_replyTo: "La dirección de respuesta no es una dirección de correo válida.",
  invalid_quietStart: "Introduzca el inicio de las horas de silencio como una hora, p. ej. 21:00.",
  invalid_quietEnd: "Introduzca el fin de las horas de silencio como una hora, p. ej. 08:00.",
  invalid_delayMinutes: "{email}: el retraso está entre 0 minutos y 7 días.",
  invalid_subject: "{email}: el asunto tiene como máximo 200 caracteres.",
  invalid_heading: "{email}: el encabezado tiene como máximo 200 caracteres.",
  invalid_body: "{email}: el cuerpo tiene como máximo 2000 caracteres.",
  triggersTitle: "Activadores",
  triggersDescription:
    "Active o desactive cada correo y elija cuánto tiempo después del evento se envía.",
  delayMinutes: "Retraso (minutos)",
  senderTitle: "Remitente y horas de silencio",
  senderDescription:
    "Los correos llevan el nombre de su tienda; las respuestas llegan a su dirección. Durante las horas de silencio (zona horaria de su tienda) no se envía nada: el envío espera a que terminen.",
  fromName: "Nombre del remitente",
  replyTo: "Dirección de respuesta",
  quietFrom: "Silencio desde",
  quietUntil: "Silencio hasta",
  openTracking: "Registrar las aperturas con una imagen invisible",
  openTrackingHelp:
    "Muestra en Mensajes enviados cuándo se abrió cada correo. Desactivado de forma predeterminada para proteger la privacidad de sus clientes.",
  editTitle: "Editar un correo",
  editDescription:
    "Deje un campo vacío para usar el texto de Aftercare, traducido al idioma de su cliente. {order} y {shop} se completan automáticamente.",
  email: "Correo",
  subject: "Asunto",
  heading: "Encabezado",
  body: "Cuerpo",
  save: "Guardar",
  sendTest: "Enviarme un correo de prueba",
  preview: "Vista previa: {subject}",
  previewFrame: "Vista previa del correo",
  "trigger_shipment.shipped": "Enviado",
  "trigger_shipment.out_for_delivery": "En reparto",
  "trigger_shipment.available_for_pickup": "Listo para retirar",
  "trigger_shipment.failed_attempt": "Intento de entrega",
  "trigger_shipment.delivered": "Entregado",
  "trigger_shipment.exception": "Problema de entrega",
  "trigger_shipment.delayed": "Entrega retrasada",
  "trigger_survey.csat": "Encuesta de entrega (CSAT)",
  "trigger_survey.alert": "Respuesta descontenta (para usted, el comerciante)",
  "trigger_loyalty.points_expiring": "Puntos a punto de caducar",
  "trigger_return.approved": "Devolución aprobada",
  "trigger_return.declined": "Devolución rechazada",
  "trigger_return.label_ready": "Etiqueta de devolución lista",
  "trigger_return.refunded": "Devolución reembolsada",
  "trigger_digest.weekly": "Resumen semanal (para usted, el comerciante)",
};

export const notificationMessages = (locale: ShopperLocale) =>
  translator({ en, fr, de, es }, locale);

export type NotificationTranslate = ReturnType<typeof notificationMessages>;

/** An email's name in the pickers, in the admin's language. */
export function triggerLabel(t: NotificationTranslate, trigger: TriggerName) {
  return t(`trigger_${trigger}` as const);
}

/**
 * Why the settings were refused, in the admin's language; the schema's own English for a field
 * these words do not cover.
 */
export function settingsIssue(
  t: NotificationTranslate,
  issue: { path: PropertyKey[]; message: string },
) {
  const [first = "", trigger = "", field = ""] = issue.path.map(String);
  const key = `invalid_${first === "triggers" ? field : first}`;
  if (!(key in en)) return `${issue.path.map(String).join(".")}: ${issue.message}`;
  return t(key as NotificationMessageKey, {
    email: isTrigger(trigger) ? triggerLabel(t, trigger) : trigger,
  });
}
