import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  FormLayout,
  Layout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { HistoryImportCard, type HistoryNotice } from "../components/HistoryImportCard";
import { useShop } from "../components/ShopContext";
import { Swatch } from "../components/Swatch";
import { destinationMessages } from "../destinations/messages";
import { negotiateLocale } from "../platform/i18n";
import {
  DEFAULT_MONTHS,
  historyImportProgress,
  importHistoryFromShopify,
  MAX_MONTHS,
} from "../history/index.server";
import { historyMessages } from "../history/messages";
import { AdminApiError } from "../platform/shopify/admin-gateway.server";
import { requireAdminShop } from "../shopify.server";
import { getShopSettings, updateShopSettings } from "../shops/shops.server";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const [settings, history] = await Promise.all([
    getShopSettings(shop),
    historyImportProgress(shop),
  ]);
  return { settings, history, months: { default: DEFAULT_MONTHS, max: MAX_MONTHS } };
};

/** "Import history": the months asked for, then the bulk import started (or why not). */
async function importHistory(shop: string, form: FormData): Promise<HistoryNotice> {
  const months = Number(String(form.get("months") ?? "").trim());
  if (!Number.isInteger(months) || months < 1 || months > MAX_MONTHS) return { kind: "invalid" };
  try {
    const result = await importHistoryFromShopify(shop, months);
    return { kind: result.started ? "started" : "already" };
  } catch (error) {
    if (error instanceof AdminApiError) return { kind: "refused", error: error.message };
    throw error;
  }
}

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const form = await readForm(request, BODY_LIMITS.adminForm);
  if (form.get("intent") === "import-history") {
    const history = await importHistory(shop, form);
    return { kind: "history" as const, ok: history.kind !== "invalid", errors: {}, history };
  }
  const text = (name: string) => {
    const value = String(form.get(name) ?? "").trim();
    return value === "" ? null : value;
  };
  const result = await updateShopSettings(shop, {
    branding: {
      logoUrl: text("logoUrl"),
      primaryColor: text("primaryColor"),
      accentColor: text("accentColor"),
    },
    supportEmail: text("supportEmail"),
    reviewUrl: text("reviewUrl"),
  });
  return result.ok
    ? { kind: "settings" as const, ok: true as const, errors: {}, history: null }
    : { kind: "settings" as const, ok: false as const, errors: result.errors, history: null };
};

export default function Settings() {
  const { settings, history, months } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  const [logoUrl, setLogoUrl] = useState(settings.branding.logoUrl ?? "");
  const [primaryColor, setPrimaryColor] = useState(settings.branding.primaryColor);
  const [accentColor, setAccentColor] = useState(settings.branding.accentColor);
  const [supportEmail, setSupportEmail] = useState(settings.supportEmail ?? "");
  const [reviewUrl, setReviewUrl] = useState(settings.reviewUrl ?? "");
  const errors = (result?.errors ?? {}) as Record<string, string[] | undefined>;
  const locale = negotiateLocale([useShop().locale]);
  const destinationsTitle = destinationMessages(locale)("title");
  const settingsResult = result?.kind === "settings" ? result : null;

  return (
    <Page
      title="Settings"
      secondaryActions={[{ content: destinationsTitle, url: "/app/settings/endpoints" }]}
    >
      <Layout>
        <Layout.AnnotatedSection
          title="Brand"
          description="Your logo and colours on the tracking page, the returns portal and every email shoppers get."
        >
          <Card>
            <Form method="post">
              <BlockStack gap="400">
                {settingsResult?.ok && <Banner tone="success" title="Settings saved" />}
                {settingsResult && !settingsResult.ok && (
                  <Banner tone="critical" title="Some settings need fixing" />
                )}
                <FormLayout>
                  <TextField
                    label="Logo URL"
                    name="logoUrl"
                    value={logoUrl}
                    onChange={setLogoUrl}
                    autoComplete="off"
                    error={errors.branding?.[0]}
                  />
                  <FormLayout.Group>
                    <TextField
                      label="Primary colour"
                      name="primaryColor"
                      value={primaryColor}
                      onChange={setPrimaryColor}
                      autoComplete="off"
                      prefix={<Swatch color={primaryColor} />}
                    />
                    <TextField
                      label="Accent colour"
                      name="accentColor"
                      value={accentColor}
                      onChange={setAccentColor}
                      autoComplete="off"
                      prefix={<Swatch color={accentColor} />}
                    />
                  </FormLayout.Group>
                  <TextField
                    label="Support email"
                    name="supportEmail"
                    type="email"
                    value={supportEmail}
                    onChange={setSupportEmail}
                    autoComplete="email"
                    helpText="Where shoppers' replies and questions go."
                    error={errors.supportEmail?.[0]}
                  />
                  <TextField
                    label="Review page URL"
                    name="reviewUrl"
                    type="url"
                    value={reviewUrl}
                    onChange={setReviewUrl}
                    autoComplete="url"
                    helpText="Shoppers who answer 9–10 to the NPS question or rate a delivery 5 are invited to review you here (Google, Trustpilot, your reviews app…)."
                    error={errors.reviewUrl?.[0]}
                  />
                </FormLayout>
                <Text as="p" tone="subdued">
                  Colours are hex codes such as #1f2937.
                </Text>
                <div>
                  <Button submit variant="primary" loading={saving}>
                    Save
                  </Button>
                </div>
              </BlockStack>
            </Form>
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection id="history" title={historyMessages(locale)("title")}>
          <HistoryImportCard
            progress={history}
            defaultMonths={months.default}
            maxMonths={months.max}
            notice={result?.history ?? null}
          />
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}
