import { randomUUID } from "node:crypto";
import { renderToStaticMarkup } from "react-dom/server";
import { db } from "../../db.server";
import { negotiateLocale, type ShopperLocale } from "../../platform/i18n";
import { hasControlCharacters } from "../../platform/typed-text";
import { readToken, signToken } from "../../platform/signed-token.server";
import { fileStorage } from "../../platform/storage/storage.server";
import { ShopSettingsSchema, shopProfile } from "../../shops/index.server";
import { preparePhotos, type UploadedPhoto } from "../photos.server";
import { RESOLUTIONS } from "../policy";
import {
  ReturnSubmissionSchema,
  findReturnableOrder,
  submitReturn,
  type ReturnableOrder,
} from "../returns.server";
import {
  confirmShopNow,
  exchangeItems,
  searchCatalog,
  shopNowOffer,
  type ShopNowVariant,
} from "../shop-now.server";
import { explanationText, returnsTranslator, type ReturnsMessageKey } from "./messages";
import { returnOptions } from "./portal.server";
import {
  ReturnsPage,
  type LineChoice,
  type PortalReturn,
  type PortalView,
  type ReturnsPageProps,
} from "./ReturnsPage";

/**
 * The storefront returns portal as pages (App Proxy, Liquid): find the order by number + email,
 * choose items, reasons, outcomes and photos, submit, then follow the return on a signed link.
 * Plain forms, so it works in every theme and without JavaScript.
 */

const STATUS_TOKEN = "return-status";
const LABEL_TOKEN = "return-label";

export interface PortalPage {
  status: 200 | 303 | 400 | 404 | 409 | 413 | 422 | 429 | 503;
  html: string;
  location?: string;
  retryAfterSeconds?: number;
}

interface PageContext {
  shopDomain: string;
  /** Spends one shopper lookup of the request's budget: the seconds to wait when over it, or null. */
  spendLookup: () => Promise<number | null>;
  acceptLanguage: string | null;
  formAction: string;
  storefrontPath: string;
}

type PageError = ReturnsPageProps["error"];

async function render(
  context: PageContext,
  locale: ShopperLocale,
  view: PortalView,
  status: PortalPage["status"],
  error: PageError = null,
): Promise<PortalPage> {
  const shop = await shopProfile(context.shopDomain);
  const html = renderToStaticMarkup(
    ReturnsPage({
      locale,
      branding: shop?.branding ?? ShopSettingsSchema.parse({}).branding,
      shopName: shop?.name ?? context.shopDomain,
      formAction: context.formAction,
      error,
      view,
    }),
  );
  return { status, html };
}

const lookupView = (orderNumber = "", email = ""): PortalView => ({
  kind: "lookup",
  orderNumber,
  email,
});

/** GET: the lookup form, or a return's status from its signed link. */
export async function portalGet(
  context: PageContext,
  search: URLSearchParams,
  refusal: "tooLarge" | "unreadableForm" | null = null,
) {
  const locale = negotiateLocale([search.get("locale")], context.acceptLanguage);
  if (refusal) {
    const status = refusal === "tooLarge" ? 413 : 400;
    return render(context, locale, lookupView(), status, { key: refusal });
  }
  const token = search.get("status");
  if (token) {
    const ret = await returnFromToken(context.shopDomain, token, context.formAction);
    if (!ret) return render(context, locale, lookupView(), 404, { key: "notFound" });
    if (search.get("shopnow")) {
      const shopLocale = negotiateLocale(
        [search.get("locale"), ret.locale],
        context.acceptLanguage,
      );
      return shopNowPage(context, shopLocale, token, ret.view, search.get("q") ?? "");
    }
    return render(
      context,
      negotiateLocale([search.get("locale"), ret.locale], context.acceptLanguage),
      { kind: "status", ret: ret.view },
      200,
    );
  }
  // A link can fill in the order's name (a survey's "start a return" offer).
  const orderNumber = (search.get("order") ?? "").trim().slice(0, 40);
  return render(context, locale, lookupView(orderNumber, ""), 200);
}

