import type { ShopperLocale } from "../platform/i18n";

/** What the starter articles say, read from the shop's own settings and history. */
export interface ShopPolicyFacts {
  returnWindowDays: number;
  /** refund | store_credit | exchange | keep, as the return policy allows them. */
  resolutions: string[];
  /** Days from fulfillment to delivery over the shop's delivered shipments; null without any. */
  transit: { median: number; p90: number; delivered: number } | null;
  loyalty: {
    pointsPerUnit: number;
    currency: string;
    rewards: { name: string; points: number }[];
    expiryInactiveDays: number;
  } | null;
}

export interface StarterArticle {
  slug: string;
  kind: "article" | "faq";
  category: string;
  title: string;
  body: string;
  source: `starter:${string}`;
}

interface Words {
  categories: { returns: string; shipping: string; loyalty: string; orders: string };
  resolution: Record<string, string>;
  returnsTitle: string;
  returns: (days: number, resolutions: string) => string;
  shippingTitle: string;
  shipping: (median: number, p90: number, delivered: number) => string;
  shippingUnknown: string;
  loyaltyTitle: string;
  loyalty: (perUnit: number, currency: string, rewards: string, expiryDays: number) => string;
  reward: (name: string, points: number) => string;
  trackTitle: string;
  track: string;
  startReturnTitle: string;
  startReturn: (days: number) => string;
}

