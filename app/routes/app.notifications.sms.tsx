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
import { formatCount } from "../components/format";
import { FormTextField } from "../components/FormTextField";
import { useShop } from "../components/ShopContext";
import {
  notificationMessages,
  settingsIssue,
  triggerLabel,
  type NotificationTranslate,
} from "../notifications/admin-messages";
import { saveSmsAccount } from "../notifications/sms/account.server";
import { saveSmsTriggers, smsSettingsPage } from "../notifications/sms/settings.server";
import { previewSms, type SmsValues } from "../notifications/sms/templates";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";
import { negotiateLocale, SHOPPER_LOCALES } from "../platform/i18n";
import { requireAdminShop } from "../shopify.server";
import { adminLocale } from "../shops/shops.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  return smsSettingsPage(shop);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const form = await readForm(request, BODY_LIMITS.adminForm);
  const text = (name: string) => String(form.get(name) ?? "");
  const t = notificationMessages(await adminLocale(shop));
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
      ? { ok: true as const, message: t("smsAccountSaved") }
      : {
          ok: false as const,
          message: saved.problems.map((problem) => t(`smsInvalid_${problem}`)).join(" "),
        };
  }
  const saved = await saveSmsTriggers(shop, form);
  return saved.ok
    ? { ok: true as const, message: t("smsTextsSaved") }
    : {
        ok: false as const,
        message: saved.error.issues.map((issue) => settingsIssue(t, issue)).join(" "),
      };
};

/** Ten-thousandths of a unit as the price field types it: 83 → "0.0083". */
const money = (tenThousandths: number) => (tenThousandths / 10_000).toFixed(4);

/** One language's text of a trigger, with its segments, encoding and cost counted as typed. */
function TemplateField(props: {
  name: string;
  label: string;
  initial: string;
  fallback: string;
  sample: SmsValues;
  price: number;
  t: NotificationTranslate;
  locale: string;
}) {
  const [value, setValue] = useState(props.initial);
  const preview = previewSms(value || props.fallback, props.sample, props.price);
  const cost = new Intl.NumberFormat(props.locale, { minimumFractionDigits: 4 });
  return (
    <TextField
      label={props.label}
      name={props.name}
      value={value}
      onChange={setValue}
      placeholder={props.fallback}
      multiline={2}
      autoComplete="off"
      helpText={props.t(preview.segments === 1 ? "smsCount_one" : "smsCount_other", {
        characters: formatCount(preview.characters, props.locale),
        encoding: preview.encoding,
        segments: formatCount(preview.segments, props.locale),
        cost: cost.format(preview.cost / 10_000),
      })}
    />
  );
}

export default function SmsSettings() {
  const { account, triggers, sample, inboundUrl } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const shop = useShop();
  const t = notificationMessages(negotiateLocale([shop.locale]));
  const [enabled, setEnabled] = useState(
    Object.fromEntries(triggers.map((entry) => [entry.trigger, entry.enabled])),
  );
  const connected = Boolean(account.accountSid && account.hasAuthToken);

  return (
    <Page
      title={t("sms")}
      backAction={{ content: t("title"), url: "/app/notifications" }}
      subtitle={t("smsSubtitle")}
    >
      <Layout>
        {result ? (
          <Layout.Section>
            <Banner tone={result.ok ? "success" : "critical"}>{result.message}</Banner>
          </Layout.Section>
        ) : null}
        <Layout.AnnotatedSection
          title={t("smsAccountTitle")}
          description={t("smsAccountDescription")}
        >
          <Card>
            <Form method="post">
              <input type="hidden" name="intent" value="account" />
              <FormLayout>
                <InlineStack gap="200">
                  <Badge tone={connected ? "success" : undefined}>
                    {t(connected ? "smsConnected" : "smsNotConnected")}
                  </Badge>
                </InlineStack>
                <FormTextField
                  label={t("smsAccountSid")}
                  name="accountSid"
                  initial={account.accountSid ?? ""}
                />
                <FormTextField
                  label={t("smsAuthToken")}
                  type="password"
                  name="authToken"
                  initial=""
                  helpText={t(account.hasAuthToken ? "smsAuthTokenSaved" : "smsAuthTokenNew")}
                />
                <FormLayout.Group>
                  <FormTextField
                    label={t("smsFromNumber")}
                    name="fromNumber"
                    placeholder="+14155550100"
                    initial={account.fromNumber ?? ""}
                  />
                  <FormTextField
                    label={t("smsMessagingService")}
                    name="messagingServiceSid"
                    initial={account.messagingServiceSid ?? ""}
                  />
                </FormLayout.Group>
                <FormTextField
                  label={t("smsHelpReply")}
                  name="helpText"
                  initial={account.helpText ?? ""}
                  helpText={t("smsHelpReplyHelp")}
                />
                <FormTextField
                  label={t("smsPrice")}
                  type="number"
                  step={0.0001}
                  min={0}
                  name="pricePerSegment"
                  initial={money(account.pricePerSegment)}
                  helpText={t("smsPriceHelp")}
                />
                <TextField label={t("smsInbound")} value={inboundUrl} readOnly autoComplete="off" />
                <Button submit variant="primary" loading={busy}>
                  {t("smsSaveAccount")}
                </Button>
              </FormLayout>
            </Form>
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection title={t("smsTextsTitle")} description={t("smsTextsDescription")}>
          <Form method="post">
            <input type="hidden" name="intent" value="triggers" />
            <BlockStack gap="400">
              {!connected ? <Banner tone="info">{t("smsConnectFirst")}</Banner> : null}
              {triggers.map((entry) => (
                <Card key={entry.trigger}>
                  <BlockStack gap="300">
                    <Checkbox
                      label={t("smsSendTrigger", { email: triggerLabel(t, entry.trigger) })}
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
                        label={t(`language_${locale}`)}
                        initial={entry.templates[locale]}
                        fallback={entry.defaults[locale]}
                        sample={sample}
                        price={account.pricePerSegment}
                        t={t}
                        locale={shop.locale}
                      />
                    ))}
                  </BlockStack>
                </Card>
              ))}
              <Text as="p" tone="subdued">
                {t("smsPlaceholders")}
              </Text>
              <InlineStack>
                <Button submit variant="primary" loading={busy}>
                  {t("smsSaveTexts")}
                </Button>
              </InlineStack>
            </BlockStack>
          </Form>
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}
