import { Fragment } from "react";
import type { ShopperLocale } from "../../platform/i18n";
import { dateTimeFormat } from "../../platform/intl";
import { formatMoney } from "../../platform/shopify/money";
import type { ShopperShipment, ShopperTracking } from "../lookup.server";
import {
  DEFAULT_TRACKING_PAGE_LAYOUT,
  isShown,
  trackingPageBlocks,
  type TrackingPageLayout,
  type TrackingPageSection,
} from "../page-layout";
import { tagMessageKey, trackingTranslator, type TrackingMessageKey } from "./messages";

export interface TrackingPageProps {
  locale: ShopperLocale;
  branding: { logoUrl: string | null; primaryColor: string; accentColor: string };
  shopName: string;
  /** Where the form posts: the page's own storefront path. */
  formAction: string;
  form: { orderNumber: string; email: string; trackingNumber: string };
  error: { key: TrackingMessageKey; values?: Record<string, number> } | null;
  result: ShopperTracking | null;
  /** "You may also like" for the order looked up; their links record the click. */
  recommendations?: PageRecommendation[];
  /** The merchant's offer, only while its schedule runs. */
  offer?: { code: string; headline: string } | null;
  /** The merchant's arrangement of the sections; the default shows them all. */
  layout?: TrackingPageLayout;
}

export interface PageRecommendation {
  title: string;
  imageUrl: string | null;
  /** Minor units of `currency`. */
  price: number;
  currency: string;
  clickUrl: string;
}

type T = ReturnType<typeof trackingTranslator>;

const STEPS: TrackingMessageKey[] = [
  "stepShipped",
  "stepInTransit",
  "stepOutForDelivery",
  "stepDelivered",
];

/** How far along the four steps a status is (-1: not shipped yet). */
function stepReached(tag: string): number {
  switch (tag) {
    case "Pending":
      return -1;
    case "InfoReceived":
      return 0;
    case "OutForDelivery":
    case "AvailableForPickup":
    case "AttemptFail":
      return 2;
    case "Delivered":
      return 3;
    default:
      return 1;
  }
}

function formatters(locale: ShopperLocale) {
  return {
    scan: (iso: string, utcOffset: string | null) =>
      dateTimeFormat(locale, {
        dateStyle: "medium",
        timeStyle: "short",
        timeZone: utcOffset ?? "UTC",
      }).format(new Date(iso)),
    day: (iso: string) =>
      dateTimeFormat(locale, {
        weekday: "long",
        month: "long",
        day: "numeric",
        timeZone: "UTC",
      }).format(new Date(iso)),
  };
}

const STYLES = `
.ac-track{--ac-primary:#1f2937;--ac-accent:#008060;max-width:40rem;margin:0 auto;padding:1rem;color:var(--ac-primary);font:inherit;line-height:1.5}
.ac-track *{box-sizing:border-box}
.ac-track h1{font-size:1.5rem;margin:0 0 .5rem}
.ac-track h2{font-size:1.2rem;margin:0 0 .25rem}
.ac-track h3{font-size:1rem;margin:1rem 0 .5rem}
.ac-track form{display:grid;gap:.75rem;margin:1rem 0 1.5rem}
.ac-track label{display:grid;gap:.25rem;font-weight:600}
.ac-track input{font:inherit;padding:.6rem .75rem;border:1px solid #8a8f98;border-radius:.5rem;width:100%}
.ac-track input:focus,.ac-track button:focus,.ac-track a:focus{outline:3px solid var(--ac-accent);outline-offset:2px}
.ac-track button{font:inherit;font-weight:600;padding:.7rem 1rem;border:0;border-radius:.5rem;background:var(--ac-accent);color:#fff;cursor:pointer}
.ac-track .ac-or{text-align:center;color:#4b5563;margin:0}
.ac-track .ac-error{border-left:4px solid #b42318;background:#fef3f2;padding:.75rem 1rem;border-radius:.25rem}
.ac-track .ac-shipment{border:1px solid #d1d5db;border-radius:.75rem;padding:1rem;margin:0 0 1rem}
.ac-track .ac-status{font-size:1.25rem;font-weight:700;margin:.25rem 0}
.ac-track .ac-steps{display:grid;grid-template-columns:repeat(4,1fr);gap:.25rem;list-style:none;padding:0;margin:.75rem 0;font-size:.8rem}
.ac-track .ac-steps li{border-top:4px solid #d1d5db;padding-top:.25rem}
.ac-track .ac-steps li.ac-done{border-color:var(--ac-accent);font-weight:600}
.ac-track .ac-timeline{list-style:none;padding:0;margin:0;border-left:2px solid #d1d5db}
.ac-track .ac-timeline li{padding:0 0 .75rem 1rem;position:relative}
.ac-track .ac-timeline li::before{content:"";position:absolute;left:-7px;top:.45rem;width:12px;height:12px;border-radius:50%;background:#d1d5db}
.ac-track .ac-timeline li:first-child::before{background:var(--ac-accent)}
.ac-track .ac-muted{color:#4b5563;font-size:.875rem}
.ac-track .ac-logo{max-height:3rem;max-width:12rem;display:block;margin:0 0 1rem}
.ac-track .ac-recs{list-style:none;padding:0;margin:.5rem 0 1.5rem;display:grid;grid-template-columns:repeat(auto-fill,minmax(8.5rem,1fr));gap:.75rem}
.ac-track .ac-recs a{display:grid;gap:.25rem;color:inherit;text-decoration:none;border:1px solid #d1d5db;border-radius:.75rem;padding:.5rem}
.ac-track .ac-recs a:hover span{text-decoration:underline}
.ac-track .ac-recs img{width:100%;aspect-ratio:1;object-fit:cover;border-radius:.5rem}
.ac-track .ac-offer{border:2px dashed var(--ac-accent);border-radius:.75rem;padding:.75rem 1rem;margin:0 0 1rem}
.ac-track .ac-offer p{margin:.25rem 0}
.ac-track .ac-help{margin:0 0 1.5rem}
.ac-track .ac-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (min-width:40rem){.ac-track form{grid-template-columns:1fr 1fr}.ac-track form .ac-wide{grid-column:1/-1}}
`;