/** POST: the lookup (step=lookup) or the submission (step=submit, multipart with photos). */
export async function portalPost(context: PageContext, form: FormData, now = new Date()) {
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value.trim() : "";
  };
  const locale = negotiateLocale([field("locale")], context.acceptLanguage);
  if (field("step") === "shopnow") return shopNowConfirm(context, locale, field);
  const orderNumber = field("order").slice(0, 40);
  const email = field("email").slice(0, 254);
  if (!orderNumber || !email) {
    return render(context, locale, lookupView(orderNumber, email), 400, { key: "missingFields" });
  }
  if (hasControlCharacters(orderNumber) || hasControlCharacters(email)) {
    return render(context, locale, lookupView(orderNumber, email), 400, {
      key: "invalidCharacters",
    });
  }
  const wait = await context.spendLookup();
  if (wait !== null) {
    const page = await render(context, locale, lookupView(orderNumber, email), 429, {
      key: "tooMany",
      values: { seconds: wait },
    });
    return { ...page, retryAfterSeconds: wait };
  }
  let order: ReturnableOrder | null;
  try {
    order = await findReturnableOrder(context.shopDomain, orderNumber, email);
  } catch {
    // Shopify did not answer for the catalog: the policy cannot be applied honestly without it.
    return render(context, locale, lookupView(orderNumber, email), 503, { key: "unavailable" });
  }
  // A wrong email and an order that does not exist get the same answer.
  if (!order) {
    return render(context, locale, lookupView(orderNumber, email), 404, { key: "notFound" });
  }
  const options = await returnOptions(context.shopDomain, order, now);
  const choose = (
    choices: Record<string, LineChoice>,
    errors: string[],
    note = "",
    idempotencyKey: string = randomUUID(),
  ): PortalView => ({
    kind: "choose",
    orderNumber,
    email,
    idempotencyKey,
    options,
    choices,
    note,
    errors,
  });
  if (field("step") !== "submit") return render(context, locale, choose({}, []), 200);

  const t = returnsTranslator(locale);
  const choices = lineChoices(
    form,
    options.lines.map((line) => line.lineItemId),
  );
  const note = field("note").slice(0, 1000);
  const chosen = Object.entries(choices).filter(([, choice]) => choice.selected);
  const titleOf = (lineItemId: string | null) =>
    options.lines.find((line) => line.lineItemId === lineItemId)?.title ?? "";
  const refuse = (messages: string[]) =>
    render(context, locale, choose(choices, messages, note), 422);
  if (chosen.length === 0) return refuse([t("nothingChosen")]);
  const unreasoned = chosen.filter(([, choice]) => !choice.reason);
  if (unreasoned.length) {
    return refuse(unreasoned.map(([id]) => `${titleOf(id)}: ${t("chooseReason")}`));
  }

  const submission = ReturnSubmissionSchema.safeParse({
    idempotencyKey: field("idempotencyKey"),
    note: note || undefined,
    locale,
    lines: chosen.map(([lineItemId, choice]) => ({
      lineItemId,
      quantity: choice.quantity,
      reason: choice.reason,
      resolution: (RESOLUTIONS as readonly string[]).includes(choice.resolution)
        ? choice.resolution
        : "refund",
      exchangeVariantId:
        choice.resolution === "exchange" && choice.variantId ? choice.variantId : undefined,
      customerNote: choice.note || undefined,
    })),
  });
  if (!submission.success) return refuse([t("ex_alreadyUsed")]);

  const uploads: UploadedPhoto[] = [];
  for (const [lineItemId] of chosen) {
    for (const file of form.getAll(`line.${lineItemId}.photos`)) {
      if (typeof file === "string" || file.size === 0) continue;
      uploads.push({
        lineItemId,
        contentType: file.type,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
    }
  }
  const photos = await preparePhotos(uploads);
  if (!photos.ok) return refuse([t(`photo_${photos.problem}` as ReturnsMessageKey)]);

  const result = await submitReturn(
    context.shopDomain,
    order,
    submission.data,
    "portal",
    now,
    photos.photos,
  );
  if (!result.ok) {
    return refuse(
      result.errors.map((error) => {
        const text = explanationText(t, error.message);
        return error.lineItemId ? `${titleOf(error.lineItemId)}: ${text}` : text;
      }),
    );
  }
  // Post/redirect/get: the status page gets an address the shopper can keep and reload.
  const token = statusToken(context.shopDomain, result.returnId);
  return {
    status: 303,
    html: "",
    location: `${context.storefrontPath}?status=${encodeURIComponent(token)}&locale=${locale}`,
  } satisfies PortalPage;
}

function lineChoices(form: FormData, lineItemIds: string[]): Record<string, LineChoice> {
  const value = (id: string, name: string) => {
    const entry = form.get(`line.${id}.${name}`);
    return typeof entry === "string" ? entry.trim() : "";
  };
  return Object.fromEntries(
    lineItemIds.map((id) => [
      id,
      {
        selected: value(id, "selected") !== "",
        quantity: Number.parseInt(value(id, "quantity"), 10) || 1,
        reason: value(id, "reason").slice(0, 60),
        resolution: value(id, "resolution"),
        variantId: value(id, "variant"),
        note: value(id, "note").slice(0, 300),
      },
    ]),
  );
}

/** The link a shopper keeps to follow their return (also used in return emails). */
export function statusToken(shopDomain: string, returnId: string) {
  return signToken(STATUS_TOKEN, `${shopDomain} ${returnId}`);
}

function returnIdFrom(purpose: string, shopDomain: string, token: string): string | null {
  const value = readToken(purpose, token);
  if (!value) return null;
  const [tokenShop, returnId] = value.split(" ");
  return tokenShop === shopDomain && returnId ? returnId : null;
}

/** The shop-now page: the credit, the search and what is on sale now (from a status link). */
async function shopNowPage(
  context: PageContext,
  locale: ShopperLocale,
  token: string,
  ret: PortalReturn & { id: string },
  rawQuery: string,
  status: PortalPage["status"] = 200,
  error: PageError = null,
): Promise<PortalPage> {
  const statusHref = `${context.formAction}?status=${encodeURIComponent(token)}&locale=${locale}`;
  const offer = await shopNowOffer(context.shopDomain, ret.id);
  if (!offer) {
    return render(context, locale, { kind: "status", ret }, 409, { key: "shopNow_notOffered" });
  }
  const query = rawQuery.trim().slice(0, 80);
  let results: ShopNowVariant[] | null = null;
  if (query && !hasControlCharacters(query)) {
    try {
      results = await searchCatalog(context.shopDomain, query, offer.currency);
    } catch {
      return render(context, locale, { kind: "status", ret }, 503, { key: "unavailable" });
    }
  }
  return render(
    context,
    locale,
    {
      kind: "shopNow",
      orderName: ret.orderName,
      statusToken: token,
      currency: offer.currency,
      returnedValue: offer.returnedValue,
      bonus: offer.bonus,
      credit: offer.credit,
      instant: offer.instant,
      query,
      results,
      backHref: statusHref,
    },
    status,
    error,
  );
}

/** POST step=shopnow: the chosen variant, checked again against Shopify's stock. */
async function shopNowConfirm(
  context: PageContext,
  locale: ShopperLocale,
  field: (name: string) => string,
): Promise<PortalPage> {
  const token = field("status");
  const ret = await returnFromToken(context.shopDomain, token, context.formAction);
  if (!ret) return render(context, locale, lookupView(), 404, { key: "notFound" });
  let result;
  try {
    result = await confirmShopNow(context.shopDomain, ret.view.id, {
      variantId: field("variant"),
      quantity: Number.parseInt(field("quantity"), 10) || 1,
      instant: field("mode") === "instant",
    });
  } catch {
    return shopNowPage(context, locale, token, ret.view, field("q"), 503, { key: "unavailable" });
  }
  if (!result.ok) {
    if (result.problem === "soldOut") {
      return shopNowPage(context, locale, token, ret.view, field("q"), 409, {
        key: "shopNow_soldOut",
      });
    }
    const key = result.problem === "shopify" ? "unavailable" : "shopNow_notOffered";
    return render(context, locale, { kind: "status", ret: ret.view }, 409, { key });
  }
  return {
    status: 303,
    html: "",
    location: `${context.storefrontPath}?status=${encodeURIComponent(token)}&locale=${locale}`,
  };
}

async function returnFromToken(
  shopDomain: string,
  token: string,
  formAction: string,
): Promise<{ view: PortalReturn & { id: string }; locale: string | null } | null> {
  const returnId = returnIdFrom(STATUS_TOKEN, shopDomain, token);
  if (!returnId) return null;
  const ret = await db.returnRequest.findFirst({
    where: { id: returnId, shopDomain },
    include: {
      lines: true,
      labels: { orderBy: { createdAt: "desc" }, take: 1 },
      events: { orderBy: { occurredAt: "asc" } },
      exchange: true,
    },
  });
  if (!ret) return null;
  const label = ret.labels[0];
  const offer = await shopNowOffer(shopDomain, ret.id);
  return {
    locale: ret.locale,
    view: {
      id: ret.id,
      shopNow: offer
        ? {
            credit: offer.credit,
            href: `${formAction}?status=${encodeURIComponent(token)}&shopnow=1${ret.locale ? `&locale=${ret.locale}` : ""}`,
          }
        : null,
      exchange: ret.exchange
        ? {
            status: ret.exchange.status,
            instant: ret.exchange.instant,
            items: exchangeItems(ret.exchange.items).map((item) => ({
              title: `${item.productTitle} – ${item.variantTitle}`,
              quantity: item.quantity,
            })),
            upcharge: ret.exchange.upcharge,
            remainder: ret.exchange.remainder,
            remainderAs: ret.exchange.remainderAs,
            invoiceUrl: ret.exchange.invoiceUrl,
            orderName: ret.exchange.orderName,
          }
        : null,
      orderName: ret.orderName,
      status: ret.status,
      declineReason: ret.declineReason,
      currency: ret.currency,
      lines: ret.lines.map((line) => ({
        title: line.title,
        variantTitle: line.variantTitle,
        quantity: line.quantity,
        resolution: line.resolution,
        amount: line.amount,
        exchangeVariantTitle: line.exchangeVariantTitle,
      })),
      label: label
        ? {
            trackingNumber: label.trackingNumber,
            trackingUrl: label.trackingUrl,
            downloadUrl: label.storageKey
              ? `?label=${encodeURIComponent(signToken(LABEL_TOKEN, `${shopDomain} ${ret.id}`))}`
              : null,
          }
        : null,
      events: ret.events.map((event) => ({
        kind: event.kind,
        at: event.occurredAt.toISOString(),
        detail: event.kind === "declined" ? null : event.detail,
      })),
    },
  };
}

/** The return label PDF behind a signed link from the status page. */
export async function labelFile(shopDomain: string, token: string) {
  const returnId = returnIdFrom(LABEL_TOKEN, shopDomain, token);
  if (!returnId) return null;
  const label = await db.returnLabel.findFirst({
    where: { returnId, shopDomain, storageKey: { not: null } },
    orderBy: { createdAt: "desc" },
  });
  if (!label?.storageKey) return null;
  return fileStorage().get(label.storageKey);
}
