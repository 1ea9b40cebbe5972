import type { ShopperLocale } from "../../platform/i18n";
import type { Intent } from "./intents";

/**
 * Phrasings the classifier is measured on and never trained on (corpus.ts is the training set).
 * Written separately from the training phrasings, after them, in the registers Bitext's customer
 * support intent datasets label (bitext/customer-support-llm-chatbot-training-dataset on GitHub:
 * colloquial, polite, indirect, keyword-only, with spelling mistakes and missing punctuation), for
 * the intents Bitext names track_order, get_refund / change_order, change_shipping_address,
 * cancel_order and contact_human_agent, plus loyalty points. No phrasing is copied from Bitext.
 */
export const HELD_OUT: Record<ShopperLocale, Record<Intent, string[]>> = {
  en: {
    "order.where": [
      "any update on my delivery?",
      "it's been a week and nothing has come",
      "wheres my stuff",
      "can you tell me where my parcel is right now",
      "has it been dispatched yet",
      "when is the package expected",
    ],
    "return.start": [
      "the shirt I got is torn, I want a refund",
      "need to send back a pair of shoes",
      "how can I get reimbursed for this",
      "too small, can I swap it for a large",
      "the box came smashed and the mug is broken",
      "i would like to return my purchase",
    ],
    "loyalty.points": [
      "what's my reward balance",
      "how much credit do my points give me",
      "do points expire",
      "points??",
      "can I turn my points into a discount",
      "check my loyalty account",
    ],
    "order.change_address": [
      "I gave you my old address by mistake",
      "please send it to my new flat instead",
      "the postcode on my order is wrong",
      "can I change where it gets delivered",
      "need to correct the shipping adress",
      "update address before it ships please",
    ],
    "order.cancel": [
      "please don't send it, I want to cancel",
      "cancel order asap",
      "i accidentally placed two orders, cancel one",
      "is it too late to cancel?",
      "I'd like to call off my order",
      "withdraw my order please",
    ],
    "agent.human": [
      "I'd rather chat with a real human",
      "connect me to an operator",
      "can a member of staff help me",
      "agent",
      "you're not understanding me, I want a person",
      "who can I speak with",
    ],
  },
  fr: {
    "order.where": [
      "des nouvelles de ma livraison ?",
      "ça fait une semaine et toujours rien reçu",
      "il est ou mon colis",
      "pouvez-vous me dire où se trouve mon paquet",
      "ma commande est-elle partie",
      "le colis doit arriver quand",
    ],
    "return.start": [
      "le pull reçu est troué, je veux être remboursé",
      "je dois renvoyer une paire de chaussures",
      "comment récupérer mon argent",
      "trop petit, je peux l'échanger contre du L",
      "la boîte est arrivée écrasée et la tasse cassée",
      "je souhaite retourner mon achat",
    ],
    "loyalty.points": [
      "quel est mon solde de récompenses",
      "combien valent mes points",
      "est-ce que les points expirent",
      "mes points ?",
      "transformer mes points en réduction",
      "voir mon compte fidélité",
    ],
    "order.change_address": [
      "je vous ai donné mon ancienne adresse par erreur",
      "envoyez-la plutôt à mon nouvel appartement",
      "le code postal de ma commande est faux",
      "je peux changer le lieu de livraison",
      "corriger l'adresse d'expédition svp",
      "mettre à jour mon adresse avant l'envoi",
    ],
    "order.cancel": [
      "ne l'envoyez pas, je veux annuler",
      "annulation de commande urgent",
      "j'ai passé deux commandes par erreur, annulez-en une",
      "est-il trop tard pour annuler ?",
      "je souhaite annuler mon achat",
      "retirez ma commande s'il vous plaît",
    ],
    "agent.human": [
      "je préfère discuter avec un vrai humain",
      "mettez-moi en relation avec un opérateur",
      "un membre de l'équipe peut m'aider ?",
      "conseiller",
      "vous ne me comprenez pas, je veux une personne",
      "à qui puis-je parler",
    ],
  },
  de: {
    "order.where": [
      "gibt es Neuigkeiten zu meiner Lieferung?",
      "seit einer Woche ist nichts angekommen",
      "wo bleibt mein paket",
      "können Sie mir sagen, wo mein Paket gerade ist",
      "ist die Bestellung schon unterwegs",
      "wann soll das Paket kommen",
    ],
    "return.start": [
      "das Hemd hat ein Loch, ich will mein Geld zurück",
      "ich muss ein Paar Schuhe zurückschicken",
      "wie bekomme ich eine Rückerstattung",
      "zu klein, kann ich es gegen L tauschen",
      "der Karton war zerdrückt und die Tasse ist kaputt",
      "ich möchte meinen Kauf zurückgeben",
    ],
    "loyalty.points": [
      "wie hoch ist mein Prämienguthaben",
      "wie viel sind meine Punkte wert",
      "verfallen Punkte",
      "punkte?",
      "kann ich meine Punkte in einen Rabatt umwandeln",
      "mein Treuekonto ansehen",
    ],
    "order.change_address": [
      "ich habe aus Versehen meine alte Adresse angegeben",
      "bitte an meine neue Wohnung schicken",
      "die Postleitzahl in meiner Bestellung ist falsch",
      "kann ich den Lieferort ändern",
      "Versandadresse bitte korrigieren",
      "Adresse vor dem Versand aktualisieren",
    ],
    "order.cancel": [
      "bitte nicht verschicken, ich will stornieren",
      "Stornierung dringend",
      "ich habe zweimal bestellt, bitte eine stornieren",
      "ist es zu spät zum Stornieren?",
      "ich möchte meinen Kauf stornieren",
      "bitte meine Bestellung zurückziehen",
    ],
    "agent.human": [
      "ich chatte lieber mit einem echten Menschen",
      "verbinden Sie mich mit einem Mitarbeiter",
      "kann mir jemand vom Team helfen",
      "Berater",
      "Sie verstehen mich nicht, ich will eine Person",
      "mit wem kann ich sprechen",
    ],
  },
  es: {
    "order.where": [
      "¿hay novedades de mi entrega?",
      "hace una semana y no ha llegado nada",
      "donde esta mi paquete",
      "me podéis decir dónde está mi envío ahora",
      "ya salió mi pedido",
      "cuándo debería llegar el paquete",
    ],
    "return.start": [
      "la camiseta llegó rota, quiero el reembolso",
      "tengo que devolver unas zapatillas",
      "cómo recupero mi dinero",
      "me queda pequeño, puedo cambiarlo por una L",
      "la caja llegó aplastada y la taza rota",
      "quisiera devolver mi compra",
    ],
    "loyalty.points": [
      "cuál es mi saldo de recompensas",
      "cuánto valen mis puntos",
      "los puntos caducan",
      "puntos?",
      "puedo convertir mis puntos en un descuento",
      "ver mi cuenta de fidelidad",
    ],
    "order.change_address": [
      "os di mi dirección antigua por error",
      "enviadlo a mi piso nuevo por favor",
      "el código postal del pedido está mal",
      "puedo cambiar el lugar de entrega",
      "corregir la direccion de envio",
      "actualizar mi dirección antes del envío",
    ],
    "order.cancel": [
      "no lo enviéis, quiero cancelar",
      "cancelación urgente del pedido",
      "hice dos pedidos sin querer, cancelad uno",
      "es demasiado tarde para cancelar?",
      "quiero anular mi compra",
      "retirad mi pedido por favor",
    ],
    "agent.human": [
      "prefiero hablar con un humano de verdad",
      "ponme con un operador",
      "alguien del equipo me puede ayudar",
      "agente",
      "no me entiendes, quiero una persona",
      "con quién puedo hablar",
    ],
  },
};

