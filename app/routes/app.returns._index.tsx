import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Card,
  EmptyState,
  IndexTable,
  InlineStack,
  Modal,
  Page,
  Pagination,
  Select,
  Tabs,
  Text,
  TextField,
  useIndexResourceState,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { z } from "zod";
import { useCsvExport } from "../components/download";
import { formatCount, formatMinor } from "../components/format";
import { ListSearch } from "../components/ListSearch";
import { useShop } from "../components/ShopContext";
import {
  listReturns,
  parseReturnFilter,
  returnCounts,
  type ReturnTab,
} from "../returns/admin.server";
import {
  RESOLUTION_LABELS,
  STATUS_LABELS,
  STATUS_TONES,
  label,
  reasonLabel,
} from "../returns/labels";
import { approveReturn, declineReturn } from "../returns/lifecycle.server";
import { RESOLUTIONS } from "../returns/policy";
import { requireAdminShop } from "../shopify.server";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";

const DAY_MS = 86_400_000;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const filter = parseReturnFilter(new URL(request.url).searchParams);
  const [returns, counts] = await Promise.all([listReturns(shop, filter), returnCounts(shop)]);
  const now = Date.now();
  return {
    returns: {
      ...returns,
      rows: returns.rows.map((row) => ({
        ...row,
        ageDays: Math.floor((now - row.requestedAt.getTime()) / DAY_MS),
      })),
    },
    counts,
    filter,
    portalUrl: `https://${shop}/apps/aftercare/returns`,
  };
};

const BulkSchema = z.object({
  intent: z.enum(["approve", "decline"]),
  ids: z.array(z.string().min(1).max(40)).min(1, "Select at least one return").max(250),
  reason: z.string().default(""),
});

export type BulkAnswer =
  | { ok: true; done: number; refused: { id: string; message: string }[] }
  | { ok: false; error: string };

