import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  InlineStack,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { BODY_LIMITS, readText } from "../platform/http/body.server";
import { requireAdminShop } from "../shopify.server";
import { WEEKDAYS, type Weekday } from "../support/chat/hours";
import {
  chatSettings,
  languageModelSettings,
  saveChatSettings,
  saveLanguageModelSettings,
  type LanguageModelSettingsView,
} from "../support/index.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const [chat, languageModel] = await Promise.all([
    chatSettings(shop),
    languageModelSettings(shop),
  ]);
  return { ...chat, languageModel };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const form = new URLSearchParams(await readText(request, BODY_LIMITS.adminForm));
  if (form.get("section") === "languageModel") {
    return { section: "languageModel" as const, ...(await saveLanguageModelSettings(shop, form)) };
  }
  return { section: "chat" as const, ...(await saveChatSettings(shop, form)) };
};

const DAY_NAMES: Record<Weekday, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

const ERRORS = {
  hours: "Each open day needs an opening time before its closing time (HH:MM, 24:00 for midnight).",
  origins: "List up to 20 storefront addresses, one per line, each like https://shop.example.com.",
  baseUrl: "Enter the API's base URL starting with https://, e.g. https://api.openai.com/v1.",
  privateHost: "That address is not a public host our servers call.",
  model: "Enter the model's name, e.g. gpt-4o-mini.",
  apiKey: "Enter the API key (no spaces) to switch the model on.",
  secretsKey: "The app has no SECRETS_KEY to seal the API key with: ask whoever runs it.",
};

const LANGUAGE_MODEL_HELP =
  "When the assistant can't tell what a shopper means, it can ask your own OpenAI-compatible " +
  "model which of its questions it is (where is my order, a return, points, a new address, a " +
  "cancellation, a person). Only the shopper's question is sent, never their order or email; " +
  "the answer they see still comes from your shop's data. If the model fails or takes over 4 " +
  "seconds, the assistant says it isn't sure, as it does without one.";

/**
 * The merchant's own hosted language model, off by default: asked only which of the assistant's
 * questions a shopper means when the built-in classifier is unsure.
 */
function LanguageModelCard({ settings }: { settings: LanguageModelSettingsView }) {
  const fetcher = useFetcher<typeof action>();
  const [enabled, setEnabled] = useState(settings.enabled);
  const [baseUrl, setBaseUrl] = useState(settings.baseUrl);
  const [model, setModel] = useState(settings.model);
  const [apiKey, setApiKey] = useState("");
  const result = fetcher.data?.section === "languageModel" ? fetcher.data : null;
  const save = () => {
    const form: Record<string, string> = { section: "languageModel", baseUrl, model, apiKey };
    if (enabled) form.enabled = "on";
    fetcher.submit(form, { method: "post" });
    setApiKey("");
  };
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Language model (optional)
        </Text>
        <Text as="p" tone="subdued">
          {LANGUAGE_MODEL_HELP}
        </Text>
        {result?.ok === true && <Banner tone="success">Language model settings saved.</Banner>}
        {result?.ok === false && (
          <Banner tone="critical">
            {ERRORS[result.error]}
            {"message" in result && result.message ? ` (${result.message})` : ""}
          </Banner>
        )}
        <Checkbox
          label="Ask my language model when unsure"
          checked={enabled}
          onChange={setEnabled}
        />
        <TextField
          label="API base URL"
          helpText="Its Chat Completions API is at this address + /chat/completions."
          placeholder="https://api.openai.com/v1"
          autoComplete="off"
          value={baseUrl}
          onChange={setBaseUrl}
        />
        <TextField
          label="Model"
          placeholder="gpt-4o-mini"
          autoComplete="off"
          value={model}
          onChange={setModel}
        />
        <TextField
          label="API key"
          type="password"
          autoComplete="off"
          helpText={
            settings.hasApiKey
              ? "Saved. Enter a new key to replace it; it is kept encrypted and never shown again."
              : "Kept encrypted and never shown again."
          }
          value={apiKey}
          onChange={setApiKey}
        />
        <InlineStack align="end">
          <Button onClick={save} loading={fetcher.state !== "idle"}>
            Save language model
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}

/** The chat widget's settings: business hours on the shop's clock and its storefront domains. */
export default function ChatSettings() {
  const settings = useLoaderData<typeof loader>();
  const fetcher = useFetcher<typeof action>();
  const [hours, setHours] = useState(settings.hours);
  const [origins, setOrigins] = useState(settings.storefrontOrigins);
  const result = fetcher.data?.section === "chat" ? fetcher.data : null;
  const save = () => {
    const form: Record<string, string> = { section: "chat", origins };
    for (const day of WEEKDAYS) {
      const open = hours[day];
      if (!open) continue;
      form[`${day}.open`] = "on";
      form[`${day}.from`] = open.open;
      form[`${day}.to`] = open.close;
    }
    fetcher.submit(form, { method: "post" });
  };
  const setDay = (day: Weekday, value: { open: string; close: string } | null) =>
    setHours((current) => ({ ...current, [day]: value }));

  return (
    <Page title="Chat settings" backAction={{ content: "Inbox", url: "/app/support/inbox" }}>
      <BlockStack gap="400">
        {result?.ok === true && <Banner tone="success">Chat settings saved.</Banner>}
        {result?.ok === false && <Banner tone="critical">{ERRORS[result.error]}</Banner>}
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              Business hours ({settings.timeZone})
            </Text>
            <Text as="p" tone="subdued">
              Inside these hours the chat widget says the team answers there; outside them it tells
              shoppers the answer comes by email.
            </Text>
            {WEEKDAYS.map((day) => {
              const open = hours[day];
              return (
                <InlineStack key={day} gap="300" blockAlign="end">
                  <Checkbox
                    label={DAY_NAMES[day]}
                    checked={open !== null}
                    onChange={(checked) =>
                      setDay(day, checked ? { open: "09:00", close: "17:00" } : null)
                    }
                  />
                  {open && (
                    <>
                      <TextField
                        label={`${DAY_NAMES[day]} opens`}
                        type="time"
                        autoComplete="off"
                        value={open.open}
                        onChange={(value) => setDay(day, { ...open, open: value })}
                      />
                      <TextField
                        label={`${DAY_NAMES[day]} closes`}
                        autoComplete="off"
                        value={open.close}
                        onChange={(value) => setDay(day, { ...open, close: value })}
                      />
                    </>
                  )}
                </InlineStack>
              );
            })}
          </BlockStack>
        </Card>
        <Card>
          <TextField
            label="Storefront domains"
            helpText="Your storefront's own domains, one per line (https://shop.example.com). The myshopify.com domain always works."
            multiline={3}
            autoComplete="off"
            value={origins}
            onChange={setOrigins}
          />
        </Card>
        <InlineStack align="end">
          <Button variant="primary" onClick={save} loading={fetcher.state !== "idle"}>
            Save
          </Button>
        </InlineStack>
        <LanguageModelCard settings={settings.languageModel} />
      </BlockStack>
    </Page>
  );
}