const WORDS: Record<ShopperLocale, Words> = {
  en: {
    categories: { returns: "Returns", shipping: "Shipping", loyalty: "Rewards", orders: "Orders" },
    resolution: {
      refund: "a refund",
      store_credit: "store credit",
      exchange: "an exchange",
      keep: "keeping the item",
    },
    returnsTitle: "Our return policy",
    returns: (days, resolutions) =>
      `You can return items within **${days} days** of delivery.\n\nDepending on the item you can choose ${resolutions}.\n\nStart a return in the [returns portal](returns) with your order number and email: it shows what each item can be returned for.`,
    shippingTitle: "How long does delivery take?",
    shipping: (median, p90, delivered) =>
      `Most orders arrive **${median} days** after they ship, and 9 in 10 within **${p90} days** (measured over our last ${delivered} delivered parcels).\n\nFollow your parcel on the [tracking page](track).`,
    shippingUnknown:
      "Delivery times depend on your address and the carrier. Follow your parcel on the [tracking page](track).",
    loyaltyTitle: "Points and rewards",
    loyalty: (perUnit, currency, rewards, expiryDays) =>
      `Every order earns **${perUnit} point${perUnit === 1 ? "" : "s"} per ${currency}** spent, added once the return window has closed.\n\nSpend them on:\n\n${rewards}\n\nPoints expire after ${expiryDays} days without activity.`,
    reward: (name, points) => `- ${name}: ${points} points`,
    trackTitle: "Where is my order?",
    track:
      "Enter your order number and email on the [tracking page](track) to see where your parcel is and when it should arrive.",
    startReturnTitle: "How do I return an item?",
    startReturn: (days) =>
      `Open the [returns portal](returns), enter your order number and email, and choose the items. You have ${days} days from delivery.`,
  },
  fr: {
    categories: {
      returns: "Retours",
      shipping: "Livraison",
      loyalty: "Récompenses",
      orders: "Commandes",
    },
    resolution: {
      refund: "un remboursement",
      store_credit: "un avoir",
      exchange: "un échange",
      keep: "garder l'article",
    },
    returnsTitle: "Notre politique de retour",
    returns: (days, resolutions) =>
      `Vous pouvez retourner un article dans les **${days} jours** suivant la livraison.\n\nSelon l'article, vous pouvez choisir ${resolutions}.\n\nDémarrez un retour sur le [portail des retours](returns) avec votre numéro de commande et votre e-mail : il indique ce que permet chaque article.`,
    shippingTitle: "Combien de temps prend la livraison ?",
    shipping: (median, p90, delivered) =>
      `La plupart des commandes arrivent **${median} jours** après l'expédition, et 9 sur 10 en **${p90} jours** au plus (mesuré sur nos ${delivered} derniers colis livrés).\n\nSuivez votre colis sur la [page de suivi](track).`,
    shippingUnknown:
      "Les délais dépendent de votre adresse et du transporteur. Suivez votre colis sur la [page de suivi](track).",
    loyaltyTitle: "Points et récompenses",
    loyalty: (perUnit, currency, rewards, expiryDays) =>
      `Chaque commande rapporte **${perUnit} point${perUnit === 1 ? "" : "s"} par ${currency}** dépensé, crédités à la fin du délai de retour.\n\nÉchangez-les contre :\n\n${rewards}\n\nLes points expirent après ${expiryDays} jours sans activité.`,
    reward: (name, points) => `- ${name} : ${points} points`,
    trackTitle: "Où est ma commande ?",
    track:
      "Saisissez votre numéro de commande et votre e-mail sur la [page de suivi](track) pour savoir où est votre colis et quand il arrivera.",
    startReturnTitle: "Comment retourner un article ?",
    startReturn: (days) =>
      `Ouvrez le [portail des retours](returns), saisissez votre numéro de commande et votre e-mail, puis choisissez les articles. Vous avez ${days} jours après la livraison.`,
  },
  de: {
    categories: {
      returns: "Rücksendungen",
      shipping: "Versand",
      loyalty: "Prämien",
      orders: "Bestellungen",
    },
    resolution: {
      refund: "eine Erstattung",
      store_credit: "ein Guthaben",
      exchange: "einen Umtausch",
      keep: "den Artikel behalten",
    },
    returnsTitle: "Unsere Rückgaberichtlinie",
    returns: (days, resolutions) =>
      `Sie können Artikel innerhalb von **${days} Tagen** nach der Zustellung zurückgeben.\n\nJe nach Artikel wählen Sie ${resolutions}.\n\nStarten Sie eine Rücksendung im [Rücksendeportal](returns) mit Bestellnummer und E-Mail-Adresse: Dort sehen Sie, was für jeden Artikel möglich ist.`,
    shippingTitle: "Wie lange dauert die Lieferung?",
    shipping: (median, p90, delivered) =>
      `Die meisten Bestellungen kommen **${median} Tage** nach dem Versand an, 9 von 10 innerhalb von **${p90} Tagen** (gemessen an unseren letzten ${delivered} zugestellten Paketen).\n\nVerfolgen Sie Ihr Paket auf der [Sendungsverfolgung](track).`,
    shippingUnknown:
      "Die Lieferzeit hängt von Ihrer Adresse und dem Versanddienst ab. Verfolgen Sie Ihr Paket auf der [Sendungsverfolgung](track).",
    loyaltyTitle: "Punkte und Prämien",
    loyalty: (perUnit, currency, rewards, expiryDays) =>
      `Jede Bestellung bringt **${perUnit} ${perUnit === 1 ? "Punkt" : "Punkte"} pro ${currency}**, gutgeschrieben nach Ablauf der Rückgabefrist.\n\nLösen Sie sie ein für:\n\n${rewards}\n\nPunkte verfallen nach ${expiryDays} Tagen ohne Aktivität.`,
    reward: (name, points) => `- ${name}: ${points} Punkte`,
    trackTitle: "Wo ist meine Bestellung?",
    track:
      "Geben Sie Bestellnummer und E-Mail-Adresse auf der [Sendungsverfolgung](track) ein, um zu sehen, wo Ihr Paket ist und wann es ankommt.",
    startReturnTitle: "Wie sende ich einen Artikel zurück?",
    startReturn: (days) =>
      `Öffnen Sie das [Rücksendeportal](returns), geben Sie Bestellnummer und E-Mail-Adresse ein und wählen Sie die Artikel. Sie haben ${days} Tage ab Zustellung.`,
  },
  es: {
    categories: {
      returns: "Devoluciones",
      shipping: "Envíos",
      loyalty: "Recompensas",
      orders: "Pedidos",
    },
    resolution: {
      refund: "un reembolso",
      store_credit: "crédito en tienda",
      exchange: "un cambio",
      keep: "quedarte el artículo",
    },
    returnsTitle: "Nuestra política de devoluciones",
    returns: (days, resolutions) =>
      `Puedes devolver artículos en los **${days} días** siguientes a la entrega.\n\nSegún el artículo, puedes elegir ${resolutions}.\n\nInicia una devolución en el [portal de devoluciones](returns) con tu número de pedido y tu e-mail: verás qué admite cada artículo.`,
    shippingTitle: "¿Cuánto tarda la entrega?",
    shipping: (median, p90, delivered) =>
      `La mayoría de los pedidos llegan **${median} días** después del envío, y 9 de cada 10 en **${p90} días** como máximo (medido sobre nuestros últimos ${delivered} paquetes entregados).\n\nSigue tu paquete en la [página de seguimiento](track).`,
    shippingUnknown:
      "El plazo depende de tu dirección y del transportista. Sigue tu paquete en la [página de seguimiento](track).",
    loyaltyTitle: "Puntos y recompensas",
    loyalty: (perUnit, currency, rewards, expiryDays) =>
      `Cada pedido suma **${perUnit} punto${perUnit === 1 ? "" : "s"} por cada ${currency}** gastado, abonados al cerrarse el plazo de devolución.\n\nCanjéalos por:\n\n${rewards}\n\nLos puntos caducan tras ${expiryDays} días sin actividad.`,
    reward: (name, points) => `- ${name}: ${points} puntos`,
    trackTitle: "¿Dónde está mi pedido?",
    track:
      "Introduce tu número de pedido y tu e-mail en la [página de seguimiento](track) para ver dónde está tu paquete y cuándo llegará.",
    startReturnTitle: "¿Cómo devuelvo un artículo?",
    startReturn: (days) =>
      `Abre el [portal de devoluciones](returns), introduce tu número de pedido y tu e-mail y elige los artículos. Tienes ${days} días desde la entrega.`,
  },
};