/** Approves or declines each selected return; each one the lifecycle refuses says why. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const form = await readForm(request, BODY_LIMITS.adminForm);
  const parsed = BulkSchema.safeParse({
    intent: form.get("intent"),
    ids: form.getAll("ids"),
    reason: form.get("reason") ?? "",
  });
  if (!parsed.success) {
    const error = parsed.error.issues[0]?.message ?? "Unknown action";
    return Response.json({ ok: false, error } satisfies BulkAnswer, { status: 400 });
  }
  const { intent, ids, reason } = parsed.data;
  const refused: { id: string; message: string }[] = [];
  for (const id of ids) {
    const result =
      intent === "approve" ? await approveReturn(shop, id) : await declineReturn(shop, id, reason);
    if (!result.ok) refused.push({ id, message: result.message });
  }
  return Response.json({
    ok: true,
    done: ids.length - refused.length,
    refused,
  } satisfies BulkAnswer);
};

const TABS: { id: ReturnTab | "all"; content: string }[] = [
  { id: "all", content: "All" },
  { id: "requested", content: "Requested" },
  { id: "open", content: "Open" },
  { id: "in_transit", content: "In transit" },
  { id: "received", content: "Received" },
  { id: "closed", content: "Closed" },
  { id: "declined", content: "Declined or cancelled" },
];

export default function Returns() {
  const { returns, counts, filter, portalUrl } = useLoaderData<typeof loader>();
  const shop = useShop();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const csvExport = useCsvExport(`/app/returns/export?${searchParams.toString()}`, "returns");
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const bulk = useFetcher<BulkAnswer>();
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } =
    useIndexResourceState(returns.rows);
  useEffect(() => {
    if (bulk.state === "idle" && bulk.data?.ok) {
      clearSelection();
      setDeclining(false);
      setReason("");
    }
  }, [bulk.state, bulk.data, clearSelection]);

  const submitBulk = (intent: "approve" | "decline") => {
    const form = new FormData();
    form.set("intent", intent);
    form.set("reason", reason);
    for (const id of selectedResources) form.append("ids", id);
    bulk.submit(form, { method: "post" });
  };
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

  const selectedTab = Math.max(
    0,
    TABS.findIndex((tab) => (tab.id === "all" ? !filter.tab : tab.id === filter.tab)),
  );
  const pages = Math.max(Math.ceil(returns.total / returns.pageSize), 1);
  const filtered = Boolean(
    filter.query || filter.tab || filter.resolution || filter.reason || filter.kind,
  );

  return (
    <Page
      title="Returns"
      subtitle="Requests from your shoppers, what they chose and where each return stands"
      primaryAction={{ ...csvExport, disabled: returns.total === 0 }}
      secondaryActions={[{ content: "Return policy", url: "/app/returns/settings" }]}
    >
      {bulk.data && bulk.state === "idle" && (
        <div style={{ marginBottom: 16 }}>
          {!bulk.data.ok ? (
            <Banner tone="critical" title={bulk.data.error} />
          ) : (
            <Banner
              tone={bulk.data.refused.length ? "warning" : "success"}
              title={`${formatCount(bulk.data.done, shop.locale)} return(s) updated`}
            >
              {bulk.data.refused.length > 0 && (
                <ul>
                  {bulk.data.refused.map((entry) => (
                    <li key={entry.id}>
                      {orderOf(entry.id)}: {entry.message}
                    </li>
                  ))}
                </ul>
              )}
            </Banner>
          )}
        </div>
      )}
      <Modal
        open={declining}
        onClose={() => setDeclining(false)}
        title={`Decline ${formatCount(selectedResources.length, shop.locale)} return(s)`}
        primaryAction={{
          content: "Decline",
          destructive: true,
          loading: bulk.state !== "idle",
          disabled: !reason.trim(),
          onAction: () => submitBulk("decline"),
        }}
        secondaryActions={[{ content: "Cancel", onAction: () => setDeclining(false) }]}
      >
        <Modal.Section>
          <TextField
            label="Reason for declining"
            value={reason}
            onChange={setReason}
            multiline={3}
            autoComplete="off"
            helpText="The customer sees this."
          />
        </Modal.Section>
      </Modal>
      <Card padding="0">
        <Tabs
          tabs={TABS.map((tab) => ({
            id: tab.id,
            content: `${tab.content} (${formatCount(
              tab.id === "all" ? counts.total : counts.byTab[tab.id],
              shop.locale,
            )})`,
            accessibilityLabel: tab.content,
          }))}
          selected={selectedTab}
          onSelect={(index) => {
            const tab = TABS[index]?.id ?? "all";
            update({ tab: tab === "all" ? undefined : tab });
          }}
        />
        <div style={{ padding: 12 }}>
          <InlineStack gap="300" wrap={false} blockAlign="end">
            <div style={{ flex: 1 }}>
              <ListSearch
                label="Search returns"
                placeholder="Order number or email"
                current={filter.query}
                onSearch={(query) => update({ query })}
              />
            </div>
            <Select
              label="Resolution"
              labelInline
              value={filter.resolution ?? ""}
              onChange={(value) => update({ resolution: value || undefined })}
              options={[
                { label: "All", value: "" },
                ...RESOLUTIONS.map((resolution) => ({
                  label: RESOLUTION_LABELS[resolution] ?? resolution,
                  value: resolution,
                })),
              ]}
            />
            <Select
              label="Type"
              labelInline
              value={filter.kind ?? ""}
              onChange={(value) => update({ kind: value || undefined })}
              options={[
                { label: "All", value: "" },
                { label: "Returns", value: "return" },
                { label: "Warranty claims", value: "warranty" },
              ]}
            />
            <Select
              label="Reason"
              labelInline
              value={filter.reason ?? ""}
              onChange={(value) => update({ reason: value || undefined })}
              options={[
                { label: "All", value: "" },
                ...counts.reasons.map((reason) => ({ label: reasonLabel(reason), value: reason })),
              ]}
            />
          </InlineStack>
        </div>
        {returns.rows.length === 0 ? (
          filtered ? (
            <EmptyState heading="No returns match" image="">
              <p>Try another search or clear the filters.</p>
            </EmptyState>
          ) : (
            <EmptyState
              heading="No returns yet"
              image=""
              action={{ content: "Set up your return policy", url: "/app/returns/settings" }}
            >
              <p>
                Shoppers request returns on your store at {portalUrl} with their order number and
                email; each request appears here. Set your return window, resolutions and rules
                first, and test them on one of your orders.
              </p>
            </EmptyState>
          )
        ) : (
          <IndexTable
            resourceName={{ singular: "return", plural: "returns" }}
            itemCount={returns.rows.length}
            selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
            onSelectionChange={handleSelectionChange}
            promotedBulkActions={[
              { content: "Approve", onAction: () => submitBulk("approve") },
              { content: "Decline", onAction: () => setDeclining(true) },
            ]}
            headings={[
              { title: "Order" },
              { title: "Status" },
              { title: "Items" },
              { title: "Resolution" },
              { title: "Amount", alignment: "end" },
              { title: "Age" },
            ]}
          >
            {returns.rows.map((row, index) => (
              <IndexTable.Row
                id={row.id}
                key={row.id}
                position={index}
                selected={selectedResources.includes(row.id)}
                onClick={() => navigate(`/app/returns/${row.id}`)}
              >
                <IndexTable.Cell>
                  <BlockStack gap="050">
                    <Text as="span" fontWeight="semibold">
                      {row.orderName}
                      {row.kind === "warranty" ? " · Warranty claim" : ""}
                    </Text>
                    <Text as="span" tone="subdued" variant="bodySm">
                      {row.email ?? ""}
                    </Text>
                  </BlockStack>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Badge tone={STATUS_TONES[row.status]}>{label(STATUS_LABELS, row.status)}</Badge>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <BlockStack gap="050">
                    <Text as="span">{formatCount(row.items, shop.locale)}</Text>
                    <Text as="span" tone="subdued" variant="bodySm">
                      {row.titles.join(", ")}
                    </Text>
                  </BlockStack>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  {row.resolutions
                    .map((resolution) => label(RESOLUTION_LABELS, resolution))
                    .join(", ")}
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" alignment="end" numeric>
                    {formatMinor(row.totalAmount, row.currency, shop.locale)}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  {row.ageDays === 0 ? "Today" : `${formatCount(row.ageDays, shop.locale)} d`}
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        )}
        <div style={{ padding: 16, display: "flex", justifyContent: "center" }}>
          <Pagination
            hasPrevious={returns.page > 1}
            onPrevious={() => update({ page: String(returns.page - 1) })}
            hasNext={returns.page < pages}
            onNext={() => update({ page: String(returns.page + 1) })}
            label={`Page ${returns.page} of ${pages}`}
          />
        </div>
      </Card>
    </Page>
  );
}
