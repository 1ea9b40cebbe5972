import type { ShopperLocale } from "../../platform/i18n";
import { tagMessageKey, trackingTranslator } from "../../tracking/index.server";
import type { AssistantAnswer, AssistantResult } from "./answer.server";
import type { HandoffAnswer } from "../conversations/conversations.server";
import { conversationTranslator } from "../conversations/messages";
import { assistantTranslator, type AssistantT } from "./messages";

export interface AssistantState {
  form: { orderNumber: string; email: string; question: string };
  result: AssistantResult | null;
  /** A message to the team that could not be sent, and why. */
  handoff?: {
    answer: HandoffAnswer;
    message: string;
    error: HandoffError;
    seconds?: number;
  };
}

type HandoffError = "empty" | "invalidText" | "tooLong" | "tooMany" | "notFound" | "missingFields";

/** Which of the assistant's answers offer a person, and the answer's key in the transcript. */
export function handoffAnswer(answer: AssistantAnswer): HandoffAnswer | null {
  switch (answer.kind) {
    case "human":
    case "unsure":
      return answer.kind;
    case "changeAddress":
      return answer.shipped ? "changeAddressShipped" : "changeAddressOpen";
    case "cancel":
      return answer.shipped ? null : "cancelOpen";
    default:
      return null;
  }
}

/**
 * "Talk to a person": the message goes to the shop's inbox with the order and this exchange;
 * the shopper lands on their conversation's page.
 */
function HandoffForm({
  locale,
  localeParam,
  form,
  answer,
  message,
  error,
}: {
  locale: ShopperLocale;
  localeParam: string | null;
  form: AssistantState["form"];
  answer: HandoffAnswer;
  message: string;
  error: { key: HandoffError; seconds: number } | null;
}) {
  const t = conversationTranslator(locale);
  return (
    <form
      className="ac-handoff"
      method="post"
      action={localeParam ? `help?locale=${encodeURIComponent(localeParam)}` : "help"}
      aria-labelledby="ac-handoff-title"
    >
      <h3 id="ac-handoff-title">{t("contactTitle")}</h3>
      <p>{t("contactIntro")}</p>
      {error && (
        <p className="ac-error" role="alert">
          {t(error.key, { seconds: error.seconds })}
        </p>
      )}
      <input type="hidden" name="intent" value="contact" />
      <input type="hidden" name="order" value={form.orderNumber} />
      <input type="hidden" name="email" value={form.email} />
      <input type="hidden" name="question" value={form.question} />
      <input type="hidden" name="answer" value={answer} />
      <label>
        {t("yourReply")}
        <textarea name="message" required maxLength={5000} rows={4} defaultValue={message} />
      </label>
      <button type="submit">{t("contactSubmit")}</button>
    </form>
  );
}

function day(locale: ShopperLocale, iso: string) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(iso),
  );
}

function ContactLink({
  t,
  supportEmail,
  orderName,
}: {
  t: AssistantT;
  supportEmail: string | null;
  orderName: string;
}) {
  if (!supportEmail) return <a href="/pages/contact">{t("contactPage")}</a>;
  const subject = encodeURIComponent(t("mailSubject", { order: orderName }));
  return (
    <a href={`mailto:${supportEmail}?subject=${subject}`}>
      {t("contactEmail", { email: supportEmail })}
    </a>
  );
}

/**
 * The answer itself. Its links are relative to the help center; the chat widget, on any page of
 * the storefront, gives the proxy's path as `linkBase`.
 */