/** The branded storefront tracking page, rendered inside the merchant's theme (App Proxy, Liquid). */
export function TrackingPage(props: TrackingPageProps) {
  const t = trackingTranslator(props.locale);
  const { branding, result } = props;
  const layout = props.layout ?? DEFAULT_TRACKING_PAGE_LAYOUT;
  const style = `--ac-primary:${branding.primaryColor};--ac-accent:${branding.accentColor}`;
  return (
    <div className="ac-track" lang={props.locale} style={cssVariables(style)}>
      <style>{STYLES}</style>
      {branding.logoUrl ? (
        <img className="ac-logo" src={branding.logoUrl} alt={props.shopName} />
      ) : null}
      <h1>{result?.orderName ? t("order", { name: result.orderName }) : t("title")}</h1>
      {props.error ? (
        <p className="ac-error" role="alert">
          {t(props.error.key, props.error.values)}
        </p>
      ) : null}
      {result
        ? trackingPageBlocks(layout).map((block) =>
            block.kind === "shipments" ? (
              <Result
                key="shipments"
                result={result}
                parts={block.parts}
                t={t}
                locale={props.locale}
              />
            ) : (
              <PageSection key={block.id} id={block.id} {...props} t={t} />
            ),
          )
        : null}
      {result ? <h2>{t("lookupAnother")}</h2> : <p>{t("intro")}</p>}
      <LookupForm {...props} t={t} />
      {!result && isShown(layout, "help") ? <HelpLink t={t} /> : null}
    </div>
  );
}

function PageSection({ id, t, ...props }: TrackingPageProps & { id: TrackingPageSection; t: T }) {
  switch (id) {
    case "offer":
      return props.offer ? (
        <aside className="ac-offer" aria-label={t("offerLabel")}>
          <p>
            <strong>{props.offer.headline}</strong>
          </p>
          <p>
            {t("offerCode", { code: props.offer.code })}{" "}
            <a href={`/discount/${encodeURIComponent(props.offer.code)}`}>{t("offerApply")}</a>
          </p>
        </aside>
      ) : null;
    case "recommendations":
      return props.recommendations?.length ? (
        <Recommendations products={props.recommendations} t={t} locale={props.locale} />
      ) : null;
    case "help":
      return <HelpLink t={t} />;
    default:
      return null;
  }
}

/** Relative, like the form: the help center beside this page, on the shopper's locale path. */
function HelpLink({ t }: { t: T }) {
  return (
    <p className="ac-help">
      {t("helpPrompt")} <a href="help">{t("helpLink")}</a>
    </p>
  );
}

/** React would drop a style string; CSS custom properties pass through as an object. */
function cssVariables(declarations: string) {
  return Object.fromEntries(
    declarations.split(";").map((declaration) => declaration.split(":") as [string, string]),
  ) as React.CSSProperties;
}

function LookupForm({ formAction, form, locale, t }: TrackingPageProps & { t: T }) {
  return (
    <form method="post" action={formAction} noValidate>
      <input type="hidden" name="locale" value={locale} />
      <label>
        {t("orderNumber")}
        <input
          name="order"
          defaultValue={form.orderNumber}
          inputMode="text"
          autoComplete="off"
          placeholder="#1001"
        />
      </label>
      <label>
        {t("email")}
        <input name="email" type="email" defaultValue={form.email} autoComplete="email" />
      </label>
      <p className="ac-or ac-wide">{t("or")}</p>
      <label className="ac-wide">
        {t("trackingNumber")}
        <input name="tracking" defaultValue={form.trackingNumber} autoComplete="off" />
      </label>
      <button className="ac-wide" type="submit">
        {t("submit")}
      </button>
    </form>
  );
}

