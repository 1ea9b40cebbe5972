import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { unsubscribe, unsubscribePage } from "../notifications/unsubscribe.server";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";

const html = (body: string, status = 200) =>
  new Response(body, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });

/** The link in every email's footer: a confirm page (mail scanners follow GET links). */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const outcome = await unsubscribe(token, false);
  return html(
    unsubscribePage(outcome, token, request.headers.get("accept-language")),
    outcome.kind === "invalid" ? 400 : 200,
  );
};

/** RFC 8058 one-click (`List-Unsubscribe=One-Click` posted by the mail app) and the page's button. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const form = await readForm(request, BODY_LIMITS.publicForm);
  const token = String(form.get("token") ?? new URL(request.url).searchParams.get("token") ?? "");
  const outcome = await unsubscribe(token, true);
  return html(
    unsubscribePage(outcome, token, request.headers.get("accept-language")),
    outcome.kind === "invalid" ? 400 : 200,
  );
};
