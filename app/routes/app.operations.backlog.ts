import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdminShop } from "../shopify.server";
import { countByStatus } from "../webhooks/inbox.server";

/**
 * The shop's webhook inbox as numbers, in JSON: `waiting` counts deliveries the workers have yet
 * to apply (received, being applied, or waiting for a retry). What a script or a deploy check
 * waits on before it reads what the webhooks wrote (the demo does).
 */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const counts = await countByStatus(shop);
  return Response.json(
    { waiting: counts.received + counts.processing + counts.retrying, ...counts },
    { headers: { "Cache-Control": "no-store" } },
  );
};
