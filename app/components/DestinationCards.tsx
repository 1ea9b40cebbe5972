import { Form } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, InlineStack, Select, Text } from "@shopify/polaris";
import type { EndpointView } from "../destinations/index.server";
import type { DestinationMessageKey } from "../destinations/messages";
import { EVENT_TYPES } from "../platform/events/catalog";
import { EventChoices } from "./EventChoices";
import { FormTextField } from "./FormTextField";

type T = (key: DestinationMessageKey, values?: Record<string, string | number>) => string;

function Intent({ value, id }: { value: string; id?: string }) {
  return (
    <>
      <input type="hidden" name="intent" value={value} />
      {id && <input type="hidden" name="id" value={id} />}
    </>
  );
}

interface StatusCount {
  status: string;
  count: number;
}

const COUNTED = [
  ["succeeded", "statusSucceeded"],
  ["pending", "statusPending"],
  ["failed", "statusFailed"],
  ["skipped", "statusSkipped"],
] as const;

/** How this destination's deliveries stand: delivered, pending, failed, skipped. */
function DeliveryCounts({ counts, t }: { counts: StatusCount[]; t: T }) {
  return (
    <Text as="p" tone="subdued">
      {COUNTED.map(
        ([status, label]) =>
          `${t(label)}: ${counts.find((count) => count.status === status)?.count ?? 0}`,
      ).join(" · ")}
    </Text>
  );
}

export function DestinationBadge({ destination, t }: { destination: EndpointView; t: T }) {
  if (destination.enabled) return <Badge tone="success">{t("statusOn")}</Badge>;
  return (
    <Badge tone="critical">
      {destination.disabledReason ? t("statusFailing") : t("statusOff")}
    </Badge>
  );
}

/** One merchant endpoint: edit URL, events and the switch; delete; send a test event. */
export function EndpointCard({
  endpoint,
  counts,
  t,
  when,
}: {
  endpoint: EndpointView;
  counts: StatusCount[];
  t: T;
  when: (value: Date | string | null) => string;
}) {
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h3" variant="headingSm">
            {endpoint.url}
          </Text>
          <DestinationBadge destination={endpoint} t={t} />
          {endpoint.failingSince && (
            <Text as="span" tone="caution">
              {t("failingSince", { time: when(endpoint.failingSince) })}
            </Text>
          )}
        </InlineStack>
        <DeliveryCounts counts={counts} t={t} />
        <Form method="post">
          <Intent value="update" id={endpoint.id} />
          <BlockStack gap="300">
            <FormTextField label={t("url")} name="url" type="url" initial={endpoint.url ?? ""} />
            <EventChoices legend={t("events")} chosen={endpoint.eventTypes} />
            <label>
              <input type="checkbox" name="enabled" defaultChecked={endpoint.enabled} />{" "}
              {t("enabled")}
            </label>
            <InlineStack>
              <Button submit variant="primary">
                {t("save")}
              </Button>
            </InlineStack>
          </BlockStack>
        </Form>
        <InlineStack gap="400" blockAlign="end">
          <Form method="post">
            <Intent value="test" id={endpoint.id} />
            <InlineStack gap="200" blockAlign="end">
              <Select
                label={t("testEvent")}
                name="type"
                options={EVENT_TYPES.map((type) => ({ label: type, value: type }))}
              />
              <Button submit>{t("sendTest")}</Button>
            </InlineStack>
          </Form>
          <DeleteButton id={endpoint.id} t={t} />
        </InlineStack>
      </BlockStack>
    </Card>
  );
}

export function DeleteButton({ id, t }: { id: string; t: T }) {
  return (
    <Form method="post">
      <Intent value="delete" id={id} />
      <Button submit tone="critical">
        {t("delete")}
      </Button>
    </Form>
  );
}

export function NewEndpointCard({ t, error }: { t: T; error?: string }) {
  return (
    <Card>
      <Form method="post">
        <Intent value="create" />
        <BlockStack gap="300">
          <Text as="h3" variant="headingSm">
            {t("addEndpoint")}
          </Text>
          <FormTextField
            label={t("url")}
            name="url"
            type="url"
            placeholder="https://"
            initial=""
            error={error}
          />
          <EventChoices legend={t("events")} chosen={[]} />
          <InlineStack>
            <Button submit variant="primary">
              {t("addEndpoint")}
            </Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Card>
  );
}

/** The shop's Klaviyo account: connect or re-key (the key is never shown back), events, delete. */
export function KlaviyoCard({
  klaviyo,
  counts,
  t,
  error,
}: {
  klaviyo: EndpointView | undefined;
  counts: StatusCount[];
  t: T;
  error?: string;
}) {
  return (
    <Card>
      <BlockStack gap="300">
        {klaviyo && (
          <InlineStack gap="200">
            <Text as="span">{t("klaviyoConnected")}</Text>
            <DestinationBadge destination={klaviyo} t={t} />
          </InlineStack>
        )}
        {klaviyo && <DeliveryCounts counts={counts} t={t} />}
        <Form method="post">
          <Intent value="klaviyo" />
          <BlockStack gap="300">
            <FormTextField
              label={t("klaviyoKey")}
              name="apiKey"
              type="password"
              helpText={t("klaviyoKeyHelp")}
              placeholder="pk_…"
              initial=""
              error={error}
            />
            <EventChoices legend={t("events")} chosen={klaviyo?.eventTypes ?? []} />
            <InlineStack>
              <Button submit variant="primary">
                {klaviyo ? t("klaviyoReplaceKey") : t("klaviyoConnect")}
              </Button>
            </InlineStack>
          </BlockStack>
        </Form>
        {klaviyo && <DeleteButton id={klaviyo.id} t={t} />}
      </BlockStack>
    </Card>
  );
}