function Result({
  result,
  parts,
  t,
  locale,
}: {
  result: ShopperTracking;
  parts: TrackingPageSection[];
  t: T;
  locale: ShopperLocale;
}) {
  if (result.shipments.length === 0) return <p>{t("notShippedYet")}</p>;
  return (
    <>
      {result.shipments.map((shipment, index) => (
        <Shipment
          key={`${shipment.trackingNumber}-${index}`}
          shipment={shipment}
          parts={parts}
          heading={
            result.shipments.length > 1
              ? t("shipmentOf", { index: index + 1, count: result.shipments.length })
              : null
          }
          t={t}
          locale={locale}
        />
      ))}
    </>
  );
}

function Shipment({
  shipment,
  parts,
  heading,
  t,
  locale,
}: {
  shipment: ShopperShipment;
  parts: TrackingPageSection[];
  heading: string | null;
  t: T;
  locale: ShopperLocale;
}) {
  const format = formatters(locale);
  const reached = stepReached(shipment.tag);
  const headingId = `ac-shipment-${shipment.trackingNumber}`;
  const estimate = (
    <>
      {shipment.deliveredAt ? (
        <p>{t("deliveredOn", { date: format.day(shipment.deliveredAt) })}</p>
      ) : shipment.estimate ? (
        <p>
          {t("estimatedDelivery")}:{" "}
          <strong>
            {shipment.estimate.earliest &&
            format.day(shipment.estimate.earliest) !== format.day(shipment.estimate.latest)
              ? `${format.day(shipment.estimate.earliest)} – ${format.day(shipment.estimate.latest)}`
              : format.day(shipment.estimate.latest)}
          </strong>
        </p>
      ) : null}
    </>
  );
  const progress = (
    <ol className="ac-steps" aria-label={t("progress")}>
      {STEPS.map((step, index) => (
        <li
          key={step}
          className={index <= reached ? "ac-done" : undefined}
          aria-current={index === reached ? "step" : undefined}
        >
          {t(step)}
        </li>
      ))}
    </ol>
  );
  const details = (
    <>
      {shipment.carrierUrl ? (
        <p>
          <a href={shipment.carrierUrl} rel="noopener noreferrer" target="_blank">
            {t("viewOnCarrier")}
          </a>
        </p>
      ) : null}
      {shipment.items.length > 0 ? (
        <>
          <h3>{t("items")}</h3>
          <ul>
            {shipment.items.map((item, index) => (
              <li key={index}>
                {item.quantity} × {item.title}
                {item.variantTitle ? ` – ${item.variantTitle}` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
  const timeline = (
    <>
      <h3>{t("timeline")}</h3>
      {shipment.checkpoints.length === 0 ? (
        <p className="ac-muted">{t("noScans")}</p>
      ) : (
        <ol className="ac-timeline">
          {shipment.checkpoints.map((checkpoint, index) => (
            <li key={index}>
              <strong>{checkpoint.message || t(tagMessageKey(checkpoint.tag))}</strong>
              <br />
              <span className="ac-muted">
                <time dateTime={checkpoint.at}>
                  {format.scan(checkpoint.at, checkpoint.utcOffset)}
                </time>
                {checkpoint.location ? ` · ${checkpoint.location}` : ""}
              </span>
            </li>
          ))}
        </ol>
      )}
    </>
  );
  return (
    <section className="ac-shipment" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading ?? t("trackingWith", carrierAndNumber(shipment, t))}</h2>
      {heading ? (
        <p className="ac-muted">{t("trackingWith", carrierAndNumber(shipment, t))}</p>
      ) : null}
      <p className="ac-status" data-status={shipment.tag}>
        {t(tagMessageKey(shipment.tag))}
      </p>
      {parts.map((part) => (
        <Fragment key={part}>
          {part === "timeline" ? details : null}
          {part === "estimate" ? estimate : part === "progress" ? progress : timeline}
        </Fragment>
      ))}
      {parts.includes("timeline") ? null : details}
    </section>
  );
}

function Recommendations({
  products,
  t,
  locale,
}: {
  products: PageRecommendation[];
  t: T;
  locale: ShopperLocale;
}) {
  return (
    <section className="ac-recommendations" aria-labelledby="ac-recs-heading">
      <h2 id="ac-recs-heading">{t("youMayAlsoLike")}</h2>
      <ul className="ac-recs">
        {products.map((product) => (
          <li key={product.clickUrl}>
            <a href={product.clickUrl} rel="nofollow">
              {product.imageUrl ? <img src={product.imageUrl} alt="" loading="lazy" /> : null}
              <span>{product.title}</span>
              <strong>{formatMoney(product.price, product.currency, locale)}</strong>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function carrierAndNumber(shipment: ShopperShipment, t: T) {
  return { carrier: shipment.carrierName ?? t("trackingNumber"), number: shipment.trackingNumber };
}
