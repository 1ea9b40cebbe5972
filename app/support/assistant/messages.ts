import { translator, type Catalog, type ShopperLocale } from "../../platform/i18n";

const en = {
  askTitle: "Ask about your order",
  askIntro:
    "Enter your order number and email, then ask in your own words: where it is, a return, your points, a new address, a cancellation, or a person to talk to.",
  orderNumber: "Order number",
  email: "Email",
  question: "Your question",
  askSubmit: "Ask",
  youAsked: "You asked: “{question}”",
  missingFields: "Enter your order number, your email and a question.",
  invalidText: "Use plain text only.",
  questionTooLong: "Keep your question under 500 characters.",
  notFound: "We couldn't find an order with that number and email. Check them and try again.",
  tooMany: "Too many questions. Please try again in {seconds} seconds.",
  whereTitle: "Where order {order} is",
  notShipped: "Your order hasn't shipped yet. You'll see its progress here as soon as it does.",
  shipmentOf: "{carrier} · {number}",
  latestScan: "Latest: {message}",
  estimate: "Estimated delivery: {date}",
  deliveredOn: "Delivered {date}",
  fullTracking: "See the full tracking",
  returnAnswer:
    "You can return items from order {order} in the returns portal, which shows what each item can be returned for.",
  returnLink: "Start a return for {order}",
  pointsAnswer:
    "You have {balance} points, and {pending} more pending until the return window closes.",
  tier: "Your tier: {tier}.",
  rewardsAffordable: "You can redeem now: {rewards}.",
  rewardsNext: "Rewards: {rewards}.",
  rewardItem: "{name} ({points} points)",
  noPoints:
    "This order isn't linked to a rewards account. Sign in to your account to see your points.",
  changeAddressOpen:
    "Order {order} hasn't shipped yet, so the shop can still change its address. Send them the new address:",
  changeAddressShipped:
    "Order {order} has already shipped, so its address can't be changed any more. Follow it on the tracking page, or contact the shop:",
  cancelOpen: "Order {order} hasn't shipped yet. Ask the shop to cancel it:",
  cancelShipped:
    "Order {order} has already shipped and can't be cancelled. Once it arrives you can return it.",
  human: "The shop's team will answer you. Write to them about order {order}:",
  unsure:
    "I'm not sure I understood. Try asking differently, browse the articles below, or write to the shop about order {order}:",
  unsureArticles: "These help center articles may answer it:",
  contactEmail: "Email {email}",
  contactPage: "Contact the shop",
  mailSubject: "Order {order}",
};
export type AssistantMessageKey = keyof typeof en;

const fr: Catalog<AssistantMessageKey> = {
  askTitle: "Une question sur votre commande",
  askIntro:
    "Saisissez votre numéro de commande et votre e-mail, puis posez votre question : où elle en est, un retour, vos points, une nouvelle adresse, une annulation, ou parler à quelqu'un.",
  orderNumber: "Numéro de commande",
  email: "E-mail",
  question: "Votre question",
  askSubmit: "Demander",
  youAsked: "Votre question : « {question} »",
  missingFields: "Saisissez votre numéro de commande, votre e-mail et une question.",
  invalidText: "Utilisez du texte simple uniquement.",
  questionTooLong: "Votre question doit faire moins de 500 caractères.",
  notFound:
    "Nous n'avons pas trouvé de commande avec ce numéro et cet e-mail. Vérifiez-les et réessayez.",
  tooMany: "Trop de questions. Réessayez dans {seconds} secondes.",
  whereTitle: "Où en est la commande {order}",
  notShipped:
    "Votre commande n'a pas encore été expédiée. Son suivi apparaîtra ici dès qu'elle le sera.",
  shipmentOf: "{carrier} · {number}",
  latestScan: "Dernier événement : {message}",
  estimate: "Livraison estimée : {date}",
  deliveredOn: "Livrée le {date}",
  fullTracking: "Voir le suivi complet",
  returnAnswer:
    "Vous pouvez retourner des articles de la commande {order} sur le portail des retours, qui indique ce que permet chaque article.",
  returnLink: "Retourner des articles de {order}",
  pointsAnswer:
    "Vous avez {balance} points, et {pending} de plus en attente jusqu'à la fin du délai de retour.",
  tier: "Votre niveau : {tier}.",
  rewardsAffordable: "Vous pouvez échanger dès maintenant : {rewards}.",
  rewardsNext: "Récompenses : {rewards}.",
  rewardItem: "{name} ({points} points)",
  noPoints:
    "Cette commande n'est liée à aucun compte fidélité. Connectez-vous à votre compte pour voir vos points.",
  changeAddressOpen:
    "La commande {order} n'est pas encore expédiée : la boutique peut encore changer son adresse. Envoyez-lui la nouvelle adresse :",
  changeAddressShipped:
    "La commande {order} est déjà expédiée : son adresse ne peut plus être modifiée. Suivez-la sur la page de suivi, ou contactez la boutique :",
  cancelOpen:
    "La commande {order} n'est pas encore expédiée. Demandez à la boutique de l'annuler :",
  cancelShipped:
    "La commande {order} est déjà expédiée et ne peut plus être annulée. Vous pourrez la retourner à sa réception.",
  human: "L'équipe de la boutique vous répondra. Écrivez-lui au sujet de la commande {order} :",
  unsure:
    "Je ne suis pas sûr d'avoir compris. Reformulez, parcourez les articles ci-dessous, ou écrivez à la boutique au sujet de la commande {order} :",
  unsureArticles: "Ces articles du centre d'aide y répondent peut-être :",
  contactEmail: "Écrire à {email}",
  contactPage: "Contacter la boutique",
  mailSubject: "Commande {order}",
};

