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
import { useState } from "react";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";
import { requireAdminShop } from "../shopify.server";
import {
  saveTrackingOffer,
  trackingOffer,
  TrackingOfferInputSchema,
} from "../tracking/offer.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  return { offer: await trackingOffer(shop) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const form = await readForm(request, BODY_LIMITS.adminForm);
  const parsed = TrackingOfferInputSchema.safeParse({
    code: String(form.get("code") ?? ""),
    headline: String(form.get("headline") ?? ""),
    startsOn: String(form.get("startsOn") ?? ""),
    endsOn: String(form.get("endsOn") ?? ""),
  });
  if (!parsed.success) {
    return Response.json(
      { ok: false, error: parsed.error.issues.map((issue) => issue.message).join("; ") },
      { status: 400 },
    );
  }
  await saveTrackingOffer(shop, parsed.data);
  return Response.json({ ok: true, error: null });
};

/** Shipments → Tracking page: the offer shoppers see above their order's tracking. */
export default function TrackingPageSettings() {
  const { offer } = useLoaderData<typeof loader>();
  const result = useActionData<{ ok: boolean; error: string | null }>();
  const navigation = useNavigation();
  const [code, setCode] = useState(offer?.code ?? "");
  const [headline, setHeadline] = useState(offer?.headline ?? "");
  const [startsOn, setStartsOn] = useState(offer?.startsOn ?? "");
  const [endsOn, setEndsOn] = useState(offer?.endsOn ?? "");
  return (
    <Page backAction={{ content: "Shipments", url: "/app/shipments" }} title="Tracking page">
      <Form method="post">
        <Layout>
          <SaveResultBanner result={result} saved="Tracking page saved" failed="Not saved" />
          <Layout.AnnotatedSection
            title="Offer"
            description="A discount code and a headline shown to shoppers following their order, from the first to the last day you choose (your shop's time zone). Create the code in Shopify's Discounts first. Leave the code empty to show no offer."
          >
            <Card>
              <FormLayout>
                {!offer && (
                  <Text as="p" tone="subdued">
                    No offer yet: the tracking page shows the order and its recommendations only.
                  </Text>
                )}
                <TextField
                  label="Discount code"
                  name="code"
                  value={code}
                  onChange={setCode}
                  autoComplete="off"
                  placeholder="TRACK10"
                />
                <TextField
                  label="Headline"
                  name="headline"
                  value={headline}
                  onChange={setHeadline}
                  autoComplete="off"
                  maxLength={120}
                  showCharacterCount
                  placeholder="10% off your next order while you wait"
                />
                <InlineGrid columns={2} gap="300">
                  <TextField
                    label="First day"
                    name="startsOn"
                    type="date"
                    value={startsOn}
                    onChange={setStartsOn}
                    autoComplete="off"
                    helpText="Empty: from now on"
                  />
                  <TextField
                    label="Last day"
                    name="endsOn"
                    type="date"
                    value={endsOn}
                    onChange={setEndsOn}
                    autoComplete="off"
                    helpText="Empty: no end"
                  />
                </InlineGrid>
              </FormLayout>
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
