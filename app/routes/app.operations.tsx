import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Button,
  Card,
  DataTable,
  EmptyState,
  IndexTable,
  InlineStack,
  Layout,
  Page,
  Pagination,
  Select,
  Text,
} from "@shopify/polaris";
import { z } from "zod";
import { listComplianceRequests } from "../compliance/compliance.server";
import { downloadFromApp } from "../components/download";
import { formatCount, formatDateTime } from "../components/format";
import { useShop } from "../components/ShopContext";
import { jobs } from "../platform/jobs/queue.server";
import { requireAdminShop } from "../shopify.server";
import { listDeliveries } from "../webhooks/inbox.server";
import { replayDelivery } from "../webhooks/jobs.server";
import { DELIVERY_STATUSES, type DeliveryStatus } from "../webhooks/statuses";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";

const STATUS_TONES: Partial<Record<DeliveryStatus, "success" | "critical" | "attention" | "info">> =
  {
    processed: "success",
    parked: "critical",
    retrying: "attention",
    processing: "info",
    held: "info",
  };

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const url = new URL(request.url);
  const status = z
    .enum(DELIVERY_STATUSES)
    .optional()
    .catch(undefined)
    .parse(url.searchParams.get("status") ?? undefined);
  const page = z.coerce
    .number()
    .int()
    .min(1)
    .catch(1)
    .parse(url.searchParams.get("page") ?? 1);
  const [deliveries, queues, failedJobs, privacy] = await Promise.all([
    listDeliveries(shop, { status, page }),
    jobs.counts(),
    jobs.failures(shop, 20),
    listComplianceRequests(shop),
  ]);
  return { deliveries, status: status ?? "", queues, failedJobs, privacy };
};

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("replay"), deliveryId: z.string().min(1) }),
  z.object({ intent: z.literal("retry-job"), queue: z.string().min(1), jobId: z.string().min(1) }),
]);

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const parsed = ActionSchema.safeParse(
    Object.fromEntries(await readForm(request, BODY_LIMITS.adminForm)),
  );
  if (!parsed.success)
    return Response.json({ ok: false, error: "Unknown action" }, { status: 400 });
  const input = parsed.data;
  const ok =
    input.intent === "replay"
      ? await replayDelivery(shop, input.deliveryId)
      : await jobs.retry(shop, input.queue, input.jobId);
  return Response.json(
    { ok, error: ok ? null : "Nothing to do: it is no longer waiting for a retry." },
    { status: ok ? 200 : 404 },
  );
};