const de: Catalog<AssistantMessageKey> = {
  askTitle: "Eine Frage zu Ihrer Bestellung",
  askIntro:
    "Geben Sie Bestellnummer und E-Mail-Adresse ein und fragen Sie in eigenen Worten: wo sie ist, eine Rücksendung, Ihre Punkte, eine neue Adresse, eine Stornierung oder ein Gespräch mit einem Menschen.",
  orderNumber: "Bestellnummer",
  email: "E-Mail",
  question: "Ihre Frage",
  askSubmit: "Fragen",
  youAsked: "Ihre Frage: „{question}“",
  missingFields: "Geben Sie Bestellnummer, E-Mail-Adresse und eine Frage ein.",
  invalidText: "Bitte nur einfachen Text verwenden.",
  questionTooLong: "Ihre Frage darf höchstens 500 Zeichen lang sein.",
  notFound:
    "Wir haben keine Bestellung mit dieser Nummer und E-Mail-Adresse gefunden. Bitte prüfen Sie die Angaben.",
  tooMany: "Zu viele Fragen. Bitte versuchen Sie es in {seconds} Sekunden erneut.",
  whereTitle: "Wo Bestellung {order} ist",
  notShipped:
    "Ihre Bestellung wurde noch nicht versendet. Sobald sie unterwegs ist, sehen Sie hier den Verlauf.",
  shipmentOf: "{carrier} · {number}",
  latestScan: "Zuletzt: {message}",
  estimate: "Voraussichtliche Zustellung: {date}",
  deliveredOn: "Zugestellt am {date}",
  fullTracking: "Vollständige Sendungsverfolgung",
  returnAnswer:
    "Artikel aus Bestellung {order} können Sie im Rücksendeportal zurückgeben; dort sehen Sie, was für jeden Artikel möglich ist.",
  returnLink: "Rücksendung für {order} starten",
  pointsAnswer:
    "Sie haben {balance} Punkte und {pending} weitere, die nach Ablauf der Rückgabefrist gutgeschrieben werden.",
  tier: "Ihre Stufe: {tier}.",
  rewardsAffordable: "Jetzt einlösbar: {rewards}.",
  rewardsNext: "Prämien: {rewards}.",
  rewardItem: "{name} ({points} Punkte)",
  noPoints:
    "Diese Bestellung ist mit keinem Prämienkonto verknüpft. Melden Sie sich in Ihrem Kundenkonto an, um Ihre Punkte zu sehen.",
  changeAddressOpen:
    "Bestellung {order} wurde noch nicht versendet, der Shop kann die Adresse noch ändern. Senden Sie ihm die neue Adresse:",
  changeAddressShipped:
    "Bestellung {order} ist bereits versendet, die Adresse kann nicht mehr geändert werden. Verfolgen Sie sie in der Sendungsverfolgung oder kontaktieren Sie den Shop:",
  cancelOpen:
    "Bestellung {order} wurde noch nicht versendet. Bitten Sie den Shop, sie zu stornieren:",
  cancelShipped:
    "Bestellung {order} ist bereits versendet und kann nicht mehr storniert werden. Nach der Zustellung können Sie sie zurücksenden.",
  human: "Das Team des Shops antwortet Ihnen. Schreiben Sie ihm zu Bestellung {order}:",
  unsure:
    "Ich bin nicht sicher, ob ich Sie verstanden habe. Formulieren Sie anders, sehen Sie sich die Artikel unten an oder schreiben Sie dem Shop zu Bestellung {order}:",
  unsureArticles: "Diese Hilfeartikel beantworten es vielleicht:",
  contactEmail: "E-Mail an {email}",
  contactPage: "Shop kontaktieren",
  mailSubject: "Bestellung {order}",
};

