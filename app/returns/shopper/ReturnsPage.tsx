import type { CSSProperties, ReactNode } from "react";
import type { ShopperLocale } from "../../platform/i18n";
import { formatMoney } from "../../platform/shopify/money";
import type { ResolutionOption } from "../policy";
import {
  RETURN_REASONS,
  eventMessageKey,
  explanationText,
  reasonMessageKey,
  returnsTranslator,
  type ReturnsMessageKey,
  type ReturnsTranslator,
} from "./messages";

/** The storefront returns portal, rendered inside the merchant's theme (App Proxy, Liquid). */

export interface PortalLine {
  lineItemId: string;
  title: string;
  variantTitle: string | null;
  returnableQuantity: number;
  unitPrice: number;
  eligible: boolean;
  explanations: string[];
  windowEndsAt: string;
  photosRequired: boolean;
  options: ResolutionOption[];
  exchangeVariants: { variantId: string; title: string; price: number }[];
}

export interface PortalOptions {
  order: { name: string; currency: string };
  shippingFee: number;
  lines: PortalLine[];
}

export interface LineChoice {
  selected: boolean;
  quantity: number;
  reason: string;
  resolution: string;
  variantId: string;
  note: string;
}

export interface PortalReturn {
  orderName: string;
  status: string;
  declineReason: string | null;
  currency: string;
  lines: {
    title: string;
    variantTitle: string | null;
    quantity: number;
    resolution: string;
    amount: number;
    exchangeVariantTitle: string | null;
  }[];
  label: { trackingNumber: string; trackingUrl: string | null; downloadUrl: string | null } | null;
  events: { kind: string; at: string; detail: string | null }[];
  /** The catalog offer while the return may still be spent on it; its link keeps the token. */
  shopNow: { credit: number; href: string } | null;
  exchange: {
    status: string;
    instant: boolean;
    items: { title: string; quantity: number }[];
    upcharge: number;
    remainder: number;
    remainderAs: string;
    invoiceUrl: string | null;
    orderName: string | null;
  } | null;
}

export interface ShopNowView {
  kind: "shopNow";
  orderName: string;
  statusToken: string;
  currency: string;
  returnedValue: number;
  bonus: number;
  credit: number;
  /** The customer may also take the instant exchange. */
  instant: boolean;
  query: string;
  /** Null before a search; only variants on sale now. */
  results:
    { variantId: string; productTitle: string; variantTitle: string; price: number }[] | null;
  backHref: string;
}

export type PortalView =
  | { kind: "lookup"; orderNumber: string; email: string }
  | {
      kind: "choose";
      orderNumber: string;
      email: string;
      idempotencyKey: string;
      options: PortalOptions;
      choices: Record<string, LineChoice>;
      note: string;
      errors: string[];
    }
  | { kind: "status"; ret: PortalReturn }
  | ShopNowView;

export interface ReturnsPageProps {
  locale: ShopperLocale;
  branding: { logoUrl: string | null; primaryColor: string; accentColor: string };
  shopName: string;
  /** Where forms post: the page's own storefront path. */
  formAction: string;
  error: { key: ReturnsMessageKey; values?: Record<string, string | number> } | null;
  view: PortalView;
}

