import { renderToStaticMarkup } from "react-dom/server";
import { negotiateLocale } from "../../platform/i18n";
import { shopProfile } from "../../shops/index.server";
import {
  ConversationNotFound,
  ConversationPage,
  CONVERSATION_STYLES,
  type ThreadNotice,
} from "./ConversationPage";
import { shopperReply, shopperThread, type ShopperThread } from "./conversations.server";

export interface ThreadContext {
  shopDomain: string;
  acceptLanguage: string | null;
}

export interface ThreadResponse {
  status: 200 | 400 | 404 | 429;
  /** Markup for the Liquid-safe shell, or the thread as JSON for a page that polls. */
  html?: string;
  json?: { thread: ShopperThread | null; error?: string };
  retryAfterSeconds?: number;
}

const ERROR_STATUS = {
  empty: 400,
  invalidText: 400,
  tooLong: 400,
  tooMany: 429,
  notFound: 404,
} as const;

async function render(
  context: ThreadContext,
  search: URLSearchParams,
  thread: ShopperThread | null,
  status: ThreadResponse["status"],
  draft = "",
  notice: ThreadNotice | null = null,
): Promise<ThreadResponse> {
  if (search.get("format") === "json") {
    return {
      status,
      json: { thread, ...(notice?.kind === "error" ? { error: notice.key } : {}) },
    };
  }
  const locale = negotiateLocale([search.get("locale")?.slice(0, 20)], context.acceptLanguage);
  const shop = await shopProfile(context.shopDomain);
  const markup = renderToStaticMarkup(
    thread ? (
      <ConversationPage
        locale={locale}
        shopName={shop?.name ?? context.shopDomain}
        thread={thread}
        draft={draft}
        notice={notice}
      />
    ) : (
      <ConversationNotFound locale={locale} />
    ),
  );
  return { status, html: `<style>${CONVERSATION_STYLES}</style>${markup}` };
}

/** GET /apps/aftercare/help/conversation?t=<token>: the thread (or ?format=json to poll it). */
export async function threadPage(context: ThreadContext, search: URLSearchParams) {
  const thread = await shopperThread(context.shopDomain, search.get("t"));
  return render(context, search, thread, thread ? 200 : 404);
}

/** POST: the shopper's reply; the thread again with it, or with why it was refused. */
export async function threadPost(
  context: ThreadContext,
  search: URLSearchParams,
  form: URLSearchParams,
): Promise<ThreadResponse> {
  const token = search.get("t") ?? form.get("t");
  const message = form.get("message");
  const result = await shopperReply(context.shopDomain, token, message);
  if (result.ok) return render(context, search, result.thread, 200, "", { kind: "sent" });
  if (result.error === "notFound") return render(context, search, null, 404);
  const thread = await shopperThread(context.shopDomain, token);
  const response = await render(
    context,
    search,
    thread,
    ERROR_STATUS[result.error],
    (message ?? "").slice(0, 5000),
    { kind: "error", key: result.error, seconds: result.retryAfterSeconds },
  );
  return { ...response, retryAfterSeconds: result.retryAfterSeconds };
}
