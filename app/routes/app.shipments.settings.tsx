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
import { useShop } from "../components/ShopContext";
import { useState } from "react";
import { negotiateLocale } from "../platform/i18n";
import { log } from "../platform/logging/logger.server";
import { requireAdminShop } from "../shopify.server";
import { adminLocale } from "../shops/shops.server";
import { shipmentLabel, shipmentMessages } from "../tracking/admin-messages";
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
  const t = shipmentMessages(await adminLocale(shop));
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
    const fields = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
    const error = [...fields].map((field) => shipmentLabel(t, "invalid_", field)).join(" ");
    return Response.json({ ok: false, error }, { status: 400 });
  }
  try {
    await updateTrackingSettings(shop, parsed.data);
  } catch (error) {
    log().warn({ shop, err: error }, "Tracking settings not saved");
    return Response.json(
      {
        ok: false,
        error: t("connectionRefused", { error: (error as Error).message }),
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
  const t = shipmentMessages(negotiateLocale([useShop().locale]));

  return (
    <Page
      backAction={{ content: t("title"), url: "/app/shipments" }}
      title={t("trackingSettings")}
      secondaryActions={[{ content: t("trackingPageOffer"), url: "/app/shipments/tracking-page" }]}
    >
      <Form method="post">
        <Layout>
          <SaveResultBanner
            result={result}
            saved={t("settingsSaved")}
            failed={t("settingsNotSaved")}
          />
          <Layout.AnnotatedSection title={t("sourceTitle")} description={t("sourceDescription")}>
            <Card>
              <FormLayout>
                <Select
                  label={t("sourceLabel")}
                  name="provider"
                  value={provider}
                  onChange={setProvider}
                  options={["shopify", "easypost"].map((value) => ({
                    label: shipmentLabel(t, "source_", value),
                    value,
                  }))}
                />
                {provider === "easypost" && (
                  <>
                    <TextField
                      label={t("easypostKey")}
                      name="easypostApiKey"
                      value={apiKey}
                      onChange={setApiKey}
                      type="password"
                      autoComplete="off"
                      placeholder={settings.hasEasypostKey ? t("easypostKeySaved") : "EZAK…"}
                      helpText={t("easypostKeyHelp")}
                    />
                    <Text as="p" tone="subdued" variant="bodySm">
                      {t("webhook", { url: settings.webhookUrl })}
                    </Text>
                  </>
                )}
                <Checkbox
                  label={t("writeBackLabel")}
                  helpText={t("writeBackHelp")}
                  name="writeBack"
                  checked={writeBack}
                  onChange={setWriteBack}
                />
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title={t("stalledTitle")} description={t("stalledDescription")}>
            <Card>
              <InlineGrid columns={{ xs: 2, md: 3 }} gap="300">
                {Object.keys(DEFAULT_STALL_DAYS).map((code) => (
                  <StallDaysField key={code} code={code} initial={settings.stallDays[code]} t={t} />
                ))}
              </InlineGrid>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.Section>
            <BlockStack inlineAlign="end">
              <Button submit variant="primary" loading={navigation.state === "submitting"}>
                {t("save")}
              </Button>
            </BlockStack>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}

function StallDaysField({
  code,
  initial,
  t,
}: {
  code: string;
  initial: number | undefined;
  t: ReturnType<typeof shipmentMessages>;
}) {
  const [value, setValue] = useState(initial === undefined ? "" : String(initial));
  return (
    <TextField
      label={code === "*" ? t("anyOtherCarrier") : (carrierName(code) ?? code)}
      name={`stall.${code}`}
      type="number"
      min={1}
      max={60}
      autoComplete="off"
      value={value}
      onChange={setValue}
      suffix={t("days")}
    />
  );
}
