import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { commentCsat, csatPage, previewCsat, recordCsat } from "../surveys/csat.server";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";

const html = (body: string, invalid: boolean) =>
  new Response(body, {
    status: invalid ? 400 : 200,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });

/**
 * A rating link from the delivery survey email: asks to confirm the score (records nothing, so a
 * mail scanner opening every link rates nothing), or shows the rating already given.
 */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const params = new URL(request.url).searchParams;
  const token = params.get("token") ?? "";
  const outcome = await previewCsat(token, params.get("score"));
  return html(
    csatPage(outcome, token, request.headers.get("accept-language")),
    outcome.kind === "invalid",
  );
};

/** The shopper's confirmed rating (the first one per shipment counts), or their comment after it. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const form = await readForm(request, BODY_LIMITS.publicForm);
  const token = String(form.get("token") ?? "");
  const score = form.get("score");
  const outcome =
    typeof score === "string"
      ? await recordCsat(token, score)
      : await commentCsat(token, String(form.get("comment") ?? ""));
  return html(
    csatPage(outcome, token, request.headers.get("accept-language")),
    outcome.kind === "invalid",
  );
};
