import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
  useSubmit,
} from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  Checkbox,
  FormLayout,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
} from "@shopify/polaris";
import { useRef, useState } from "react";
import { FormTextField } from "../components/FormTextField";
import { useShop } from "../components/ShopContext";
import { notificationMessages, settingsIssue, triggerLabel } from "../notifications/admin-messages";
import { previewEmail, sendTestEmail } from "../notifications/preview.server";
import { allTriggerSettings, triggerSettings } from "../notifications/settings";
import {
  getNotificationSettings,
  saveNotificationSettings,
} from "../notifications/settings.server";
import { isTrigger, TRIGGER_NAMES, type TriggerName } from "../notifications/triggers";
import { negotiateLocale } from "../platform/i18n";
import { requireAdminShop } from "../shopify.server";
import { adminLocale, getShop } from "../shops/shops.server";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";

function selectedTrigger(value: string | null): TriggerName {
  return value && isTrigger(value) ? value : "shipment.shipped";
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const trigger = selectedTrigger(new URL(request.url).searchParams.get("trigger"));
  const settings = await getNotificationSettings(shop);
  const preview = await previewEmail(shop, trigger, settings);
  return {
    settings,
    triggers: allTriggerSettings(settings),
    trigger,
    editing: triggerSettings(settings, trigger),
    preview: { subject: preview.subject, html: preview.html },
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const form = await readForm(request, BODY_LIMITS.adminForm);
  const trigger = selectedTrigger(String(form.get("trigger")));
  const t = notificationMessages(await adminLocale(shop));
  if (form.get("intent") === "test") {
    const owner = await getShop(shop);
    const to = owner?.email ?? owner?.contactEmail;
    if (!to) return { ok: false as const, message: t("noStoreEmail") };
    const result = await sendTestEmail(shop, trigger, to);
    return result.queued
      ? { ok: true as const, message: t("testSent", { to }) }
      : { ok: false as const, message: t(`notSent_${result.reason}` as const, { to }) };
  }
  const current = await getNotificationSettings(shop);
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const triggers = Object.fromEntries(
    allTriggerSettings(current).map(({ trigger: name, ...values }) => [
      name,
      {
        ...values,
        enabled: form.get(`enabled:${name}`) === "on",
        delayMinutes: Number(form.get(`delay:${name}`) ?? values.delayMinutes) || 0,
        ...(name === trigger
          ? { subject: text("subject"), heading: text("heading"), body: text("body") }
          : {}),
      },
    ]),
  );
  const saved = await saveNotificationSettings(shop, {
    triggers,
    fromName: text("fromName") || null,
    replyTo: text("replyTo") || null,
    quietStart: text("quietStart") || null,
    quietEnd: text("quietEnd") || null,
    openTracking: form.get("openTracking") === "on",
  });
  return saved.ok
    ? { ok: true as const, message: t("saved") }
    : {
        ok: false as const,
        message: saved.error.issues.map((issue) => settingsIssue(t, issue)).join(" "),
      };
};

export default function Notifications() {
  const { settings, triggers, trigger, editing, preview } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const shop = useShop();
  const t = notificationMessages(negotiateLocale([shop.locale]));
  const emails = TRIGGER_NAMES.map((value) => ({ value, label: triggerLabel(t, value) }));
  const [, setSearchParams] = useSearchParams();
  const [enabled, setEnabled] = useState(
    Object.fromEntries(triggers.map((entry) => [entry.trigger, entry.enabled])),
  );
  const [openTracking, setOpenTracking] = useState(settings.openTracking);
  const busy = navigation.state !== "idle";
  const form = useRef<HTMLFormElement>(null);
  const submit = useSubmit();
  const sendTest = () => {
    const data = new FormData(form.current ?? undefined);
    data.set("intent", "test");
    submit(data, { method: "post" });
  };

  return (
    <Page
      title={t("title")}
      subtitle={t("subtitle")}
      secondaryActions={[
        { content: t("sms"), url: "/app/notifications/sms" },
        { content: t("sentMessages"), url: "/app/notifications/log" },
      ]}
    >
      <Form method="post" key={trigger} ref={form}>
        <input type="hidden" name="trigger" value={trigger} />
        <Layout>
          {result ? (
            <Layout.Section>
              <Banner tone={result.ok ? "success" : "critical"}>{result.message}</Banner>
            </Layout.Section>
          ) : null}
          <Layout.AnnotatedSection
            title={t("triggersTitle")}
            description={t("triggersDescription")}
          >
            <Card>
              <BlockStack gap="300">
                {triggers.map((entry) => (
                  <InlineGrid key={entry.trigger} columns={["twoThirds", "oneThird"]} gap="300">
                    <Checkbox
                      label={triggerLabel(t, entry.trigger)}
                      helpText={entry.trigger}
                      name={`enabled:${entry.trigger}`}
                      checked={enabled[entry.trigger] ?? true}
                      onChange={(checked) =>
                        setEnabled((previous) => ({ ...previous, [entry.trigger]: checked }))
                      }
                    />
                    <FormTextField
                      label={t("delayMinutes")}
                      type="number"
                      min={0}
                      name={`delay:${entry.trigger}`}
                      initial={String(entry.delayMinutes)}
                      autoComplete="off"
                    />
                  </InlineGrid>
                ))}
              </BlockStack>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title={t("senderTitle")} description={t("senderDescription")}>
            <Card>
              <FormLayout>
                <FormLayout.Group>
                  <FormTextField
                    label={t("fromName")}
                    name="fromName"
                    initial={settings.fromName ?? ""}
                    autoComplete="off"
                  />
                  <FormTextField
                    label={t("replyTo")}
                    type="email"
                    name="replyTo"
                    initial={settings.replyTo ?? ""}
                    autoComplete="email"
                  />
                </FormLayout.Group>
                <FormLayout.Group>
                  <FormTextField
                    label={t("quietFrom")}
                    placeholder="21:00"
                    name="quietStart"
                    initial={settings.quietStart ?? ""}
                    autoComplete="off"
                  />
                  <FormTextField
                    label={t("quietUntil")}
                    placeholder="08:00"
                    name="quietEnd"
                    initial={settings.quietEnd ?? ""}
                    autoComplete="off"
                  />
                </FormLayout.Group>
                <Checkbox
                  label={t("openTracking")}
                  helpText={t("openTrackingHelp")}
                  name="openTracking"
                  checked={openTracking}
                  onChange={setOpenTracking}
                />
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title={t("editTitle")} description={t("editDescription")}>
            <Card>
              <FormLayout>
                <Select
                  label={t("email")}
                  options={emails}
                  value={trigger}
                  onChange={(value) => setSearchParams({ trigger: value })}
                />
                <FormTextField
                  label={t("subject")}
                  name="subject"
                  initial={editing.subject}
                  placeholder={preview.subject}
                  autoComplete="off"
                />
                <FormTextField
                  label={t("heading")}
                  name="heading"
                  initial={editing.heading}
                  autoComplete="off"
                />
                <FormTextField
                  label={t("body")}
                  name="body"
                  initial={editing.body}
                  multiline={4}
                  autoComplete="off"
                />
                <InlineStack gap="200">
                  <Button submit variant="primary" loading={busy}>
                    {t("save")}
                  </Button>
                  <Button disabled={busy} onClick={sendTest}>
                    {t("sendTest")}
                  </Button>
                </InlineStack>
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.Section>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("preview", { subject: preview.subject })}
                </Text>
                <Box borderColor="border" borderWidth="025">
                  <iframe
                    title={t("previewFrame")}
                    srcDoc={preview.html}
                    sandbox=""
                    style={{ width: "100%", height: "640px", border: 0 }}
                  />
                </Box>
              </BlockStack>
            </Card>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}