/**
 * Off-topic questions the assistant should admit it can't answer (its "none" class), written
 * separately from corpus.ts's OFF_TOPIC_TRAINING and after it. Registers after the out-of-scope
 * queries of CLINC150 (Larson et al., "An Evaluation Dataset for Intent Classification and
 * Out-of-Scope Prediction", EMNLP 2019; clinc/oos-eval on GitHub): requests a person plausibly
 * types to an assistant that none of its intents covers, short and long, some on topics the
 * training never saw. The first four English ones are the issue's own examples ("tell me a joke",
 * "what's the weather", "do you sell gift cards", "can I work for you"). No phrasing is copied.
 */
export const HELD_OUT_OFF_TOPIC: Record<ShopperLocale, string[]> = {
  en: [
    "tell me a joke",
    "what's the weather",
    "do you sell gift cards",
    "can I work for you",
    "who are you",
    "is it going to be sunny in Paris",
    "what sizes do the sneakers come in",
    "do you take credit cards",
    "how many calories are in a banana",
    "when does your shop open on sunday",
  ],
  fr: [
    "raconte-moi une blague",
    "quel temps fait-il",
    "vous vendez des cartes cadeaux ?",
    "je peux travailler pour vous ?",
    "qui es-tu",
    "fera-t-il beau à Lyon",
    "quelles tailles pour ces baskets",
    "vous prenez la carte bancaire ?",
    "combien de calories dans une banane",
    "à quelle heure ouvre votre magasin le dimanche",
  ],
  de: [
    "erzähl mir einen Witz",
    "wie ist das Wetter",
    "verkaufen Sie Geschenkkarten?",
    "kann ich bei Ihnen arbeiten?",
    "wer bist du",
    "scheint morgen in Berlin die Sonne",
    "welche Größen gibt es für die Turnschuhe",
    "nehmen Sie Kreditkarten",
    "wie viele Kalorien hat eine Banane",
    "wann öffnet Ihr Laden am Sonntag",
  ],
  es: [
    "cuéntame un chiste",
    "qué tiempo hace",
    "venden tarjetas de regalo?",
    "puedo trabajar con ustedes?",
    "quién eres",
    "hará sol en Madrid",
    "qué tallas hay de estas zapatillas",
    "aceptan tarjeta de crédito",
    "cuántas calorías tiene un plátano",
    "a qué hora abre su tienda el domingo",
  ],
};
