import { translator, type ShopperLocale } from "../../platform/i18n";

/** What the chat widget hears from the server: who is there, and why a request was refused. */
const en = {
  online: "We're online and answer here.",
  away: "We're at work today and answer here as soon as we can.",
  closed:
    "We're away right now. Leave your message: we answer by email to the address of your order.",
  sent: "Sent.",
  badRequest: "Something in the request was not understood. Reload the page and try again.",
  tooManyRequests: "Too many requests. Please try again in {seconds} seconds.",
  conversationGone: "This conversation has ended. Ask again to start a new one.",
};
type Key = keyof typeof en;

const fr: Record<Key, string> = {
  online: "Nous sommes en ligne et répondons ici.",
  away: "Nous travaillons aujourd'hui et répondons ici dès que possible.",
  closed:
    "Nous sommes absents pour le moment. Laissez votre message : nous répondrons par e-mail à l'adresse de votre commande.",
  sent: "Envoyé.",
  badRequest: "Une partie de la demande n'a pas été comprise. Rechargez la page et réessayez.",
  tooManyRequests: "Trop de demandes. Réessayez dans {seconds} secondes.",
  conversationGone: "Cette conversation est terminée. Posez à nouveau votre question.",
};

const de: Record<Key, string> = {
  online: "Wir sind online und antworten hier.",
  away: "Wir sind heute im Einsatz und antworten hier so schnell wie möglich.",
  closed:
    "Wir sind gerade nicht da. Hinterlassen Sie Ihre Nachricht: Wir antworten per E-Mail an die Adresse Ihrer Bestellung.",
  sent: "Gesendet.",
  badRequest:
    "Die Anfrage wurde nicht verstanden. Laden Sie die Seite neu und versuchen Sie es erneut.",
  tooManyRequests: "Zu viele Anfragen. Bitte versuchen Sie es in {seconds} Sekunden erneut.",
  conversationGone: "Dieses Gespräch ist beendet. Fragen Sie erneut, um ein neues zu beginnen.",
};

const es: Record<Key, string> = {
  online: "Estamos en línea y respondemos aquí.",
  away: "Hoy estamos trabajando y respondemos aquí lo antes posible.",
  closed:
    "Ahora no estamos disponibles. Deja tu mensaje: responderemos por correo electrónico a la dirección de tu pedido.",
  sent: "Enviado.",
  badRequest: "No se entendió una parte de la solicitud. Recarga la página e inténtalo de nuevo.",
  tooManyRequests: "Demasiadas solicitudes. Vuelve a intentarlo en {seconds} segundos.",
  conversationGone: "Esta conversación ha terminado. Vuelve a preguntar para empezar otra.",
};

export const chatTranslator = (locale: ShopperLocale) =>
  translator<Key>({ en, fr, de, es }, locale);