export default function Operations() {
  const { deliveries, status, queues, failedJobs, privacy } = useLoaderData<typeof loader>();
  const shop = useShop();
  const [searchParams, setSearchParams] = useSearchParams();
  const navigate = useNavigate();
  const fetcher = useFetcher<{ ok: boolean; error: string | null }>();
  const pages = Math.max(Math.ceil(deliveries.total / deliveries.pageSize), 1);

  const setFilter = (value: string) => {
    const next = new URLSearchParams(searchParams);
    if (value) next.set("status", value);
    else next.delete("status");
    next.delete("page");
    setSearchParams(next);
  };
  const goToPage = (page: number) => {
    const next = new URLSearchParams(searchParams);
    next.set("page", String(page));
    setSearchParams(next);
  };

  return (
    <Page
      title="Operations"
      subtitle="What Shopify sent, what Aftercare did with it, and what is still waiting"
    >
      <Layout>
        <Layout.Section>
          <Card padding="0">
            <div style={{ padding: 16 }}>
              <InlineStack align="space-between" blockAlign="center">
                <Text as="h2" variant="headingMd">
                  Webhook deliveries ({formatCount(deliveries.total)})
                </Text>
                <div style={{ minWidth: 200 }}>
                  <Select
                    label="Status"
                    labelInline
                    value={status}
                    onChange={setFilter}
                    options={[
                      { label: "All", value: "" },
                      ...DELIVERY_STATUSES.map((value) => ({ label: value, value })),
                    ]}
                  />
                </div>
              </InlineStack>
            </div>
            {deliveries.rows.length === 0 ? (
              <EmptyState
                heading={status ? `No ${status} deliveries` : "No webhooks received yet"}
                image=""
              >
                <p>
                  Shopify sends a webhook for every order, fulfillment and return. They will be
                  listed here.
                </p>
              </EmptyState>
            ) : (
              <IndexTable
                resourceName={{ singular: "delivery", plural: "deliveries" }}
                itemCount={deliveries.rows.length}
                selectable={false}
                headings={[
                  { title: "Topic" },
                  { title: "Received" },
                  { title: "Status" },
                  { title: "Attempts" },
                  { title: "Last error" },
                  { title: "" },
                ]}
              >
                {deliveries.rows.map((row, index) => (
                  <IndexTable.Row
                    id={row.id}
                    key={row.id}
                    position={index}
                    onClick={() => navigate(`/app/operations/deliveries/${row.id}`)}
                  >
                    <IndexTable.Cell>
                      <Text as="span" fontWeight="semibold">
                        {row.topic}
                      </Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      {formatDateTime(row.receivedAt, shop.timezone, shop.locale)}
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <Badge tone={STATUS_TONES[row.status as DeliveryStatus]}>{row.status}</Badge>
                    </IndexTable.Cell>
                    <IndexTable.Cell>{row.attempts}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <Text as="span" tone="critical" truncate>
                        {row.lastError ?? ""}
                      </Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      {row.status === "parked" && (
                        <div onClick={(event) => event.stopPropagation()}>
                          <fetcher.Form method="post">
                            <input type="hidden" name="intent" value="replay" />
                            <input type="hidden" name="deliveryId" value={row.id} />
                            <Button submit size="slim" loading={fetcher.state !== "idle"}>
                              Replay
                            </Button>
                          </fetcher.Form>
                        </div>
                      )}
                    </IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            )}
            <div style={{ padding: 16, display: "flex", justifyContent: "center" }}>
              <Pagination
                hasPrevious={deliveries.page > 1}
                onPrevious={() => goToPage(deliveries.page - 1)}
                hasNext={deliveries.page < pages}
                onNext={() => goToPage(deliveries.page + 1)}
                label={`Page ${deliveries.page} of ${pages}`}
              />
            </div>
          </Card>
        </Layout.Section>

        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                Background jobs
              </Text>
              <Text as="p" tone="subdued">
                Queue depth across this Aftercare deployment. Failed jobs below are only this
                shop&apos;s.
              </Text>
              <DataTable
                columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric"]}
                headings={["Queue", "Waiting", "Scheduled", "Running", "Failed"]}
                rows={queues.map((queue) => [
                  queue.queue,
                  queue.ready,
                  queue.deferred,
                  queue.active,
                  queue.failed,
                ])}
              />
              {failedJobs.length > 0 && (
                <DataTable
                  columnContentTypes={["text", "text", "text", "text"]}
                  headings={["Failed job", "When", "Error", ""]}
                  rows={failedJobs.map((job) => [
                    job.queue,
                    formatDateTime(job.failedAt, shop.timezone, shop.locale),
                    job.error ?? "",
                    <fetcher.Form method="post" key={job.id}>
                      <input type="hidden" name="intent" value="retry-job" />
                      <input type="hidden" name="queue" value={job.queue} />
                      <input type="hidden" name="jobId" value={job.id} />
                      <Button submit size="slim">
                        Retry
                      </Button>
                    </fetcher.Form>,
                  ])}
                />
              )}
            </BlockStack>
          </Card>
        </Layout.Section>

        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                Privacy requests
              </Text>
              {privacy.length === 0 ? (
                <Text as="p" tone="subdued">
                  No customer data requests or erasures yet. When a customer asks Shopify for their
                  data, the export Aftercare prepares appears here for you to send them.
                </Text>
              ) : (
                <DataTable
                  columnContentTypes={["text", "text", "text", "text"]}
                  headings={["Request", "Customer", "Received", ""]}
                  rows={privacy.map((request) => [
                    request.topic,
                    request.customerShopifyId ?? "—",
                    formatDateTime(request.receivedAt, shop.timezone, shop.locale),
                    request.topic === "customers/data_request" ? (
                      <Button
                        key={request.id}
                        size="slim"
                        onClick={() =>
                          downloadFromApp(
                            `/app/privacy/${request.id}`,
                            `customer-data-${request.customerShopifyId ?? request.id}.json`,
                          )
                        }
                      >
                        Download export
                      </Button>
                    ) : (
                      <Badge key={request.id} tone="success">
                        {request.status}
                      </Badge>
                    ),
                  ])}
                />
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
