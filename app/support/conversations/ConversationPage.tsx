import type { ShopperLocale } from "../../platform/i18n";
import type { ShopperThread } from "./conversations.server";
import { conversationTranslator } from "./messages";

export const CONVERSATION_STYLES = `
.ac-thread{max-width:720px;margin:0 auto;padding:16px}
.ac-thread ol{list-style:none;padding:0}
.ac-thread li{margin:12px 0;padding:10px 12px;border-radius:8px;background:#f3f4f6}
.ac-thread li[data-author=shopper]{background:#e0f2fe;margin-left:15%}
.ac-thread li[data-author=merchant]{margin-right:15%}
.ac-thread .ac-body{white-space:pre-wrap;margin:4px 0 0}
.ac-thread textarea{width:100%;box-sizing:border-box}
.ac-thread .ac-error{color:#b91c1c}
.ac-thread .ac-images{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0 0}
.ac-thread .ac-images img{max-width:200px;max-height:200px;border-radius:4px}
`;

export type ThreadNotice =
  | { kind: "sent" }
  | {
      kind: "error";
      key:
        | "empty"
        | "invalidText"
        | "tooLong"
        | "tooMany"
        | "notAnImage"
        | "imageTooLarge"
        | "tooManyImages";
      seconds?: number;
    };

function time(locale: ShopperLocale, iso: string) {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(new Date(iso));
}

/** The shopper's conversation on the storefront (App Proxy): the thread and a reply form. */
export function ConversationPage({
  locale,
  shopName,
  thread,
  draft,
  notice,
}: {
  locale: ShopperLocale;
  shopName: string;
  thread: ShopperThread;
  draft: string;
  notice: ThreadNotice | null;
}) {
  const t = conversationTranslator(locale);
  const self = `conversation?${new URLSearchParams({ t: thread.token, locale })}`;
  const imageUrl = (id: string) =>
    `conversation/attachments/${id}?${new URLSearchParams({ t: thread.token })}`;
  const status = {
    open: "statusOpen",
    pending: "statusPending",
    closed: "statusClosed",
  } as const;
  return (
    <main className="ac-thread" lang={locale}>
      <h1>{t("threadTitle", { order: thread.orderName })}</h1>
      <p>{t("threadIntro")}</p>
      <p role="status">{t(status[thread.status])}</p>
      <ol aria-label={t("threadTitle", { order: thread.orderName })}>
        {thread.messages.map((message) => (
          <li key={message.id} data-author={message.author}>
            <strong>
              {message.author === "shopper"
                ? t("you")
                : message.author === "assistant"
                  ? t("assistant")
                  : t("team", { shop: shopName })}
            </strong>{" "}
            <time dateTime={message.at}>{time(locale, message.at)}</time>
            {message.body && <p className="ac-body">{message.body}</p>}
            {message.images.length > 0 && (
              <p className="ac-images">
                {message.images.map((id) => (
                  <a key={id} href={imageUrl(id)}>
                    <img src={imageUrl(id)} alt={t("imageAlt")} loading="lazy" />
                  </a>
                ))}
              </p>
            )}
          </li>
        ))}
      </ol>
      {notice?.kind === "sent" && <p role="status">{t("sent")}</p>}
      {notice?.kind === "error" && (
        <p className="ac-error" role="alert">
          {t(notice.key, { seconds: notice.seconds ?? 0 })}
        </p>
      )}
      <form method="post" action={self} encType="multipart/form-data">
        <label>
          {t("yourReply")}
          <textarea name="message" maxLength={5000} rows={5} defaultValue={draft} />
        </label>
        <label>
          {t("attachImages")}
          <input
            type="file"
            name="images"
            multiple
            accept="image/jpeg,image/png,image/webp,image/heic,image/heif"
          />
        </label>
        <button type="submit">{t("send")}</button>
      </form>
      <p>
        <a href={self}>{t("refresh")}</a>
      </p>
    </main>
  );
}

/** The page when the token names no conversation of this shop. */
export function ConversationNotFound({ locale }: { locale: ShopperLocale }) {
  const t = conversationTranslator(locale);
  return (
    <main className="ac-thread" lang={locale}>
      <p role="alert">{t("notFound")}</p>
      <p>
        <a href="../help">{t("contactTitle")}</a>
      </p>
    </main>
  );
}
