import { z } from "zod";
import type { ShopperLocale } from "../platform/i18n";
import { DIGEST_ATTENTION, DIGEST_KPI_NAMES } from "./templates/digest";

/**
 * Every email Aftercare sends, in one place: what its data must hold, whether it is
 * transactional (sent to anyone who has not unsubscribed) or marketing (only to customers who
 * accept marketing), and its default words per language. A capability adds a trigger here and
 * calls `notify()`.
 */

const ShipmentEmailData = z.object({
  orderName: z.string(),
  carrierName: z.string().nullable(),
  trackingNumber: z.string(),
  trackingUrl: z.url(),
  estimate: z.object({ earliest: z.string().nullable(), latest: z.string() }).nullable(),
  items: z.array(
    z.object({
      title: z.string(),
      variantTitle: z.string().nullable(),
      quantity: z.number(),
      imageUrl: z.url().nullable().default(null),
    }),
  ),
  checkpoints: z.array(
    z.object({ at: z.string(), message: z.string(), location: z.string().nullable() }),
  ),
  /** Only for shoppers who accept marketing. */
  recommendations: z
    .array(
      z.object({
        title: z.string(),
        url: z.url(),
        imageUrl: z.url().nullable(),
        price: z.number().int(),
        currency: z.string().length(3),
      }),
    )
    .default([]),
});
export type ShipmentEmailData = z.infer<typeof ShipmentEmailData>;

const CsatData = z.object({
  orderName: z.string(),
  /** One signed link per score, 1 (very unhappy) to 5 (very happy). */
  ratingUrls: z.array(z.url()).length(5),
});

const SurveyAlertData = z.object({
  survey: z.enum(["NPS", "CSAT"]),
  score: z.number().int(),
  comment: z.string().nullable(),
  orderName: z.string().nullable(),
  adminUrl: z.url(),
});

const PointsExpiringData = z.object({
  balance: z.number().int().positive(),
  expiresAt: z.string(),
  firstName: z.string().nullable().default(null),
  accountUrl: z.url(),
});

const ReturnEmailData = z.object({
  orderName: z.string(),
  /** Declined: the merchant's words to the customer. */
  reason: z.string().nullable().default(null),
  /** Label ready: the prepaid label to print. */
  labelUrl: z.url().nullable().default(null),
  /** Refunded: what the customer gets back (refund and store credit), minor units. */
  amount: z.number().int().nullable().default(null),
  currency: z.string().length(3).nullable().default(null),
});

/** The merchant's week (Monday to Sunday, the shop's calendar) against the week before. */
const WeeklyDigestData = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  currency: z.string().length(3),
  kpis: z.array(
    z.object({
      key: z.enum(DIGEST_KPI_NAMES),
      current: z.number().nullable(),
      previous: z.number().nullable(),
    }),
  ),
  attention: z.array(
    z.object({ key: z.enum(DIGEST_ATTENTION), count: z.number().int().min(0), url: z.url() }),
  ),
  adminUrl: z.url(),
});

export interface EmailTexts {
  subject: string;
  heading: string;
  body: string;
}

interface TriggerDefinition {
  category: "transactional" | "marketing";
  data: z.ZodType;
  texts: Record<ShopperLocale, EmailTexts>;
}

const shipment = (texts: Record<ShopperLocale, EmailTexts>): TriggerDefinition => ({
  category: "transactional",
  data: ShipmentEmailData,
  texts,
});