const es: Catalog<AssistantMessageKey> = {
  askTitle: "Una pregunta sobre tu pedido",
  askIntro:
    "Introduce tu número de pedido y tu e-mail, y pregunta con tus palabras: dónde está, una devolución, tus puntos, una nueva dirección, una cancelación o hablar con una persona.",
  orderNumber: "Número de pedido",
  email: "E-mail",
  question: "Tu pregunta",
  askSubmit: "Preguntar",
  youAsked: "Tu pregunta: «{question}»",
  missingFields: "Introduce tu número de pedido, tu e-mail y una pregunta.",
  invalidText: "Usa solo texto sencillo.",
  questionTooLong: "Tu pregunta debe tener menos de 500 caracteres.",
  notFound:
    "No encontramos ningún pedido con ese número y e-mail. Compruébalos e inténtalo de nuevo.",
  tooMany: "Demasiadas preguntas. Inténtalo de nuevo en {seconds} segundos.",
  whereTitle: "Dónde está el pedido {order}",
  notShipped: "Tu pedido aún no se ha enviado. Verás su recorrido aquí en cuanto salga.",
  shipmentOf: "{carrier} · {number}",
  latestScan: "Último evento: {message}",
  estimate: "Entrega estimada: {date}",
  deliveredOn: "Entregado el {date}",
  fullTracking: "Ver el seguimiento completo",
  returnAnswer:
    "Puedes devolver artículos del pedido {order} en el portal de devoluciones, que indica qué admite cada artículo.",
  returnLink: "Iniciar una devolución de {order}",
  pointsAnswer:
    "Tienes {balance} puntos, y {pending} más pendientes hasta que cierre el plazo de devolución.",
  tier: "Tu nivel: {tier}.",
  rewardsAffordable: "Puedes canjear ya: {rewards}.",
  rewardsNext: "Recompensas: {rewards}.",
  rewardItem: "{name} ({points} puntos)",
  noPoints:
    "Este pedido no está vinculado a una cuenta de recompensas. Inicia sesión en tu cuenta para ver tus puntos.",
  changeAddressOpen:
    "El pedido {order} aún no se ha enviado: la tienda todavía puede cambiar la dirección. Envíale la nueva dirección:",
  changeAddressShipped:
    "El pedido {order} ya se ha enviado y su dirección ya no se puede cambiar. Síguelo en la página de seguimiento o contacta con la tienda:",
  cancelOpen: "El pedido {order} aún no se ha enviado. Pide a la tienda que lo cancele:",
  cancelShipped:
    "El pedido {order} ya se ha enviado y no se puede cancelar. Cuando llegue podrás devolverlo.",
  human: "El equipo de la tienda te responderá. Escríbele sobre el pedido {order}:",
  unsure:
    "No estoy seguro de haberte entendido. Pregunta de otra forma, consulta los artículos de abajo o escribe a la tienda sobre el pedido {order}:",
  unsureArticles: "Estos artículos del centro de ayuda quizá lo respondan:",
  contactEmail: "Escribir a {email}",
  contactPage: "Contactar con la tienda",
  mailSubject: "Pedido {order}",
};

export const assistantTranslator = (locale: ShopperLocale) =>
  translator<AssistantMessageKey>({ en, fr, de, es }, locale);
export type AssistantT = ReturnType<typeof assistantTranslator>;
