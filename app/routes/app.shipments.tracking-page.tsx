import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  BlockStack,
  Button,
  Card,
  FormLayout,
  InlineGrid,
  Layout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { SaveResultBanner } from "../components/SaveResultBanner";
import { useShop } from "../components/ShopContext";
import { TrackingPageEditor } from "../components/TrackingPageEditor";
import { useState } from "react";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";
import { negotiateLocale } from "../platform/i18n";
import { requireAdminShop } from "../shopify.server";
import {
  adminLocale,
  getShopSettings,
  shopProfile,
  updateShopSettings,
} from "../shops/shops.server";
import { shipmentLabel, shipmentMessages } from "../tracking/admin-messages";
import { TrackingPageLayoutSchema } from "../tracking/page-layout";
import { saveTrackingPageLayout, trackingPageLayout } from "../tracking/page-layout.server";
import {
  saveTrackingOffer,
  trackingOffer,
  TrackingOfferInputSchema,
} from "../tracking/offer.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const [offer, layout, settings, profile] = await Promise.all([
    trackingOffer(shop),
    trackingPageLayout(shop),
    getShopSettings(shop),
    shopProfile(shop),
  ]);
  return {
    offer,
    layout,
    branding: settings.branding,
    shopName: profile?.name ?? shop,
    currency: profile?.currency ?? "USD",
  };
};

type ActionResult = {
  ok: boolean;
  error: string | null;
  brandingErrors?: Record<string, string[] | undefined>;
};

const refused = (result: ActionResult) => Response.json(result, { status: 400 });

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const form = await readForm(request, BODY_LIMITS.adminForm);
  const t = shipmentMessages(await adminLocale(shop));
  const parsed = TrackingOfferInputSchema.safeParse({
    code: String(form.get("code") ?? ""),
    headline: String(form.get("headline") ?? ""),
    startsOn: String(form.get("startsOn") ?? ""),
    endsOn: String(form.get("endsOn") ?? ""),
  });
  if (!parsed.success) {
    return refused({
      ok: false,
      error: parsed.error.issues
        .map((issue) => shipmentLabel(t, "offer_", issue.message))
        .join("; "),
    });
  }
  // Sections and brand come with the editor; a form without them leaves them as they are.
  const sections = form.get("sections");
  let layout = null;
  if (typeof sections === "string") {
    const parsedLayout = TrackingPageLayoutSchema.safeParse(safeJson(sections));
    if (!parsedLayout.success) return refused({ ok: false, error: t("sectionsUnreadable") });
    layout = parsedLayout.data;
  }
  if (form.has("primaryColor")) {
    const text = (name: string) => String(form.get(name) ?? "").trim() || null;
    const current = await getShopSettings(shop);
    const saved = await updateShopSettings(shop, {
      ...current,
      branding: {
        logoUrl: text("logoUrl"),
        primaryColor: text("primaryColor"),
        accentColor: text("accentColor"),
      },
    });
    if (!saved.ok) {
      return refused({
        ok: false,
        error: t("brandingInvalid"),
        brandingErrors: saved.errors,
      });
    }
  }
  await saveTrackingOffer(shop, parsed.data);
  if (layout) await saveTrackingPageLayout(shop, layout);
  return Response.json({ ok: true, error: null } satisfies ActionResult);
};

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Shipments → Tracking page: the page's sections, brand and offer, with a live preview. One form,
 * one Save.
 */
export default function TrackingPageSettings() {
  const { offer, layout, branding, shopName, currency } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const navigation = useNavigation();
  const [code, setCode] = useState(offer?.code ?? "");
  const [headline, setHeadline] = useState(offer?.headline ?? "");
  const [startsOn, setStartsOn] = useState(offer?.startsOn ?? "");
  const [endsOn, setEndsOn] = useState(offer?.endsOn ?? "");
  const t = shipmentMessages(negotiateLocale([useShop().locale]));
  return (
    <Page backAction={{ content: t("title"), url: "/app/shipments" }} title={t("trackingPage")}>
      <Form method="post">
        <Layout>
          <SaveResultBanner result={result} saved={t("trackingPageSaved")} failed={t("notSaved")} />
          <Layout.AnnotatedSection title={t("offerTitle")} description={t("offerDescription")}>
            <Card>
              <FormLayout>
                {!offer && (
                  <Text as="p" tone="subdued">
                    {t("noOffer")}
                  </Text>
                )}
                <TextField
                  label={t("discountCode")}
                  name="code"
                  value={code}
                  onChange={setCode}
                  autoComplete="off"
                  placeholder="TRACK10"
                />
                <TextField
                  label={t("headline")}
                  name="headline"
                  value={headline}
                  onChange={setHeadline}
                  autoComplete="off"
                  maxLength={120}
                  showCharacterCount
                  placeholder={t("headlinePlaceholder")}
                />
                <InlineGrid columns={2} gap="300">
                  <TextField
                    label={t("firstDay")}
                    name="startsOn"
                    type="date"
                    value={startsOn}
                    onChange={setStartsOn}
                    autoComplete="off"
                    helpText={t("firstDayHelp")}
                  />
                  <TextField
                    label={t("lastDay")}
                    name="endsOn"
                    type="date"
                    value={endsOn}
                    onChange={setEndsOn}
                    autoComplete="off"
                    helpText={t("lastDayHelp")}
                  />
                </InlineGrid>
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title={t("layoutTitle")} description={t("layoutDescription")}>
            <TrackingPageEditor
              layout={layout}
              branding={branding}
              brandingErrors={result?.brandingErrors ?? {}}
              offer={code && headline ? { code, headline } : null}
              shopName={shopName}
              currency={currency}
            />
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
