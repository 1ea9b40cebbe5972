import { InlineStack, Text } from "@shopify/polaris";
import { EVENT_TYPES } from "../platform/events/catalog";

/** The event catalog as checkboxes named `events`, for a plain Remix <Form>. */
export function EventChoices({ legend, chosen }: { legend: string; chosen: string[] }) {
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend>
        <Text as="span" variant="bodyMd" fontWeight="medium">
          {legend}
        </Text>
      </legend>
      <InlineStack gap="300" wrap>
        {EVENT_TYPES.map((type) => (
          <label key={type} style={{ whiteSpace: "nowrap" }}>
            <input
              type="checkbox"
              name="events"
              value={type}
              defaultChecked={chosen.includes(type)}
            />{" "}
            <code>{type}</code>
          </label>
        ))}
      </InlineStack>
    </fieldset>
  );
}
