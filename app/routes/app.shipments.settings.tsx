import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  BlockStack,
  Button,
  Card,
  Checkbox,
  FormLayout,
  InlineGrid,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { SaveResultBanner } from "../components/SaveResultBanner";
import { useState } from "react";
import { log } from "../platform/logging/logger.server";
import { requireAdminShop } from "../shopify.server";
import { DEFAULT_STALL_DAYS } from "../tracking/attention";
import { carrierName } from "../tracking/carriers/carriers";
import { getTrackingSettings, TrackingSettingsInputSchema } from "../tracking/settings.server";
import { providerWebhookUrl, updateTrackingSettings } from "../tracking/tracking.server";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const settings = await getTrackingSettings(shop);
  return {
    provider: settings.provider,
    hasEasypostKey: Boolean(settings.easypostApiKey),
    stallDays: settings.stallDays,
    writeBack: settings.writeBack,
    webhookUrl: providerWebhookUrl("easypost", shop),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const form = await readForm(request, BODY_LIMITS.adminForm);
  const stallDays: Record<string, number> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("stall.") && String(value).trim()) {
      stallDays[key.slice(6)] = Number(value);
    }
  }
  const parsed = TrackingSettingsInputSchema.safeParse({
    provider: form.get("provider"),
    easypostApiKey: String(form.get("easypostApiKey") ?? "") || undefined,
    stallDays,
    writeBack: form.get("writeBack") === "on",
  });
  if (!parsed.success) {
    return Response.json(
      { ok: false, error: parsed.error.issues.map((issue) => issue.message).join("; ") },
      { status: 400 },
    );
  }
  try {
    await updateTrackingSettings(shop, parsed.data);
  } catch (error) {
    log().warn({ shop, err: error }, "Tracking settings not saved");
    return Response.json(
      {
        ok: false,
        error: `The carrier data source refused the connection: ${(error as Error).message}`,
      },
      { status: 400 },
    );
  }
  return Response.json({ ok: true, error: null });
};

export default function TrackingSettings() {
  const settings = useLoaderData<typeof loader>();
  const result = useActionData<{ ok: boolean; error: string | null }>();
  const navigation = useNavigation();
  const [provider, setProvider] = useState<string>(settings.provider);
  const [writeBack, setWriteBack] = useState(settings.writeBack);
  const [apiKey, setApiKey] = useState("");

  return (
    <Page
      backAction={{ content: "Shipments", url: "/app/shipments" }}
      title="Tracking settings"
      secondaryActions={[{ content: "Tracking page offer", url: "/app/shipments/tracking-page" }]}
    >
      <Form method="post">
        <Layout>
          <SaveResultBanner result={result} saved="Settings saved" failed="Settings not saved" />
          <Layout.AnnotatedSection
            title="Carrier data source"
            description="Shopify's own fulfillment events work for every shop. Connect EasyPost to follow every carrier scan, with webhooks and polling as a fallback."
          >
            <Card>
              <FormLayout>
                <Select
                  label="Source"
                  name="provider"
                  value={provider}
                  onChange={setProvider}
                  options={[
                    { label: "Shopify fulfillment events", value: "shopify" },
                    { label: "EasyPost trackers", value: "easypost" },
                  ]}
                />
                {provider === "easypost" && (
                  <>
                    <TextField
                      label="EasyPost API key"
                      name="easypostApiKey"
                      value={apiKey}
                      onChange={setApiKey}
                      type="password"
                      autoComplete="off"
                      placeholder={
                        settings.hasEasypostKey ? "Saved — enter a new key to replace it" : "EZAK…"
                      }
                      helpText="Saving registers Aftercare's webhook in your EasyPost account with a fresh signing secret."
                    />
                    <Text as="p" tone="subdued" variant="bodySm">
                      Webhook: {settings.webhookUrl}
                    </Text>
                  </>
                )}
                <Checkbox
                  label="Write every new status back to Shopify"
                  helpText="Keeps the order status page, the Shop app and Shopify's shipping emails right for every carrier."
                  name="writeBack"
                  checked={writeBack}
                  onChange={setWriteBack}
                />
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection
            title="Stalled shipments"
            description="Days without a carrier scan before a shipment is flagged as stalled. Leave a carrier empty to use the default."
          >
            <Card>
              <InlineGrid columns={{ xs: 2, md: 3 }} gap="300">
                {Object.keys(DEFAULT_STALL_DAYS).map((code) => (
                  <StallDaysField key={code} code={code} initial={settings.stallDays[code]} />
                ))}
              </InlineGrid>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.Section>
            <BlockStack inlineAlign="end">
              <Button submit variant="primary" loading={navigation.state === "submitting"}>
                Save
              </Button>
            </BlockStack>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}

function StallDaysField({ code, initial }: { code: string; initial: number | undefined }) {
  const [value, setValue] = useState(initial === undefined ? "" : String(initial));
  return (
    <TextField
      label={code === "*" ? "Any other carrier" : (carrierName(code) ?? code)}
      name={`stall.${code}`}
      type="number"
      min={1}
      max={60}
      autoComplete="off"
      value={value}
      onChange={setValue}
      suffix="days"
    />
  );
}
