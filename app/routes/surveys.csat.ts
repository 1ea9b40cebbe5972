import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { commentCsat, csatPage, recordCsat } from "../surveys/csat.server";

const html = (body: string, invalid: boolean) =>
  new Response(body, {
    status: invalid ? 400 : 200,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });

/** A rating link from the delivery survey email: records the first rating for the shipment. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const params = new URL(request.url).searchParams;
  const token = params.get("token") ?? "";
  const outcome = await recordCsat(token, params.get("score"));
  return html(
    csatPage(outcome, token, request.headers.get("accept-language")),
    outcome.kind === "invalid",
  );
};

/** The comment after a rating. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const form = await request.formData();
  const token = String(form.get("token") ?? "");
  const outcome = await commentCsat(token, String(form.get("comment") ?? ""));
  return html(
    csatPage(outcome, token, request.headers.get("accept-language")),
    outcome.kind === "invalid",
  );
};