export function Answer({
  answer,
  locale,
  t,
  supportEmail,
  linkBase = "",
}: {
  answer: AssistantAnswer;
  locale: ShopperLocale;
  t: AssistantT;
  supportEmail: string | null;
  linkBase?: string;
}) {
  const tracking = trackingTranslator(locale);
  switch (answer.kind) {
    case "where":
      return (
        <div>
          <h3>{t("whereTitle", { order: answer.orderName })}</h3>
          {answer.shipments.length === 0 && <p>{t("notShipped")}</p>}
          {answer.shipments.map((shipment) => {
            const latest = shipment.checkpoints[0];
            return (
              <div className="ac-answer-shipment" key={shipment.trackingNumber}>
                <p className="ac-status" data-status={shipment.tag}>
                  {tracking(tagMessageKey(shipment.tag))}
                </p>
                <p>
                  {t("shipmentOf", {
                    carrier: shipment.carrierName ?? shipment.carrier ?? "",
                    number: shipment.trackingNumber,
                  })}
                </p>
                {shipment.deliveredAt ? (
                  <p>{t("deliveredOn", { date: day(locale, shipment.deliveredAt) })}</p>
                ) : (
                  shipment.estimate && (
                    <p>{t("estimate", { date: day(locale, shipment.estimate.latest) })}</p>
                  )
                )}
                {latest && (
                  <p>
                    {t("latestScan", {
                      message: [latest.message, latest.location].filter(Boolean).join(" · "),
                    })}
                  </p>
                )}
              </div>
            );
          })}
          <p>
            <a href={`${linkBase}track`}>{t("fullTracking")}</a>
          </p>
        </div>
      );
    case "return":
      return (
        <p>
          {t("returnAnswer", { order: answer.orderName })}{" "}
          <a href={`${linkBase}${answer.portalLink}`}>
            {t("returnLink", { order: answer.orderName })}
          </a>
        </p>
      );
    case "points":
      return (
        <div>
          <p>{t("pointsAnswer", { balance: answer.balance, pending: answer.pending })}</p>
          {answer.tier && <p>{t("tier", { tier: answer.tier })}</p>}
          {answer.rewards.length > 0 && (
            <p>
              {t(
                answer.rewards.some((reward) => reward.affordable)
                  ? "rewardsAffordable"
                  : "rewardsNext",
                {
                  rewards: answer.rewards
                    .filter((reward, _index, all) =>
                      all.some((entry) => entry.affordable) ? reward.affordable : true,
                    )
                    .map((reward) => t("rewardItem", { name: reward.name, points: reward.points }))
                    .join(", "),
                },
              )}
            </p>
          )}
        </div>
      );
    case "noPoints":
      return <p>{t("noPoints")}</p>;
    case "changeAddress":
    case "cancel": {
      const key =
        answer.kind === "cancel"
          ? answer.shipped
            ? "cancelShipped"
            : "cancelOpen"
          : answer.shipped
            ? "changeAddressShipped"
            : "changeAddressOpen";
      return (
        <p>
          {t(key, { order: answer.orderName })}{" "}
          {answer.kind === "cancel" && answer.shipped ? (
            <a href={`${linkBase}returns?${new URLSearchParams({ order: answer.orderName })}`}>
              {t("returnLink", { order: answer.orderName })}
            </a>
          ) : (
            <ContactLink t={t} supportEmail={supportEmail} orderName={answer.orderName} />
          )}
        </p>
      );
    }
    case "human":
      return (
        <p>
          {t("human", { order: answer.orderName })}{" "}
          <ContactLink t={t} supportEmail={supportEmail} orderName={answer.orderName} />
        </p>
      );
    case "unsure":
      return (
        <>
          <p>
            {t("unsure", { order: answer.orderName })}{" "}
            <ContactLink t={t} supportEmail={supportEmail} orderName={answer.orderName} />
          </p>
          {answer.articles.length > 0 && (
            <>
              <p>{t("unsureArticles")}</p>
              <ul className="ac-unsure-articles">
                {answer.articles.map((article) => (
                  <li key={article.slug}>
                    <a href={`${linkBase}help?${new URLSearchParams({ article: article.slug })}`}>
                      {article.title}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      );
  }
}

/** "Ask about your order": the order's number and email, a question, and the answer from our data. */
export function AssistantSection({
  locale,
  localeParam,
  state,
  supportEmail,
}: {
  locale: ShopperLocale;
  localeParam: string | null;
  state: AssistantState;
  supportEmail: string | null;
}) {
  const t = assistantTranslator(locale);
  const { result, form, handoff } = state;
  const offered = handoff?.answer ?? (result?.ok ? handoffAnswer(result.answer) : null);
  return (
    <section aria-labelledby="ac-assistant" className="ac-assistant">
      <h2 id="ac-assistant">{t("askTitle")}</h2>
      {result && (
        <div className="ac-answer" role="status" aria-live="polite">
          {(result.ok || result.error !== "invalidText") && (
            <p className="ac-asked">{t("youAsked", { question: form.question })}</p>
          )}
          {result.ok ? (
            <Answer answer={result.answer} locale={locale} t={t} supportEmail={supportEmail} />
          ) : (
            <p className="ac-error" role="alert">
              {t(result.error, { seconds: result.retryAfterSeconds ?? 0 })}
            </p>
          )}
        </div>
      )}
      {offered && (
        <HandoffForm
          locale={locale}
          localeParam={localeParam}
          form={form}
          answer={offered}
          message={handoff?.message ?? form.question}
          error={handoff ? { key: handoff.error, seconds: handoff.seconds ?? 0 } : null}
        />
      )}
      <p>{t("askIntro")}</p>
      <form
        className="ac-ask"
        method="post"
        action={localeParam ? `help?locale=${encodeURIComponent(localeParam)}` : "help"}
      >
        <input type="hidden" name="intent" value="ask" />
        <label>
          {t("orderNumber")}
          <input
            name="order"
            defaultValue={form.orderNumber}
            required
            maxLength={40}
            autoComplete="off"
          />
        </label>
        <label>
          {t("email")}
          <input
            name="email"
            type="email"
            defaultValue={form.email}
            required
            maxLength={254}
            autoComplete="email"
          />
        </label>
        <label>
          {t("question")}
          <textarea
            name="question"
            required
            maxLength={500}
            rows={3}
            defaultValue={result?.ok ? "" : form.question}
          />
        </label>
        <button type="submit">{t("askSubmit")}</button>
      </form>
    </section>
  );
}
