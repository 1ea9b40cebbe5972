import { renderToStaticMarkup } from "react-dom/server";
import { negotiateLocale } from "../../platform/i18n";
import { conversationTranslator } from "./messages";

/**
 * A merchant's reply as an e-mail, in the conversation's language. The reply is plain text: React
 * escapes it in the HTML part, line breaks kept by the paragraph's white-space.
 */
export function replyEmail(input: {
  locale: string;
  shopName: string;
  orderName: string;
  body: string;
  threadUrl: string;
}) {
  const locale = negotiateLocale([input.locale]);
  const t = conversationTranslator(locale);
  const values = { shop: input.shopName, order: input.orderName };
  const html = renderToStaticMarkup(
    <html lang={locale}>
      <body style={{ fontFamily: "system-ui, sans-serif", lineHeight: 1.5, color: "#1f2937" }}>
        <p>{t("emailIntro", values)}</p>
        <p style={{ whiteSpace: "pre-wrap", borderLeft: "3px solid #d1d5db", paddingLeft: 12 }}>
          {input.body}
        </p>
        <p>
          {t("emailReply")} <a href={input.threadUrl}>{t("emailLink")}</a>
        </p>
      </body>
    </html>,
  );
  return {
    subject: t("emailSubject", values),
    html: `<!doctype html>${html}`,
    text: `${t("emailIntro", values)}\n\n${input.body}\n\n${t("emailReply")}\n${input.threadUrl}\n`,
  };
}