/** "a, b or c" in the language's own words for "or". */
function listOf(items: string[], locale: ShopperLocale): string {
  return new Intl.ListFormat(locale, { type: "disjunction" }).format(items);
}

/** Days rounded to half a day up, so "2.5 days" never understates a wait. */
function days(value: number): number {
  return Math.max(1, Math.ceil(value * 2) / 2);
}

/**
 * The help center's first articles in one language, written from the shop's own policies and
 * delivery history; the merchant edits them like any other.
 */
export function starterArticles(facts: ShopPolicyFacts, locale: ShopperLocale): StarterArticle[] {
  const words = WORDS[locale];
  const resolutions = listOf(
    facts.resolutions.map((resolution) => words.resolution[resolution] ?? resolution),
    locale,
  );
  const articles: StarterArticle[] = [
    {
      slug: "returns",
      kind: "article",
      category: words.categories.returns,
      title: words.returnsTitle,
      body: words.returns(facts.returnWindowDays, resolutions),
      source: "starter:returns",
    },
    {
      slug: "shipping-times",
      kind: "article",
      category: words.categories.shipping,
      title: words.shippingTitle,
      body: facts.transit
        ? words.shipping(
            days(facts.transit.median),
            days(facts.transit.p90),
            facts.transit.delivered,
          )
        : words.shippingUnknown,
      source: "starter:shipping",
    },
    {
      slug: "where-is-my-order",
      kind: "faq",
      category: words.categories.orders,
      title: words.trackTitle,
      body: words.track,
      source: "starter:shipping",
    },
    {
      slug: "how-to-return",
      kind: "faq",
      category: words.categories.returns,
      title: words.startReturnTitle,
      body: words.startReturn(facts.returnWindowDays),
      source: "starter:returns",
    },
  ];
  if (facts.loyalty) {
    const { pointsPerUnit, currency, rewards, expiryInactiveDays } = facts.loyalty;
    articles.push({
      slug: "points-and-rewards",
      kind: "article",
      category: words.categories.loyalty,
      title: words.loyaltyTitle,
      body: words.loyalty(
        pointsPerUnit,
        currency,
        rewards.map((reward) => words.reward(reward.name, reward.points)).join("\n"),
        expiryInactiveDays,
      ),
      source: "starter:loyalty",
    });
  }
  return articles;
}
