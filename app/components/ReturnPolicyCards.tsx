import {
  BlockStack,
  Button,
  Card,
  FormLayout,
  InlineError,
  InlineStack,
  Text,
  TextField,
} from "@shopify/polaris";
import type { WarrantyPeriod } from "../returns/policy";
import type { PolicyDraft } from "../returns/policy-editor";

type AbuseDraft = NonNullable<PolicyDraft["abuse"]>;

const FIELDS: {
  key: keyof AbuseDraft;
  label: string;
  suffix?: string;
  helpText?: string;
  number?: boolean;
}[] = [
  { key: "lookbackDays", label: "Look back over", suffix: "days", number: true },
  {
    key: "highReturnRate",
    label: "High return rate from",
    suffix: "% of delivered units",
    number: true,
  },
  {
    key: "serialReturnerMinReturns",
    label: "Serial returner from",
    suffix: "returns",
    number: true,
  },
  {
    key: "serialReturnerMinRate",
    label: "… and returns per order of at least",
    suffix: "%",
    number: true,
    helpText: "50 %: one return for every two orders.",
  },
  {
    key: "wardrobingReasons",
    label: "Wardrobing reasons",
    helpText: "Return reason handles, separated by commas (style, unwanted).",
  },
  {
    key: "wardrobingDays",
    label: "Wardrobing when asked for in the window's last",
    suffix: "days",
    number: true,
  },
];

/** The policy's abuse settings (app/returns/policy.ts AbuseSettingsSchema) as the editor types them. */
export function AbuseSettingsCard({
  abuse,
  errors,
  onChange,
}: {
  abuse: AbuseDraft;
  errors: Record<string, string>;
  onChange: (changes: Partial<AbuseDraft>) => void;
}) {
  return (
    <Card>
      <FormLayout>
        {FIELDS.map((field) => (
          <TextField
            key={field.key}
            label={field.label}
            type={field.number ? "number" : "text"}
            suffix={field.suffix}
            helpText={field.helpText}
            value={abuse[field.key]}
            onChange={(value) => onChange({ [field.key]: value })}
            error={errors[`abuse.${field.key}`]}
            autoComplete="off"
          />
        ))}
      </FormLayout>
    </Card>
  );
}

const listText = (values: string[] | undefined) => (values ?? []).join(", ");
const listOf = (text: string) => {
  const parts = text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  return parts.length ? parts : undefined;
};

/** The policy's warranty periods: a name, a length, and the products they cover. */
export function WarrantiesCard({
  warranties,
  error,
  onChange,
}: {
  warranties: WarrantyPeriod[];
  error: string | undefined;
  onChange: (warranties: WarrantyPeriod[]) => void;
}) {
  const set = (index: number, changes: Partial<WarrantyPeriod>) =>
    onChange(warranties.map((entry, at) => (at === index ? { ...entry, ...changes } : entry)));
  return (
    <Card>
      <BlockStack gap="400">
        {warranties.length === 0 && (
          <Text as="p" tone="subdued">
            No warranties yet: add one so shoppers can claim items past the return window.
          </Text>
        )}
        {warranties.map((entry, index) => (
          <FormLayout key={entry.id}>
            <FormLayout.Group>
              <TextField
                label="Warranty name"
                value={entry.name}
                onChange={(name) => set(index, { name })}
                autoComplete="off"
              />
              <TextField
                label="Length"
                type="number"
                suffix="days from delivery"
                value={String(entry.days)}
                onChange={(days) => set(index, { days: Number(days) })}
                autoComplete="off"
              />
            </FormLayout.Group>
            <FormLayout.Group>
              <TextField
                label="Products tagged"
                value={listText(entry.productTags)}
                onChange={(text) => set(index, { productTags: listOf(text) })}
                autoComplete="off"
                helpText="Separated by commas; empty with the others empty covers every product"
              />
              <TextField
                label="Product types"
                value={listText(entry.productTypes)}
                onChange={(text) => set(index, { productTypes: listOf(text) })}
                autoComplete="off"
              />
              <TextField
                label="Collections (ids)"
                value={listText(entry.collectionIds)}
                onChange={(text) => set(index, { collectionIds: listOf(text) })}
                autoComplete="off"
              />
            </FormLayout.Group>
            <InlineStack>
              <Button
                tone="critical"
                onClick={() => onChange(warranties.filter((_, at) => at !== index))}
              >
                Remove warranty
              </Button>
            </InlineStack>
          </FormLayout>
        ))}
        {error && <InlineError message={error} fieldID="warranties" />}
        <InlineStack>
          <Button
            onClick={() =>
              onChange([
                ...warranties,
                {
                  id: `warranty-${Date.now().toString(36)}-${warranties.length}`,
                  name: "Warranty",
                  days: 365,
                },
              ])
            }
          >
            Add warranty
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
