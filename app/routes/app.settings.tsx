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
import { useShop } from "../components/ShopContext";
import { Swatch } from "../components/Swatch";
import { destinationMessages } from "../destinations/messages";
import { negotiateLocale } from "../platform/i18n";
import { requireAdminShop } from "../shopify.server";
import { getShopSettings, updateShopSettings } from "../shops/shops.server";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  return { settings: await getShopSettings(shop) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const form = await readForm(request, BODY_LIMITS.adminForm);
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
    ? { ok: true as const, errors: {} }
    : { ok: false as const, errors: result.errors };
};

export default function Settings() {
  const { settings } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  const [logoUrl, setLogoUrl] = useState(settings.branding.logoUrl ?? "");
  const [primaryColor, setPrimaryColor] = useState(settings.branding.primaryColor);
  const [accentColor, setAccentColor] = useState(settings.branding.accentColor);
  const [supportEmail, setSupportEmail] = useState(settings.supportEmail ?? "");
  const [reviewUrl, setReviewUrl] = useState(settings.reviewUrl ?? "");
  const errors = (result?.errors ?? {}) as Record<string, string[] | undefined>;
  const destinationsTitle = destinationMessages(negotiateLocale([useShop().locale]))("title");

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
                {result?.ok && <Banner tone="success" title="Settings saved" />}
                {result && !result.ok && (
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
      </Layout>
    </Page>
  );
}
