import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { Card, Page, Pagination } from "@shopify/polaris";
import { useCsvExport } from "../components/download";
import {
  DeclineReturnsModal,
  ReturnsBulkBanner,
  useReturnsBulk,
} from "../components/ReturnsBulkActions";
import { ReturnsFilters } from "../components/ReturnsFilters";
import { ReturnsTable } from "../components/ReturnsTable";
import { useShop } from "../components/ShopContext";
import { negotiateLocale } from "../platform/i18n";
import { returnsQueueMessages } from "../returns/queue-messages";
import { runBulkReturnAction } from "../returns/admin-actions.server";
import { parseReturnFilter, returnsQueue } from "../returns/admin.server";
import { requireAdminShop } from "../shopify.server";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const filter = parseReturnFilter(new URL(request.url).searchParams);
  return {
    ...(await returnsQueue(shop, filter)),
    filter,
    portalUrl: `https://${shop}/apps/aftercare/returns`,
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const answer = await runBulkReturnAction(shop, await readForm(request, BODY_LIMITS.adminForm));
  return Response.json(answer, { status: answer.ok ? 200 : 400 });
};

export default function Returns() {
  const { returns, counts, filter, portalUrl } = useLoaderData<typeof loader>();
  const [searchParams, setSearchParams] = useSearchParams();
  const t = returnsQueueMessages(negotiateLocale([useShop().locale]));
  const csvExport = useCsvExport(`/app/returns/export?${searchParams.toString()}`, "returns");
  const bulk = useReturnsBulk(returns.rows);
  const orderOf = (id: string) => returns.rows.find((row) => row.id === id)?.orderName ?? id;

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!("page" in changes)) next.delete("page");
    setSearchParams(next);
  };

  const pages = Math.max(Math.ceil(returns.total / returns.pageSize), 1);
  const filtered = Boolean(
    filter.query || filter.tab || filter.resolution || filter.reason || filter.kind,
  );

  return (
    <Page
      title={t("title")}
      subtitle={t("subtitle")}
      primaryAction={{ ...csvExport, disabled: returns.total === 0 }}
      secondaryActions={[{ content: t("returnPolicy"), url: "/app/returns/settings" }]}
    >
      <ReturnsBulkBanner bulk={bulk} orderOf={orderOf} />
      <DeclineReturnsModal bulk={bulk} />
      <Card padding="0">
        <ReturnsFilters filter={filter} counts={counts} update={update} />
        <ReturnsTable rows={returns.rows} bulk={bulk} filtered={filtered} portalUrl={portalUrl} />
        <div style={{ padding: 16, display: "flex", justifyContent: "center" }}>
          <Pagination
            hasPrevious={returns.page > 1}
            onPrevious={() => update({ page: String(returns.page - 1) })}
            hasNext={returns.page < pages}
            onNext={() => update({ page: String(returns.page + 1) })}
            label={t("pageOf", { page: returns.page, pages })}
          />
        </div>
      </Card>
    </Page>
  );
}
