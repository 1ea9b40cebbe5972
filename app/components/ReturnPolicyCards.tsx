import {
  BlockStack,
  Button,
  Card,
  Checkbox,
  ChoiceList,
  FormLayout,
  InlineError,
  InlineStack,
  Layout,
  Text,
  TextField,
} from "@shopify/polaris";
import type { Dispatch, SetStateAction } from "react";
import type { WarrantyPeriod } from "../returns/policy";
import { POLICY_FIELD_LABELS, type PolicyDraft } from "../returns/policy-editor";

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

type ShopNowDraft = NonNullable<PolicyDraft["shopNow"]>;

/** Shop-now exchanges: on or off, the bonus on the returned value, what the remainder becomes. */
export function ShopNowCard({
  shopNow,
  currency,
  errors,
  onChange,
}: {
  shopNow: ShopNowDraft;
  currency: string;
  errors: Record<string, string>;
  onChange: (changes: Partial<ShopNowDraft>) => void;
}) {
  return (
    <Card>
      <FormLayout>
        <Checkbox
          label="Let shoppers spend their return on any product"
          helpText="From the return's status page, before they get their money back."
          checked={shopNow.enabled}
          onChange={(enabled) => onChange({ enabled })}
        />
        <FormLayout.Group>
          <TextField
            label={POLICY_FIELD_LABELS["shopNow.bonusPercent"]}
            type="number"
            suffix="%"
            value={shopNow.bonusPercent}
            onChange={(bonusPercent) => onChange({ bonusPercent })}
            error={errors["shopNow.bonusPercent"]}
            autoComplete="off"
          />
          <TextField
            label={POLICY_FIELD_LABELS["shopNow.bonusAmount"]}
            prefix={currency}
            value={shopNow.bonusAmount}
            onChange={(bonusAmount) => onChange({ bonusAmount })}
            error={errors["shopNow.bonusAmount"]}
            autoComplete="off"
          />
        </FormLayout.Group>
        <ChoiceList
          title="Credit left over becomes"
          choices={[
            { label: "Store credit (bonus included)", value: "store_credit" },
            { label: "A refund (without the bonus)", value: "refund" },
          ]}
          selected={[shopNow.remainderAs]}
          onChange={([remainderAs]) =>
            onChange({ remainderAs: remainderAs === "refund" ? "refund" : "store_credit" })
          }
        />
        <ChoiceList
          title="Instant exchanges (new items ship before the return arrives)"
          choices={[
            { label: "Nobody", value: "nobody" },
            {
              label: "Customers without abuse signals",
              value: "trusted",
              helpText:
                "They pay for the new items now through a Shopify invoice; the return's value goes back to them when it is received and processed, the bonus as store credit.",
            },
          ]}
          selected={[shopNow.instantFor]}
          onChange={([instantFor]) =>
            onChange({ instantFor: instantFor === "trusted" ? "trusted" : "nobody" })
          }
        />
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

/** The settings page's shop-now and abuse-signal sections. */
export function ShopNowAndAbuseSections({
  draft,
  setDraft,
  errors,
  currency,
}: {
  draft: PolicyDraft;
  setDraft: Dispatch<SetStateAction<PolicyDraft>>;
  errors: Record<string, string>;
  currency: string;
}) {
  return (
    <>
      {draft.shopNow && (
        <Layout.AnnotatedSection
          title="Shop-now exchanges"
          description="Shoppers spend the returned value, plus your bonus, on any product in stock; a difference is paid through a Shopify invoice."
        >
          <ShopNowCard
            shopNow={draft.shopNow}
            currency={currency}
            errors={errors}
            onChange={(changes) =>
              setDraft((current) => ({
                ...current,
                shopNow: current.shopNow && { ...current.shopNow, ...changes },
              }))
            }
          />
        </Layout.AnnotatedSection>
      )}
      {draft.abuse && (
        <Layout.AnnotatedSection
          title="Abuse signals"
          description="When a customer's returns are flagged on the return's page. Rules can name the return rate or serial returners, for example to hold quick refunds for you."
        >
          <AbuseSettingsCard
            abuse={draft.abuse}
            errors={errors}
            onChange={(changes) =>
              setDraft((current) => ({
                ...current,
                abuse: current.abuse && { ...current.abuse, ...changes },
              }))
            }
          />
        </Layout.AnnotatedSection>
      )}
    </>
  );
}