export const TRIGGERS = {
  "shipment.shipped": shipment({
    en: {
      subject: "Your order {order} is on its way",
      heading: "Your order is on its way",
      body: "Good news: your order {order} has shipped. Follow it any time with the button below.",
    },
    fr: {
      subject: "Votre commande {order} est en route",
      heading: "Votre commande est en route",
      body: "Bonne nouvelle : votre commande {order} a été expédiée. Suivez-la à tout moment avec le bouton ci-dessous.",
    },
    de: {
      subject: "Deine Bestellung {order} ist unterwegs",
      heading: "Deine Bestellung ist unterwegs",
      body: "Gute Nachrichten: Deine Bestellung {order} wurde versendet. Verfolge sie jederzeit über den Button unten.",
    },
    es: {
      subject: "Tu pedido {order} está en camino",
      heading: "Tu pedido está en camino",
      body: "Buenas noticias: tu pedido {order} ya se ha enviado. Síguelo cuando quieras con el botón de abajo.",
    },
  }),
  "shipment.out_for_delivery": shipment({
    en: {
      subject: "Your order {order} is out for delivery",
      heading: "Arriving today",
      body: "Your order {order} is out for delivery and should reach you today.",
    },
    fr: {
      subject: "Votre commande {order} est en cours de livraison",
      heading: "Livraison aujourd'hui",
      body: "Votre commande {order} est en cours de livraison et devrait arriver aujourd'hui.",
    },
    de: {
      subject: "Deine Bestellung {order} ist in Zustellung",
      heading: "Kommt heute an",
      body: "Deine Bestellung {order} ist in Zustellung und sollte heute bei dir ankommen.",
    },
    es: {
      subject: "Tu pedido {order} está en reparto",
      heading: "Llega hoy",
      body: "Tu pedido {order} está en reparto y debería llegarte hoy.",
    },
  }),
  "shipment.available_for_pickup": shipment({
    en: {
      subject: "Your order {order} is ready for pickup",
      heading: "Ready for pickup",
      body: "Your order {order} is waiting for you at the pickup point. Bring an ID when you collect it.",
    },
    fr: {
      subject: "Votre commande {order} est prête à être retirée",
      heading: "Prête à être retirée",
      body: "Votre commande {order} vous attend au point de retrait. Munissez-vous d'une pièce d'identité.",
    },
    de: {
      subject: "Deine Bestellung {order} liegt zur Abholung bereit",
      heading: "Zur Abholung bereit",
      body: "Deine Bestellung {order} wartet an der Abholstelle auf dich. Bring einen Ausweis mit.",
    },
    es: {
      subject: "Tu pedido {order} está listo para recoger",
      heading: "Listo para recoger",
      body: "Tu pedido {order} te espera en el punto de recogida. Lleva un documento de identidad.",
    },
  }),
  "shipment.failed_attempt": shipment({
    en: {
      subject: "We missed you: delivery of {order} was attempted",
      heading: "The carrier tried to deliver",
      body: "The carrier could not deliver your order {order}. They usually try again the next business day; the tracking page shows what they said.",
    },
    fr: {
      subject: "Tentative de livraison de {order}",
      heading: "Le transporteur est passé",
      body: "Le transporteur n'a pas pu livrer votre commande {order}. Il repasse généralement le jour ouvré suivant ; la page de suivi indique ce qu'il a signalé.",
    },
    de: {
      subject: "Zustellversuch für {order}",
      heading: "Der Zusteller war da",
      body: "Deine Bestellung {order} konnte nicht zugestellt werden. Meist versucht es der Zusteller am nächsten Werktag erneut; die Sendungsverfolgung zeigt die Details.",
    },
    es: {
      subject: "Intento de entrega de {order}",
      heading: "El transportista intentó entregarlo",
      body: "El transportista no pudo entregar tu pedido {order}. Suele volver a intentarlo el siguiente día hábil; la página de seguimiento muestra lo que indicó.",
    },
  }),
  "shipment.delivered": shipment({
    en: {
      subject: "Your order {order} has been delivered",
      heading: "Delivered",
      body: "Your order {order} has arrived. We hope you love it! If anything is not right, just reply to this email.",
    },
    fr: {
      subject: "Votre commande {order} a été livrée",
      heading: "Livrée",
      body: "Votre commande {order} est arrivée. Nous espérons qu'elle vous plaira ! Si quelque chose ne va pas, répondez simplement à cet e-mail.",
    },
    de: {
      subject: "Deine Bestellung {order} wurde zugestellt",
      heading: "Zugestellt",
      body: "Deine Bestellung {order} ist angekommen. Viel Freude damit! Falls etwas nicht stimmt, antworte einfach auf diese E-Mail.",
    },
    es: {
      subject: "Tu pedido {order} ha sido entregado",
      heading: "Entregado",
      body: "Tu pedido {order} ha llegado. ¡Esperamos que te encante! Si algo no está bien, responde a este correo.",
    },
  }),
  "shipment.exception": shipment({
    en: {
      subject: "An update on the delivery of {order}",
      heading: "Your delivery has a problem",
      body: "The carrier reported a problem with your order {order}. We are on it and will make sure it reaches you; reply to this email if you have questions.",
    },
    fr: {
      subject: "Du nouveau sur la livraison de {order}",
      heading: "Un problème de livraison",
      body: "Le transporteur signale un problème avec votre commande {order}. Nous nous en occupons pour qu'elle vous parvienne ; répondez à cet e-mail pour toute question.",
    },
    de: {
      subject: "Neuigkeiten zur Zustellung von {order}",
      heading: "Es gibt ein Problem mit deiner Sendung",
      body: "Der Versanddienstleister meldet ein Problem mit deiner Bestellung {order}. Wir kümmern uns darum, dass sie ankommt; antworte auf diese E-Mail, wenn du Fragen hast.",
    },
    es: {
      subject: "Novedades sobre la entrega de {order}",
      heading: "Hay un problema con tu envío",
      body: "El transportista informa de un problema con tu pedido {order}. Nos estamos ocupando para que te llegue; responde a este correo si tienes preguntas.",
    },
  }),
  "shipment.delayed": shipment({
    en: {
      subject: "Your order {order} is running late",
      heading: "Your parcel is late, and we are on it",
      body: "Your order {order} is taking longer than expected: the carrier has not reported progress in a while, or the expected date has passed. We are following it up with the carrier. If it does not move in the next few days, we will send a replacement or refund you; you do not need to do anything. Reply to this email if you have questions.",
    },
    fr: {
      subject: "Votre commande {order} a du retard",
      heading: "Votre colis a du retard, nous nous en occupons",
      body: "Votre commande {order} prend plus de temps que prévu : le transporteur ne signale plus d'avancée ou la date prévue est passée. Nous relançons le transporteur. Si rien ne bouge dans les prochains jours, nous vous enverrons un remplacement ou vous rembourserons ; vous n'avez rien à faire. Répondez à cet e-mail pour toute question.",
    },
    de: {
      subject: "Deine Bestellung {order} verspätet sich",
      heading: "Dein Paket ist verspätet – wir kümmern uns",
      body: "Deine Bestellung {order} braucht länger als erwartet: Der Versanddienstleister meldet seit einiger Zeit keinen Fortschritt, oder der erwartete Termin ist verstrichen. Wir haken beim Versanddienstleister nach. Bewegt sich in den nächsten Tagen nichts, schicken wir Ersatz oder erstatten den Betrag; du musst nichts tun. Antworte auf diese E-Mail, wenn du Fragen hast.",
    },
    es: {
      subject: "Tu pedido {order} lleva retraso",
      heading: "Tu paquete lleva retraso y nos estamos ocupando",
      body: "Tu pedido {order} está tardando más de lo previsto: el transportista no informa de avances desde hace un tiempo o la fecha prevista ya pasó. Lo estamos reclamando al transportista. Si no avanza en los próximos días, te enviaremos un reemplazo o te devolveremos el dinero; no tienes que hacer nada. Responde a este correo si tienes preguntas.",
    },
  }),
  "survey.csat": {
    category: "transactional",
    data: CsatData,
    texts: {
      en: {
        subject: "How was the delivery of {order}?",
        heading: "How did we do?",
        body: "Your order {order} was delivered. How happy are you with the delivery? One click is all it takes.",
      },
      fr: {
        subject: "Comment s'est passée la livraison de {order} ?",
        heading: "Votre avis compte",
        body: "Votre commande {order} a été livrée. Êtes-vous satisfait de la livraison ? Un clic suffit.",
      },
      de: {
        subject: "Wie war die Zustellung von {order}?",
        heading: "Wie haben wir abgeschnitten?",
        body: "Deine Bestellung {order} wurde zugestellt. Wie zufrieden bist du mit der Lieferung? Ein Klick genügt.",
      },
      es: {
        subject: "¿Qué tal fue la entrega de {order}?",
        heading: "¿Cómo lo hicimos?",
        body: "Tu pedido {order} ha sido entregado. ¿Qué tan satisfecho estás con la entrega? Basta con un clic.",
      },
    },
  },
  "survey.alert": {
    category: "transactional",
    data: SurveyAlertData,
    texts: {
      en: {
        subject: "An unhappy customer: {survey} {score} on {order}",
        heading: "A customer needs you",
        body: "A customer answered {survey} {score} for order {order}.{comment}\n\nReach out today: unhappy customers who hear back quickly often stay.",
      },
      fr: {
        subject: "Un client mécontent : {survey} {score} pour {order}",
        heading: "Un client a besoin de vous",
        body: "Un client a répondu {survey} {score} pour la commande {order}.{comment}\n\nContactez-le aujourd'hui : un client mécontent recontacté vite reste souvent.",
      },
      de: {
        subject: "Ein unzufriedener Kunde: {survey} {score} zu {order}",
        heading: "Ein Kunde braucht dich",
        body: "Ein Kunde hat {survey} {score} zur Bestellung {order} geantwortet.{comment}\n\nMelde dich heute: Unzufriedene Kunden, die schnell Antwort bekommen, bleiben oft.",
      },
      es: {
        subject: "Un cliente insatisfecho: {survey} {score} en {order}",
        heading: "Un cliente te necesita",
        body: "Un cliente respondió {survey} {score} para el pedido {order}.{comment}\n\nContáctalo hoy: los clientes insatisfechos que reciben respuesta rápida suelen quedarse.",
      },
    },
  },
  "loyalty.points_expiring": {
    category: "transactional",
    data: PointsExpiringData,
    texts: {
      en: {
        subject: "Your {points} points expire soon",
        heading: "Use your points",
        body: "Your {points} points at {shop} expire on {date}. Redeem them for a reward before then.",
      },
      fr: {
        subject: "Vos {points} points expirent bientôt",
        heading: "Utilisez vos points",
        body: "Vos {points} points chez {shop} expirent le {date}. Échangez-les contre une récompense d'ici là.",
      },
      de: {
        subject: "Deine {points} Punkte verfallen bald",
        heading: "Löse deine Punkte ein",
        body: "Deine {points} Punkte bei {shop} verfallen am {date}. Löse sie vorher gegen eine Prämie ein.",
      },
      es: {
        subject: "Tus {points} puntos caducan pronto",
        heading: "Usa tus puntos",
        body: "Tus {points} puntos en {shop} caducan el {date}. Canjéalos por una recompensa antes.",
      },
    },
  },
  "return.approved": {
    category: "transactional",
    data: ReturnEmailData,
    texts: {
      en: {
        subject: "Your return for {order} is approved",
        heading: "Your return is approved",
        body: "Good news: we approved your return for order {order}. We'll let you know how to send the items back.",
      },
      fr: {
        subject: "Votre retour pour {order} est accepté",
        heading: "Votre retour est accepté",
        body: "Bonne nouvelle : nous avons accepté votre retour pour la commande {order}. Nous vous dirons comment nous renvoyer les articles.",
      },
      de: {
        subject: "Deine Rücksendung für {order} ist genehmigt",
        heading: "Deine Rücksendung ist genehmigt",
        body: "Gute Nachrichten: Wir haben deine Rücksendung für die Bestellung {order} genehmigt. Wir sagen dir, wie du die Artikel zurückschickst.",
      },
      es: {
        subject: "Tu devolución de {order} está aprobada",
        heading: "Tu devolución está aprobada",
        body: "Buenas noticias: hemos aprobado tu devolución del pedido {order}. Te diremos cómo enviarnos los artículos.",
      },
    },
  },
  "return.declined": {
    category: "transactional",
    data: ReturnEmailData,
    texts: {
      en: {
        subject: "About your return for {order}",
        heading: "We can't accept this return",
        body: "We're sorry, we can't accept your return for order {order}.\n\n{reason}\n\nReply to this email if you have any questions.",
      },
      fr: {
        subject: "À propos de votre retour pour {order}",
        heading: "Nous ne pouvons pas accepter ce retour",
        body: "Nous sommes désolés, nous ne pouvons pas accepter votre retour pour la commande {order}.\n\n{reason}\n\nRépondez à cet e-mail pour toute question.",
      },
      de: {
        subject: "Zu deiner Rücksendung für {order}",
        heading: "Wir können diese Rücksendung nicht annehmen",
        body: "Es tut uns leid, wir können deine Rücksendung für die Bestellung {order} nicht annehmen.\n\n{reason}\n\nAntworte einfach auf diese E-Mail, wenn du Fragen hast.",
      },
      es: {
        subject: "Sobre tu devolución de {order}",
        heading: "No podemos aceptar esta devolución",
        body: "Lo sentimos, no podemos aceptar tu devolución del pedido {order}.\n\n{reason}\n\nResponde a este correo si tienes alguna pregunta.",
      },
    },
  },
  "return.label_ready": {
    category: "transactional",
    data: ReturnEmailData,
    texts: {
      en: {
        subject: "Your return label for {order}",
        heading: "Your prepaid return label",
        body: "Your return label for order {order} is ready. Print it, stick it on the parcel and drop it off with the carrier.",
      },
      fr: {
        subject: "Votre étiquette de retour pour {order}",
        heading: "Votre étiquette de retour prépayée",
        body: "Votre étiquette de retour pour la commande {order} est prête. Imprimez-la, collez-la sur le colis et déposez-le chez le transporteur.",
      },
      de: {
        subject: "Dein Rücksendeetikett für {order}",
        heading: "Dein frankiertes Rücksendeetikett",
        body: "Dein Rücksendeetikett für die Bestellung {order} ist bereit. Drucke es aus, klebe es auf das Paket und gib es beim Versanddienstleister ab.",
      },
      es: {
        subject: "Tu etiqueta de devolución para {order}",
        heading: "Tu etiqueta de devolución prepagada",
        body: "Tu etiqueta de devolución del pedido {order} está lista. Imprímela, pégala en el paquete y entrégalo al transportista.",
      },
    },
  },
  "return.refunded": {
    category: "transactional",
    data: ReturnEmailData,
    texts: {
      en: {
        subject: "Your return for {order} is processed",
        heading: "Your return is processed",
        body: "We received and processed your return for order {order}. {amount} is on its way back to you.",
      },
      fr: {
        subject: "Votre retour pour {order} est traité",
        heading: "Votre retour est traité",
        body: "Nous avons reçu et traité votre retour pour la commande {order}. {amount} vous est reversé.",
      },
      de: {
        subject: "Deine Rücksendung für {order} ist bearbeitet",
        heading: "Deine Rücksendung ist bearbeitet",
        body: "Wir haben deine Rücksendung für die Bestellung {order} erhalten und bearbeitet. {amount} sind auf dem Weg zu dir zurück.",
      },
      es: {
        subject: "Tu devolución de {order} está procesada",
        heading: "Tu devolución está procesada",
        body: "Hemos recibido y procesado tu devolución del pedido {order}. Te devolvemos {amount}.",
      },
    },
  },
  "digest.weekly": {
    category: "transactional",
    data: WeeklyDigestData,
    texts: {
      en: {
        subject: "Your week at {shop}: {from} – {to}",
        heading: "Your week at a glance",
        body: "Here is how {from} – {to} went, against the week before.",
      },
      fr: {
        subject: "Votre semaine chez {shop} : {from} – {to}",
        heading: "Votre semaine en un coup d'œil",
        body: "Voici le bilan du {from} au {to}, comparé à la semaine précédente.",
      },
      de: {
        subject: "Deine Woche bei {shop}: {from} – {to}",
        heading: "Deine Woche auf einen Blick",
        body: "So lief die Zeit vom {from} bis {to}, verglichen mit der Vorwoche.",
      },
      es: {
        subject: "Tu semana en {shop}: {from} – {to}",
        heading: "Tu semana de un vistazo",
        body: "Así fue del {from} al {to}, comparado con la semana anterior.",
      },
    },
  },
} satisfies Record<string, TriggerDefinition>;

export type TriggerName = keyof typeof TRIGGERS;
export const TRIGGER_NAMES = Object.keys(TRIGGERS) as TriggerName[];

export function isTrigger(name: string): name is TriggerName {
  return name in TRIGGERS;
}

export function isShipmentTrigger(name: TriggerName) {
  return name.startsWith("shipment.");
}

export function isReturnTrigger(name: TriggerName) {
  return name.startsWith("return.");
}