const STYLES = `
.ac-returns{--ac-primary:#1f2937;--ac-accent:#008060;max-width:44rem;margin:0 auto;padding:1rem;color:var(--ac-primary);font:inherit;line-height:1.5}
.ac-returns *{box-sizing:border-box}
.ac-returns h1{font-size:1.5rem;margin:0 0 .5rem}
.ac-returns h2{font-size:1.2rem;margin:1rem 0 .5rem}
.ac-returns form{display:grid;gap:.75rem;margin:1rem 0}
.ac-returns label{display:grid;gap:.25rem;font-weight:600}
.ac-returns .ac-field{display:grid;gap:.25rem}
.ac-returns .ac-details{display:grid;gap:.75rem}
.ac-returns .ac-item:not(:has(.ac-check input:checked)) .ac-details{display:none}
.ac-returns input,.ac-returns select,.ac-returns textarea{font:inherit;padding:.55rem .7rem;border:1px solid #8a8f98;border-radius:.5rem;width:100%;background:#fff;color:inherit}
.ac-returns input[type=checkbox],.ac-returns input[type=radio]{width:1.2rem;height:1.2rem;padding:0;margin:0}
.ac-returns :focus-visible{outline:3px solid var(--ac-accent);outline-offset:2px}
.ac-returns button{font:inherit;font-weight:600;padding:.75rem 1rem;border:0;border-radius:.5rem;background:var(--ac-accent);color:#fff;cursor:pointer}
.ac-returns .ac-error{border-left:4px solid #b42318;background:#fef3f2;padding:.75rem 1rem;border-radius:.25rem}
.ac-returns .ac-error ul{margin:.25rem 0 0;padding-left:1.25rem}
.ac-returns .ac-item{border:1px solid #d1d5db;border-radius:.75rem;padding:1rem;display:grid;gap:.75rem}
.ac-returns .ac-item[data-eligible=false]{background:#f9fafb;color:#4b5563}
.ac-returns .ac-check{display:flex;gap:.6rem;align-items:center;font-size:1.05rem}
.ac-returns fieldset{border:0;padding:0;margin:0;display:grid;gap:.4rem}
.ac-returns legend{font-weight:600;padding:0;margin-bottom:.25rem}
.ac-returns .ac-choice{display:flex;gap:.6rem;align-items:flex-start;font-weight:400}
.ac-returns .ac-muted{color:#4b5563;font-size:.875rem;font-weight:400}
.ac-returns .ac-logo{max-height:3rem;max-width:12rem;display:block;margin:0 0 1rem}
.ac-returns .ac-status{font-size:1.25rem;font-weight:700;margin:.25rem 0}
.ac-returns .ac-timeline{list-style:none;padding:0;margin:0;border-left:2px solid #d1d5db}
.ac-returns .ac-timeline li{padding:0 0 .75rem 1rem}
@media (min-width:40rem){.ac-returns .ac-pair{display:grid;grid-template-columns:1fr 1fr;gap:.75rem}}
`;

export function ReturnsPage(props: ReturnsPageProps) {
  const t = returnsTranslator(props.locale);
  const { branding, view } = props;
  const style = {
    "--ac-primary": branding.primaryColor,
    "--ac-accent": branding.accentColor,
  } as CSSProperties;
  const heading =
    view.kind === "choose"
      ? t("order", { name: view.options.order.name })
      : view.kind === "status"
        ? t("statusTitle", { name: view.ret.orderName })
        : view.kind === "shopNow"
          ? t("shopNow_title")
          : t("title");
  return (
    <div className="ac-returns" lang={props.locale} style={style}>
      <style>{STYLES}</style>
      {branding.logoUrl ? (
        <img className="ac-logo" src={branding.logoUrl} alt={props.shopName} />
      ) : null}
      <h1>{heading}</h1>
      {props.error ? (
        <p className="ac-error" role="alert">
          {t(props.error.key, props.error.values)}
        </p>
      ) : null}
      {view.kind === "lookup" ? <LookupForm {...props} view={view} t={t} /> : null}
      {view.kind === "choose" ? <ChooseForm {...props} view={view} t={t} /> : null}
      {view.kind === "status" ? <Status ret={view.ret} locale={props.locale} t={t} /> : null}
      {view.kind === "shopNow" ? <ShopNow {...props} view={view} t={t} /> : null}
      {view.kind !== "lookup" ? (
        <p>
          <a href={props.formAction}>{t("lookupAnother")}</a>
        </p>
      ) : null}
    </div>
  );
}

function LookupForm({
  formAction,
  locale,
  view,
  t,
}: ReturnsPageProps & { view: Extract<PortalView, { kind: "lookup" }>; t: ReturnsTranslator }) {
  return (
    <>
      <p>{t("intro")}</p>
      <form method="post" action={formAction} noValidate>
        <input type="hidden" name="step" value="lookup" />
        <input type="hidden" name="locale" value={locale} />
        <div className="ac-pair">
          <label>
            {t("orderNumber")}
            <input
              name="order"
              defaultValue={view.orderNumber}
              autoComplete="off"
              placeholder="#1001"
              required
            />
          </label>
          <label>
            {t("email")}
            <input
              name="email"
              type="email"
              defaultValue={view.email}
              autoComplete="email"
              required
            />
          </label>
        </div>
        <button type="submit">{t("find")}</button>
      </form>
    </>
  );
}

