import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  FormLayout,
  InlineStack,
  Layout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { FormTextField } from "../components/FormTextField";
import { saveSmsAccount } from "../notifications/sms/account.server";
import { saveSmsTriggers, smsSettingsPage } from "../notifications/sms/settings.server";
import { previewSms, type SmsValues } from "../notifications/sms/templates";
import { TRIGGER_OPTIONS } from "../notifications/triggers";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";
import { SHOPPER_LOCALES, type ShopperLocale } from "../platform/i18n";
import { requireAdminShop } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  return smsSettingsPage(shop);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const form = await readForm(request, BODY_LIMITS.adminForm);
  const text = (name: string) => String(form.get(name) ?? "");
  if (form.get("intent") === "account") {
    const saved = await saveSmsAccount(shop, {
      accountSid: text("accountSid"),
      authToken: text("authToken"),
      fromNumber: text("fromNumber"),
      messagingServiceSid: text("messagingServiceSid"),
      helpText: text("helpText"),
      pricePerSegment: Math.round(Number(text("pricePerSegment") || "0.0083") * 10_000),
    });
    return saved.ok
      ? { ok: true as const, message: "Twilio account saved." }
      : { ok: false as const, message: saved.message };
  }
  const saved = await saveSmsTriggers(shop, form);
  return saved.ok
    ? { ok: true as const, message: "SMS triggers saved." }
    : { ok: false as const, message: saved.error.issues.map((issue) => issue.message).join("; ") };
};

const LANGUAGES: Record<ShopperLocale, string> = {
  en: "English",
  fr: "French",
  de: "German",
  es: "Spanish",
};

/** Ten-thousandths of a unit as money: 83 → "0.0083". */
const money = (tenThousandths: number) => (tenThousandths / 10_000).toFixed(4);

/** One language's text of a trigger, with its segments, encoding and cost counted as typed. */
function TemplateField(props: {
  name: string;
  label: string;
  initial: string;
  fallback: string;
  sample: SmsValues;
  price: number;
}) {
  const [value, setValue] = useState(props.initial);
  const preview = previewSms(value || props.fallback, props.sample, props.price);
  return (
    <TextField
      label={props.label}
      name={props.name}
      value={value}
      onChange={setValue}
      placeholder={props.fallback}
      multiline={2}
      autoComplete="off"
      helpText={`${preview.characters} characters · ${preview.encoding} · ${preview.segments} segment${preview.segments === 1 ? "" : "s"} · about ${money(preview.cost)} per message`}
    />
  );
}

export default function SmsSettings() {
  const { account, triggers, sample, inboundUrl } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [enabled, setEnabled] = useState(
    Object.fromEntries(triggers.map((entry) => [entry.trigger, entry.enabled])),
  );
  const connected = Boolean(account.accountSid && account.hasAuthToken);

  return (
    <Page
      title="SMS"
      backAction={{ content: "Notifications", url: "/app/notifications" }}
      subtitle="Shipment updates by text message through your Twilio account, only to shoppers who may be texted"
    >
      <Layout>
        {result ? (
          <Layout.Section>
            <Banner tone={result.ok ? "success" : "critical"}>{result.message}</Banner>
          </Layout.Section>
        ) : null}
        <Layout.AnnotatedSection
          title="Twilio account"
          description="Messages go from your own Twilio number or messaging service. Set the number's incoming-message webhook to the address below so STOP, START and HELP replies reach Aftercare."
        >
          <Card>
            <Form method="post">
              <input type="hidden" name="intent" value="account" />
              <FormLayout>
                <InlineStack gap="200">
                  <Badge tone={connected ? "success" : undefined}>
                    {connected ? "Connected" : "Not connected"}
                  </Badge>
                </InlineStack>
                <FormTextField
                  label="Account SID"
                  name="accountSid"
                  initial={account.accountSid ?? ""}
                />
                <FormTextField
                  label="Auth token"
                  type="password"
                  name="authToken"
                  initial=""
                  helpText={
                    account.hasAuthToken
                      ? "Saved and encrypted. Leave empty to keep it."
                      : "Kept encrypted; never shown again."
                  }
                />
                <FormLayout.Group>
                  <FormTextField
                    label="From number (E.164)"
                    name="fromNumber"
                    placeholder="+14155550100"
                    initial={account.fromNumber ?? ""}
                  />
                  <FormTextField
                    label="Or messaging service SID"
                    name="messagingServiceSid"
                    initial={account.messagingServiceSid ?? ""}
                  />
                </FormLayout.Group>
                <FormTextField
                  label="Reply to HELP"
                  name="helpText"
                  initial={account.helpText ?? ""}
                  helpText="Empty: a standard reply naming your store and how to stop. {shop} is filled in."
                />
                <FormTextField
                  label="Price per segment"
                  type="number"
                  step={0.0001}
                  min={0}
                  name="pricePerSegment"
                  initial={money(account.pricePerSegment)}
                  helpText="From your Twilio pricing page, for the cost estimates below."
                />
                <TextField
                  label="Incoming-message webhook for your Twilio number"
                  value={inboundUrl}
                  readOnly
                  autoComplete="off"
                />
                <Button submit variant="primary" loading={busy}>
                  Save account
                </Button>
              </FormLayout>
            </Form>
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection
          title="Texts"
          description="Each update can also go by SMS, in the shopper's language, sent with the email and held during your quiet hours. Check the segments and cost before you turn one on: a message past 160 GSM-7 characters, or with an emoji or accent outside GSM-7 (then 70), is billed as several."
        >
          <Form method="post">
            <input type="hidden" name="intent" value="triggers" />
            <BlockStack gap="400">
              {!connected ? (
                <Banner tone="info">
                  Connect a Twilio account above; until then no SMS is sent.
                </Banner>
              ) : null}
              {triggers.map((entry) => (
                <Card key={entry.trigger}>
                  <BlockStack gap="300">
                    <Checkbox
                      label={`Send "${TRIGGER_OPTIONS.find((option) => option.value === entry.trigger)?.label ?? entry.trigger}" by SMS`}
                      name={`sms:${entry.trigger}`}
                      checked={enabled[entry.trigger] ?? false}
                      onChange={(checked) =>
                        setEnabled((previous) => ({ ...previous, [entry.trigger]: checked }))
                      }
                    />
                    {SHOPPER_LOCALES.map((locale) => (
                      <TemplateField
                        key={locale}
                        name={`sms:${entry.trigger}:${locale}`}
                        label={LANGUAGES[locale]}
                        initial={entry.templates[locale]}
                        fallback={entry.defaults[locale]}
                        sample={sample}
                        price={account.pricePerSegment}
                      />
                    ))}
                  </BlockStack>
                </Card>
              ))}
              <Text as="p" tone="subdued">
                {"{shop}, {order} and {link} (the tracking page, as a short link) are filled in."}
              </Text>
              <InlineStack>
                <Button submit variant="primary" loading={busy}>
                  Save texts
                </Button>
              </InlineStack>
            </BlockStack>
          </Form>
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}
