import { translator, type ShopperLocale } from "../../platform/i18n";

const en = {
  threadTitle: "Your conversation about order {order}",
  threadIntro:
    "The shop's team answers here and by email. Keep this page's address to come back to it.",
  you: "You",
  team: "{shop}",
  assistant: "Assistant",
  statusOpen: "Waiting for the shop's answer",
  statusPending: "The shop answered",
  statusClosed: "Closed: write again to reopen it",
  yourReply: "Your message",
  send: "Send",
  refresh: "Check for new answers",
  sent: "Sent. The shop's team will answer here and by email.",
  empty: "Write a message first.",
  invalidText: "Use plain text only.",
  tooLong: "Keep your message under 5,000 characters.",
  attachImages: "Add photos (up to 3, JPEG, PNG, WebP or HEIC, 10 MB each)",
  imageAlt: "Photo attached to the message",
  notAnImage: "Only photos can be attached (JPEG, PNG, WebP or HEIC). Nothing was sent.",
  imageTooLarge: "A photo is larger than 10 MB. Nothing was sent.",
  tooManyImages: "Too many photos: up to 3 per message and 30 per conversation. Nothing was sent.",
  tooMany: "Too many messages. Please try again in {seconds} seconds.",
  notFound:
    "This conversation link is not valid for this shop. Use the link from your email, or ask again from the help center.",
  missingFields: "Enter your order number and email.",
  contactTitle: "Write to the shop's team",
  contactIntro: "Your message reaches the team with your order's details. They answer by email.",
  contactSubmit: "Send to the team",
  emailSubject: "Re: your order {order} at {shop}",
  emailIntro: "{shop} answered your message about order {order}:",
  emailReply: "Reply to this email, or read and answer the whole conversation here:",
  emailLink: "Open the conversation",
};
type Key = keyof typeof en;

const fr: Record<Key, string> = {
  threadTitle: "Votre conversation au sujet de la commande {order}",
  threadIntro:
    "L'équipe de la boutique répond ici et par e-mail. Gardez l'adresse de cette page pour y revenir.",
  you: "Vous",
  team: "{shop}",
  assistant: "Assistant",
  statusOpen: "En attente de la réponse de la boutique",
  statusPending: "La boutique a répondu",
  statusClosed: "Close : écrivez de nouveau pour la rouvrir",
  yourReply: "Votre message",
  send: "Envoyer",
  refresh: "Voir les nouvelles réponses",
  sent: "Envoyé. L'équipe de la boutique répondra ici et par e-mail.",
  empty: "Écrivez d'abord un message.",
  invalidText: "Utilisez uniquement du texte simple.",
  tooLong: "Votre message doit faire moins de 5 000 caractères.",
  attachImages: "Ajouter des photos (3 au plus, JPEG, PNG, WebP ou HEIC, 10 Mo chacune)",
  imageAlt: "Photo jointe au message",
  notAnImage:
    "Seules des photos peuvent être jointes (JPEG, PNG, WebP ou HEIC). Rien n'a été envoyé.",
  imageTooLarge: "Une photo dépasse 10 Mo. Rien n'a été envoyé.",
  tooManyImages:
    "Trop de photos : 3 au plus par message et 30 par conversation. Rien n'a été envoyé.",
  tooMany: "Trop de messages. Réessayez dans {seconds} secondes.",
  notFound:
    "Ce lien de conversation n'est pas valable pour cette boutique. Utilisez le lien de votre e-mail, ou redemandez depuis le centre d'aide.",
  missingFields: "Indiquez votre numéro de commande et votre e-mail.",
  contactTitle: "Écrire à l'équipe de la boutique",
  contactIntro:
    "Votre message parvient à l'équipe avec les détails de votre commande. Elle répond par e-mail.",
  contactSubmit: "Envoyer à l'équipe",
  emailSubject: "Re : votre commande {order} chez {shop}",
  emailIntro: "{shop} a répondu à votre message au sujet de la commande {order} :",
  emailReply: "Répondez à cet e-mail, ou lisez et répondez à toute la conversation ici :",
  emailLink: "Ouvrir la conversation",
};