function ChooseForm({
  formAction,
  locale,
  view,
  t,
}: ReturnsPageProps & { view: Extract<PortalView, { kind: "choose" }>; t: ReturnsTranslator }) {
  const money = (minor: number) => formatMoney(minor, view.options.order.currency, locale);
  const date = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(iso));
  return (
    <form method="post" action={formAction} encType="multipart/form-data" noValidate>
      <input type="hidden" name="step" value="submit" />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="order" value={view.orderNumber} />
      <input type="hidden" name="email" value={view.email} />
      <input type="hidden" name="idempotencyKey" value={view.idempotencyKey} />
      {view.errors.length > 0 ? (
        <div className="ac-error" role="alert">
          {t("refused")}
          <ul>
            {view.errors.map((message, index) => (
              <li key={index}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <h2>{t("chooseItems")}</h2>
      {view.options.lines.map((line) => (
        <ItemChoice
          key={line.lineItemId}
          line={line}
          choice={view.choices[line.lineItemId]}
          money={money}
          date={date}
          t={t}
        />
      ))}
      {view.options.shippingFee > 0 ? (
        <p className="ac-muted">{t("shippingFee", { amount: money(view.options.shippingFee) })}</p>
      ) : null}
      <label>
        {t("note")}
        <textarea name="note" rows={3} maxLength={1000} defaultValue={view.note} />
      </label>
      <button type="submit">{t("submit")}</button>
    </form>
  );
}

function ItemChoice({
  line,
  choice,
  money,
  date,
  t,
}: {
  line: PortalLine;
  choice: LineChoice | undefined;
  money: (minor: number) => string;
  date: (iso: string) => string;
  t: ReturnsTranslator;
}) {
  const id = `ac-line-${line.lineItemId}`;
  const name = (field: string) => `line.${line.lineItemId}.${field}`;
  const title = line.variantTitle ? `${line.title} – ${line.variantTitle}` : line.title;
  if (!line.eligible) {
    return (
      <section className="ac-item" data-eligible="false" aria-labelledby={id}>
        <strong id={id}>{title}</strong>
        <span>{t("notReturnable")}</span>
        <span className="ac-muted">
          {line.explanations.map((text) => explanationText(t, text)).join(" · ")}
        </span>
      </section>
    );
  }
  const chosenResolution = choice?.resolution ?? line.options[0]?.resolution;
  return (
    <section className="ac-item" data-eligible="true" aria-labelledby={id}>
      <label className="ac-check">
        <input type="checkbox" name={name("selected")} defaultChecked={choice?.selected ?? false} />
        <span id={id}>{t("returnThis", { title })}</span>
      </label>
      <span className="ac-muted">
        {t("returnableUntil", { date: date(line.windowEndsAt) })} ·{" "}
        {line.explanations.map((text) => explanationText(t, text)).join(" · ")}
      </span>
      <div className="ac-details">
        <div className="ac-pair">
          <Field id={`${id}-quantity`} label={t("quantity")}>
            <select
              id={`${id}-quantity`}
              name={name("quantity")}
              defaultValue={String(choice?.quantity ?? 1)}
            >
              {Array.from({ length: line.returnableQuantity }, (_, index) => (
                <option key={index} value={index + 1}>
                  {index + 1}
                </option>
              ))}
            </select>
          </Field>
          <Field id={`${id}-reason`} label={t("reason")}>
            <select id={`${id}-reason`} name={name("reason")} defaultValue={choice?.reason ?? ""}>
              <option value="">{t("chooseReason")}</option>
              {RETURN_REASONS.map((reason) => (
                <option key={reason} value={reason}>
                  {t(reasonMessageKey(reason))}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <fieldset>
          <legend>{t("resolution")}</legend>
          {line.options.map((option) => (
            <label className="ac-choice" key={option.resolution}>
              <input
                type="radio"
                name={name("resolution")}
                value={option.resolution}
                defaultChecked={option.resolution === chosenResolution}
              />
              <span>
                {resolutionText(option, money, t)}
                {line.returnableQuantity > 1 ? ` ${t("perItem")}` : ""}
              </span>
            </label>
          ))}
        </fieldset>
        {line.options.some((option) => option.resolution === "exchange") ? (
          line.exchangeVariants.length > 0 ? (
            <Field id={`${id}-variant`} label={t("exchangeFor")}>
              <select
                id={`${id}-variant`}
                name={name("variant")}
                defaultValue={choice?.variantId ?? ""}
              >
                <option value="">{t("chooseVariant")}</option>
                {line.exchangeVariants.map((variant) => {
                  const difference = variant.price - line.unitPrice;
                  return (
                    <option key={variant.variantId} value={variant.variantId}>
                      {difference > 0
                        ? t("priceMore", { title: variant.title, amount: money(difference) })
                        : difference < 0
                          ? t("priceLess", { title: variant.title, amount: money(-difference) })
                          : variant.title}
                    </option>
                  );
                })}
              </select>
            </Field>
          ) : (
            <p className="ac-muted">{t("noVariants")}</p>
          )
        ) : null}
        <Field id={`${id}-photos`} label={t("photos")}>
          <input
            id={`${id}-photos`}
            type="file"
            name={name("photos")}
            accept="image/jpeg,image/png,image/webp,image/heic,image/heif"
            multiple
            aria-describedby={`${id}-photos-help`}
          />
          <span className="ac-muted" id={`${id}-photos-help`}>
            {t("photosHelp")}
          </span>
        </Field>
        <Field id={`${id}-note`} label={t("itemNote")}>
          <input
            id={`${id}-note`}
            name={name("note")}
            maxLength={300}
            defaultValue={choice?.note ?? ""}
          />
        </Field>
      </div>
    </section>
  );
}

/** A labelled control: the label names it alone (a wrapping label would add the control's value). */
function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="ac-field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

function resolutionText(
  option: ResolutionOption,
  money: (minor: number) => string,
  t: ReturnsTranslator,
) {
  const amount = money(option.amount);
  const extras = [
    option.bonus > 0 ? t("creditBonus", { amount: money(option.bonus) }) : null,
    option.fee > 0 ? t("fee", { amount: money(option.fee) }) : null,
  ].filter(Boolean);
  const main = t(`resolution_${option.resolution}` as ReturnsMessageKey, { amount });
  return extras.length ? `${main} (${extras.join(", ")})` : main;
}

function Status({
  ret,
  locale,
  t,
}: {
  ret: PortalReturn;
  locale: ShopperLocale;
  t: ReturnsTranslator;
}) {
  const money = (minor: number) => formatMoney(minor, ret.currency, locale);
  const time = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(
      new Date(iso),
    );
  const keepsAll = ret.lines.every((line) => line.resolution === "keep");
  return (
    <>
      <p className="ac-status" data-status={ret.status} role="status">
        {t(`status_${ret.status}` as ReturnsMessageKey)}
      </p>
      {ret.declineReason ? <p>{t("declinedBecause", { reason: ret.declineReason })}</p> : null}
      {keepsAll ? <p>{t("keepItemsNote")}</p> : null}
      <h2>{t("yourItems")}</h2>
      <ul>
        {ret.lines.map((line, index) => (
          <li key={index}>
            {line.quantity} × {line.title}
            {line.variantTitle ? ` – ${line.variantTitle}` : ""}:{" "}
            {line.resolution === "exchange" && line.exchangeVariantTitle
              ? `${t("exchangeFor")} ${line.exchangeVariantTitle}`
              : t(`resolution_${line.resolution}` as ReturnsMessageKey, {
                  amount: money(line.amount),
                })}
          </li>
        ))}
      </ul>
      {ret.label ? (
        <>
          <h2>{t("label")}</h2>
          {ret.label.downloadUrl ? (
            <p>
              <a href={ret.label.downloadUrl}>{t("downloadLabel")}</a>
            </p>
          ) : null}
          {ret.label.trackingUrl ? (
            <p>
              <a href={ret.label.trackingUrl} rel="noopener noreferrer" target="_blank">
                {t("trackReturn", { number: ret.label.trackingNumber })}
              </a>
            </p>
          ) : (
            <p>{t("trackReturn", { number: ret.label.trackingNumber })}</p>
          )}
        </>
      ) : null}
      {ret.exchange ? <ExchangeState exchange={ret.exchange} money={money} t={t} /> : null}
      {ret.shopNow ? (
        <p>
          <a href={ret.shopNow.href}>{t("shopNow_open", { credit: money(ret.shopNow.credit) })}</a>
        </p>
      ) : null}
      <h2>{t("history")}</h2>
      <ol className="ac-timeline">
        {ret.events.map((event, index) => (
          <li key={index}>
            <strong>{t(eventMessageKey(event.kind))}</strong>
            {event.detail ? ` · ${event.detail}` : ""}
            <br />
            <time className="ac-muted" dateTime={event.at}>
              {time(event.at)}
            </time>
          </li>
        ))}
      </ol>
      <p className="ac-muted">{t("bookmark")}</p>
    </>
  );
}

function ExchangeState({
  exchange,
  money,
  t,
}: {
  exchange: NonNullable<PortalReturn["exchange"]>;
  money: (minor: number) => string;
  t: ReturnsTranslator;
}) {
  return (
    <>
      <h2>{t("exchange_items")}</h2>
      <ul>
        {exchange.items.map((item, index) => (
          <li key={index}>
            {item.quantity} × {item.title}
          </li>
        ))}
      </ul>
      <p data-exchange-status={exchange.status}>
        {exchange.status === "awaiting_payment"
          ? t(exchange.instant ? "exchange_instant_awaiting" : "exchange_awaiting_payment", {
              amount: money(exchange.upcharge),
            })
          : t(`exchange_${exchange.status}` as ReturnsMessageKey, {
              name: exchange.orderName ?? "",
            })}
      </p>
      {exchange.status === "awaiting_payment" && exchange.invoiceUrl ? (
        <p>
          <a href={exchange.invoiceUrl} rel="noopener noreferrer">
            {t("exchange_pay", { amount: money(exchange.upcharge) })}
          </a>
        </p>
      ) : null}
      {exchange.remainder > 0 ? (
        <p>
          {t(`exchange_remainder_${exchange.remainderAs}` as ReturnsMessageKey, {
            amount: money(exchange.remainder),
          })}
        </p>
      ) : null}
    </>
  );
}

function ShopNow({
  formAction,
  locale,
  view,
  t,
}: ReturnsPageProps & { view: ShopNowView; t: ReturnsTranslator }) {
  const money = (minor: number) => formatMoney(minor, view.currency, locale);
  return (
    <>
      <p>
        {t("shopNow_intro", {
          credit: money(view.credit),
          value: money(view.returnedValue),
          bonus: money(view.bonus),
        })}
      </p>
      <form method="get" action={formAction} role="search">
        <input type="hidden" name="status" value={view.statusToken} />
        <input type="hidden" name="shopnow" value="1" />
        <input type="hidden" name="locale" value={locale} />
        <label>
          {t("shopNow_search")}
          <input name="q" type="search" defaultValue={view.query} maxLength={80} />
        </label>
        <button type="submit">{t("shopNow_searchButton")}</button>
      </form>
      {view.results && view.results.length === 0 ? <p>{t("shopNow_noResults")}</p> : null}
      {view.results && view.results.length > 0 ? (
        <form method="post" action={formAction} noValidate>
          <input type="hidden" name="step" value="shopnow" />
          <input type="hidden" name="status" value={view.statusToken} />
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="q" value={view.query} />
          <fieldset>
            <legend>{t("shopNow_results")}</legend>
            {view.results.map((result, index) => (
              <label className="ac-choice" key={result.variantId}>
                <input
                  type="radio"
                  name="variant"
                  value={result.variantId}
                  defaultChecked={index === 0}
                />
                <span>
                  {result.productTitle} – {result.variantTitle}: {money(result.price)}
                </span>
              </label>
            ))}
          </fieldset>
          <label>
            {t("quantity")}
            <input name="quantity" type="number" min={1} max={10} defaultValue={1} />
          </label>
          <button type="submit" name="mode" value="standard">
            {t("shopNow_confirm")}
          </button>
          {view.instant ? (
            <>
              <p className="ac-muted" id="ac-instant-help">
                {t("shopNow_instantHelp", { value: money(view.returnedValue) })}
              </p>
              <button type="submit" name="mode" value="instant" aria-describedby="ac-instant-help">
                {t("shopNow_instant")}
              </button>
            </>
          ) : null}
        </form>
      ) : null}
      <p>
        <a href={view.backHref}>{t("statusTitle", { name: view.orderName })}</a>
      </p>
    </>
  );
}
