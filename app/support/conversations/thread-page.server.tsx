import { renderToStaticMarkup } from "react-dom/server";
import { negotiateLocale } from "../../platform/i18n";
import { shopProfile } from "../../shops/index.server";
import {
  ConversationNotFound,
  ConversationPage,
  CONVERSATION_STYLES,
  type ThreadNotice,
} from "./ConversationPage";
import { BODY_LIMITS } from "../../platform/http/body.server";
import { formImages } from "./attachments.server";
import { shopperReply, shopperThread, type ShopperThread } from "./conversations.server";
import { MAX_THREAD_FORM_BYTES } from "./thread.server";
import { readShopperToken } from "./tokens.server";

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
  notAnImage: 400,
  imageTooLarge: 400,
  tooManyImages: 400,
  tooMany: 429,
  notFound: 404,
} as const;

/**
 * How much of a reply's body to read: a message with up to three photos for a request whose URL
 * carries a live conversation token (checked before a byte is read), a text form otherwise.
 */
export function threadBodyLimit(request: Request) {
  const multipart = /^multipart\/form-data\b/i.test(request.headers.get("content-type") ?? "");
  const held = readShopperToken(new URL(request.url).searchParams.get("t"));
  return multipart && held ? BODY_LIMITS.supportUpload : MAX_THREAD_FORM_BYTES;
}

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
  form: FormData,
): Promise<ThreadResponse> {
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : null;
  };
  const token = search.get("t") ?? field("t");
  const message = field("message");
  const result = await shopperReply(context.shopDomain, token, message, await formImages(form));
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
