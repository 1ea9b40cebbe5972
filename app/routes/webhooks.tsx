import type { ActionFunctionArgs } from "@remix-run/node";
import { ingestWebhook } from "../webhooks/ingest.server";

/** Every webhook topic, compliance topics included, arrives here (shopify.app.toml). */
export const action = ({ request }: ActionFunctionArgs) => ingestWebhook(request);

export const loader = () =>
  new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
