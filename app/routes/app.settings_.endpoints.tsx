import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Card, EmptyState, Layout, Page, Text } from "@shopify/polaris";
import { DeliveriesTable } from "../components/DeliveriesTable";
import { EndpointCard, KlaviyoCard, NewEndpointCard } from "../components/DestinationCards";
import { formatDateTime } from "../components/format";
import { useShop } from "../components/ShopContext";
import {
  connectKlaviyo,
  createEndpoint,
  deleteDestination,
  deliveryCounts,
  DestinationInputError,
  DISABLE_AFTER_FAILING_DAYS,
  listDeliveries,
  listDestinations,
  replayDelivery,
  sendTestEvent,
  updateEndpoint,
} from "../destinations/index.server";
import { destinationMessages, type DestinationMessageKey } from "../destinations/messages";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";
import { negotiateLocale } from "../platform/i18n";
import { requireAdminShop } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const [destinations, deliveries, counts] = await Promise.all([
    listDestinations(shop),
    listDeliveries(shop, { take: 100 }),
    deliveryCounts(shop),
  ]);
  return { destinations, deliveries, counts, disableAfterDays: DISABLE_AFTER_FAILING_DAYS };
};

type Result = {
  notice?: DestinationMessageKey;
  secret?: string;
  error?: string;
  /** The page's own words for the error, when it has them. */
  errorKey?: DestinationMessageKey;
  field?: string;
};

const notFound = () => new Response("Not found", { status: 404 });

export const action = async ({ request }: ActionFunctionArgs): Promise<Result> => {
  const { shop } = await requireAdminShop(request);
  const form = await readForm(request, BODY_LIMITS.adminForm);
  const text = (name: string) => String(form.get(name) ?? "");
  const events = form.getAll("events").map(String);
  const id = text("id");
  try {
    switch (text("intent")) {
      case "create": {
        const { secret } = await createEndpoint(shop, { url: text("url"), eventTypes: events });
        return { secret };
      }
      case "update": {
        const input = { url: text("url"), eventTypes: events, enabled: form.has("enabled") };
        if (!(await updateEndpoint(shop, id, input))) throw notFound();
        return { notice: "saved" };
      }
      case "delete":
        if (!(await deleteDestination(shop, id))) throw notFound();
        return { notice: "deleted" };
      case "test":
        if (!(await sendTestEvent(shop, id, text("type")))) throw notFound();
        return { notice: "testQueued" };
      case "replay":
        if (!(await replayDelivery(shop, text("deliveryId")))) throw notFound();
        return { notice: "replayed" };
      case "klaviyo":
        await connectKlaviyo(shop, { apiKey: text("apiKey"), eventTypes: events });
        return { notice: "saved" };
      default:
        throw new Response("Unknown intent", { status: 400 });
    }
  } catch (error) {
    if (error instanceof DestinationInputError)
      return { error: error.message, errorKey: error.messageKey, field: error.field };
    throw error;
  }
};

export default function EndpointsPage() {
  const { destinations, deliveries, counts, disableAfterDays } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const shop = useShop();
  const t = destinationMessages(negotiateLocale([shop.locale]));
  const when = (value: Date | string | null) =>
    value ? formatDateTime(value, shop.timezone, shop.locale) : "—";
  const endpoints = destinations.filter((destination) => destination.kind === "webhook");
  const klaviyo = destinations.find((destination) => destination.kind === "klaviyo");
  const errorText = result?.error && (result.errorKey ? t(result.errorKey) : result.error);
  const fieldError = (field: string) => (result?.field === field ? errorText : undefined);

  return (
    <Page title={t("title")} backAction={{ url: "/app/settings" }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Text as="p">{t("intro", { days: disableAfterDays })}</Text>
            {result?.secret && (
              <Banner tone="warning" title={t("secretTitle")}>
                <BlockStack gap="200">
                  <Text as="p">{t("secretBody")}</Text>
                  <Text as="p" variant="bodyLg" fontWeight="semibold">
                    <code data-testid="endpoint-secret">{result.secret}</code>
                  </Text>
                </BlockStack>
              </Banner>
            )}
            {result?.notice && <Banner tone="success" title={t(result.notice)} />}
            {result?.error && (
              <Banner tone="critical" title={t("fix")}>
                {errorText}
              </Banner>
            )}
          </BlockStack>
        </Layout.Section>
        <Layout.Section>
          <BlockStack gap="400">
            <Text as="h2" variant="headingMd">
              {t("endpoints")}
            </Text>
            {endpoints.length === 0 && (
              <Card>
                <EmptyState heading={t("emptyHeading")} image="">
                  <p>{t("emptyBody")}</p>
                </EmptyState>
              </Card>
            )}
            {endpoints.map((endpoint) => (
              <EndpointCard
                key={endpoint.id}
                endpoint={endpoint}
                counts={counts.filter((count) => count.destinationId === endpoint.id)}
                t={t}
                when={when}
              />
            ))}
            <NewEndpointCard t={t} error={fieldError("url")} />
          </BlockStack>
        </Layout.Section>
        <Layout.AnnotatedSection title={t("klaviyo")} description={t("klaviyoIntro")}>
          <KlaviyoCard
            klaviyo={klaviyo}
            counts={counts.filter((count) => count.destinationId === klaviyo?.id)}
            t={t}
            error={fieldError("apiKey")}
          />
        </Layout.AnnotatedSection>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("deliveries")}
              </Text>
              <DeliveriesTable deliveries={deliveries} t={t} when={when} />
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
