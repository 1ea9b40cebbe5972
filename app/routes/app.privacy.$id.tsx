import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDataExport } from "../compliance/compliance.server";
import { requireAdminShop } from "../shopify.server";

/** The export prepared for a customers/data_request, as a JSON download. */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const found = await getDataExport(shop, params.id ?? "");
  if (!found?.result) throw new Response("Not found", { status: 404 });
  return new Response(found.result, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="customer-data-${found.customerShopifyId ?? found.id}.json"`,
      "Cache-Control": "no-store",
    },
  });
};
