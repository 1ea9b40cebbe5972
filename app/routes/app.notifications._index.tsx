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
import { previewEmail, sendTestEmail } from "../notifications/preview.server";
import { allTriggerSettings, triggerSettings } from "../notifications/settings";
import {
  getNotificationSettings,
  saveNotificationSettings,
} from "../notifications/settings.server";
import { isTrigger, TRIGGER_OPTIONS, type TriggerName } from "../notifications/triggers";
import { requireAdminShop } from "../shopify.server";
import { getShop } from "../shops/shops.server";
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
  if (form.get("intent") === "test") {
    const owner = await getShop(shop);
    const to = owner?.email ?? owner?.contactEmail;
    if (!to) return { ok: false as const, message: "Your store has no email address to send to." };
    const result = await sendTestEmail(shop, trigger, to);
    return result.queued
      ? { ok: true as const, message: `Test email on its way to ${to}.` }
      : { ok: false as const, message: `Not sent: the trigger is ${result.reason}.` };
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
    ? { ok: true as const, message: "Saved." }
    : {
        ok: false as const,
        message: saved.error.issues
          .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
          .join("; "),
      };
};

export default function Notifications() {
  const { settings, triggers, trigger, editing, preview } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
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
      title="Notifications"
      subtitle="Emails your shoppers get as their parcel moves, in their language"
      secondaryActions={[
        { content: "SMS", url: "/app/notifications/sms" },
        { content: "Sent messages", url: "/app/notifications/log" },
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
            title="Triggers"
            description="Turn each email on or off and choose how long after the event it goes out."
          >
            <Card>
              <BlockStack gap="300">
                {triggers.map((entry) => (
                  <InlineGrid key={entry.trigger} columns={["twoThirds", "oneThird"]} gap="300">
                    <Checkbox
                      label={
                        TRIGGER_OPTIONS.find((option) => option.value === entry.trigger)?.label
                      }
                      helpText={entry.trigger}
                      name={`enabled:${entry.trigger}`}
                      checked={enabled[entry.trigger] ?? true}
                      onChange={(checked) =>
                        setEnabled((previous) => ({ ...previous, [entry.trigger]: checked }))
                      }
                    />
                    <FormTextField
                      label="Delay (minutes)"
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
          <Layout.AnnotatedSection
            title="Sender and quiet hours"
            description="Emails come from your store's name; replies go to your address. Nothing is sent during quiet hours (your store's time zone): it waits until they end."
          >
            <Card>
              <FormLayout>
                <FormLayout.Group>
                  <FormTextField
                    label="From name"
                    name="fromName"
                    initial={settings.fromName ?? ""}
                    autoComplete="off"
                  />
                  <FormTextField
                    label="Reply-to address"
                    type="email"
                    name="replyTo"
                    initial={settings.replyTo ?? ""}
                    autoComplete="email"
                  />
                </FormLayout.Group>
                <FormLayout.Group>
                  <FormTextField
                    label="Quiet from"
                    placeholder="21:00"
                    name="quietStart"
                    initial={settings.quietStart ?? ""}
                    autoComplete="off"
                  />
                  <FormTextField
                    label="Quiet until"
                    placeholder="08:00"
                    name="quietEnd"
                    initial={settings.quietEnd ?? ""}
                    autoComplete="off"
                  />
                </FormLayout.Group>
                <Checkbox
                  label="Track opens with an invisible image"
                  helpText="Shows when each email was opened in Sent messages. Off by default for your shoppers' privacy."
                  name="openTracking"
                  checked={openTracking}
                  onChange={setOpenTracking}
                />
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection
            title="Edit an email"
            description="Leave a field empty to use Aftercare's text, translated into your shopper's language. {order} and {shop} are filled in."
          >
            <Card>
              <FormLayout>
                <Select
                  label="Email"
                  options={TRIGGER_OPTIONS}
                  value={trigger}
                  onChange={(value) => setSearchParams({ trigger: value })}
                />
                <FormTextField
                  label="Subject"
                  name="subject"
                  initial={editing.subject}
                  placeholder={preview.subject}
                  autoComplete="off"
                />
                <FormTextField
                  label="Heading"
                  name="heading"
                  initial={editing.heading}
                  autoComplete="off"
                />
                <FormTextField
                  label="Body"
                  name="body"
                  initial={editing.body}
                  multiline={4}
                  autoComplete="off"
                />
                <InlineStack gap="200">
                  <Button submit variant="primary" loading={busy}>
                    Save
                  </Button>
                  <Button disabled={busy} onClick={sendTest}>
                    Send a test email to me
                  </Button>
                </InlineStack>
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.Section>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Preview: {preview.subject}
                </Text>
                <Box borderColor="border" borderWidth="025">
                  <iframe
                    title="Email preview"
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