const de: Record<Key, string> = {
  threadTitle: "Ihre Unterhaltung zu Bestellung {order}",
  threadIntro:
    "Das Team des Shops antwortet hier und per E-Mail. Merken Sie sich die Adresse dieser Seite, um zurückzukehren.",
  you: "Sie",
  team: "{shop}",
  assistant: "Assistent",
  statusOpen: "Wartet auf die Antwort des Shops",
  statusPending: "Der Shop hat geantwortet",
  statusClosed: "Geschlossen: Schreiben Sie erneut, um sie wieder zu öffnen",
  yourReply: "Ihre Nachricht",
  send: "Senden",
  refresh: "Nach neuen Antworten sehen",
  sent: "Gesendet. Das Team des Shops antwortet hier und per E-Mail.",
  empty: "Schreiben Sie zuerst eine Nachricht.",
  invalidText: "Verwenden Sie nur einfachen Text.",
  tooLong: "Ihre Nachricht muss kürzer als 5.000 Zeichen sein.",
  attachImages: "Fotos hinzufügen (bis zu 3, JPEG, PNG, WebP oder HEIC, je 10 MB)",
  imageAlt: "An die Nachricht angehängtes Foto",
  notAnImage:
    "Nur Fotos können angehängt werden (JPEG, PNG, WebP oder HEIC). Es wurde nichts gesendet.",
  imageTooLarge: "Ein Foto ist größer als 10 MB. Es wurde nichts gesendet.",
  tooManyImages:
    "Zu viele Fotos: bis zu 3 pro Nachricht und 30 pro Unterhaltung. Es wurde nichts gesendet.",
  tooMany: "Zu viele Nachrichten. Bitte versuchen Sie es in {seconds} Sekunden erneut.",
  notFound:
    "Dieser Link zur Unterhaltung gilt nicht für diesen Shop. Verwenden Sie den Link aus Ihrer E-Mail oder fragen Sie im Hilfecenter erneut.",
  missingFields: "Geben Sie Ihre Bestellnummer und E-Mail-Adresse ein.",
  contactTitle: "An das Team des Shops schreiben",
  contactIntro:
    "Ihre Nachricht erreicht das Team mit den Angaben zu Ihrer Bestellung. Es antwortet per E-Mail.",
  contactSubmit: "An das Team senden",
  emailSubject: "AW: Ihre Bestellung {order} bei {shop}",
  emailIntro: "{shop} hat auf Ihre Nachricht zu Bestellung {order} geantwortet:",
  emailReply:
    "Antworten Sie auf diese E-Mail, oder lesen und beantworten Sie die ganze Unterhaltung hier:",
  emailLink: "Unterhaltung öffnen",
};

const es: Record<Key, string> = {
  threadTitle: "Tu conversación sobre el pedido {order}",
  threadIntro:
    "El equipo de la tienda responde aquí y por correo electrónico. Guarda la dirección de esta página para volver.",
  you: "Tú",
  team: "{shop}",
  assistant: "Asistente",
  statusOpen: "Esperando la respuesta de la tienda",
  statusPending: "La tienda ha respondido",
  statusClosed: "Cerrada: escribe de nuevo para reabrirla",
  yourReply: "Tu mensaje",
  send: "Enviar",
  refresh: "Ver respuestas nuevas",
  sent: "Enviado. El equipo de la tienda responderá aquí y por correo electrónico.",
  empty: "Escribe primero un mensaje.",
  invalidText: "Usa solo texto sin formato.",
  tooLong: "Tu mensaje debe tener menos de 5.000 caracteres.",
  attachImages: "Añadir fotos (hasta 3, JPEG, PNG, WebP o HEIC, 10 MB cada una)",
  imageAlt: "Foto adjunta al mensaje",
  notAnImage: "Solo se pueden adjuntar fotos (JPEG, PNG, WebP o HEIC). No se envió nada.",
  imageTooLarge: "Una foto supera los 10 MB. No se envió nada.",
  tooManyImages: "Demasiadas fotos: hasta 3 por mensaje y 30 por conversación. No se envió nada.",
  tooMany: "Demasiados mensajes. Vuelve a intentarlo en {seconds} segundos.",
  notFound:
    "Este enlace de conversación no es válido para esta tienda. Usa el enlace de tu correo o vuelve a preguntar desde el centro de ayuda.",
  missingFields: "Introduce tu número de pedido y tu correo electrónico.",
  contactTitle: "Escribir al equipo de la tienda",
  contactIntro:
    "Tu mensaje llega al equipo con los datos de tu pedido. Te responde por correo electrónico.",
  contactSubmit: "Enviar al equipo",
  emailSubject: "Re: tu pedido {order} en {shop}",
  emailIntro: "{shop} ha respondido a tu mensaje sobre el pedido {order}:",
  emailReply: "Responde a este correo, o lee y contesta toda la conversación aquí:",
  emailLink: "Abrir la conversación",
};

export const conversationTranslator = (locale: ShopperLocale) =>
  translator<Key>({ en, fr, de, es }, locale);
export type ConversationT = ReturnType<typeof conversationTranslator>;
