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
import { chatSettings, saveChatSettings } from "../support/index.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  return chatSettings(shop);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const form = new URLSearchParams(await readText(request, BODY_LIMITS.adminForm));
  return saveChatSettings(shop, form);
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
};

/** The chat widget's settings: business hours on the shop's clock and its storefront domains. */
export default function ChatSettings() {
  const settings = useLoaderData<typeof loader>();
  const fetcher = useFetcher<typeof action>();
  const [hours, setHours] = useState(settings.hours);
  const [origins, setOrigins] = useState(settings.storefrontOrigins);
  const result = fetcher.data;
  const save = () => {
    const form: Record<string, string> = { origins };
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
      </BlockStack>
    </Page>
  );
}
