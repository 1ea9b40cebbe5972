import {
  BlockStack,
  Button,
  Card,
  Checkbox,
  ChoiceList,
  Divider,
  InlineGrid,
  InlineStack,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { RESOLUTION_LABELS, label } from "../returns/labels";
import type { Resolution } from "../returns/policy";
import type { RuleDraft, TriState } from "../returns/policy-editor";

/** One rule of the return policy editor (routes/app.returns.settings.tsx). */

/** What the merchant offers: "keep" is decided by the green-return settings, not offered. */
export const OFFERED: Resolution[] = ["refund", "store_credit", "exchange"];
export const OFFERED_CHOICES = OFFERED.map((value) => ({
  label: label(RESOLUTION_LABELS, value),
  value,
}));

const TRI_CONDITION = [
  { label: "Either", value: "any" },
  { label: "Yes", value: "yes" },
  { label: "No", value: "no" },
];

export function RuleCard({
  rule,
  index,
  count,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  rule: RuleDraft;
  index: number;
  count: number;
  errors: Record<string, string>;
  onChange: (changes: Partial<RuleDraft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const error = (field: string) => errors[`rules.${index}.${field}`];
  const text = (
    field: "productTags" | "collectionIds" | "productTypes" | "reasons",
    name: string,
  ) => (
    <TextField
      label={name}
      value={rule[field]}
      onChange={(value) => onChange({ [field]: value })}
      autoComplete="off"
      error={error(field)}
      helpText="Separated by commas; empty matches every item"
    />
  );
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h3" variant="headingSm">
            Rule {index + 1}
          </Text>
          <InlineStack gap="200">
            <Button size="slim" disabled={index === 0} onClick={() => onMove(-1)}>
              Move up
            </Button>
            <Button size="slim" disabled={index === count - 1} onClick={() => onMove(1)}>
              Move down
            </Button>
            <Button size="slim" tone="critical" onClick={onRemove}>
              Remove
            </Button>
          </InlineStack>
        </InlineStack>
        <TextField
          label="Rule name"
          value={rule.name}
          onChange={(name) => onChange({ name })}
          autoComplete="off"
          error={error("name")}
          helpText="Shown to shoppers in the explanation (Final sale, Swimwear…)"
        />
        <Text as="h4" variant="headingXs">
          Applies to items
        </Text>
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="300">
          {text("productTags", "With product tags")}
          {text("collectionIds", "In collections (ids)")}
          {text("productTypes", "Of product types")}
          {text("reasons", "Returned for reasons")}
          <Select
            label="Bought at a discount"
            options={TRI_CONDITION}
            value={rule.discounted}
            onChange={(value) => onChange({ discounted: value as TriState })}
          />
          <Select
            label="Final sale"
            options={TRI_CONDITION}
            value={rule.finalSale}
            onChange={(value) => onChange({ finalSale: value as TriState })}
          />
        </InlineGrid>
        <Text as="h4" variant="headingXs">
          And customers
        </Text>
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="300">
          <TextField
            label="Who returned more than"
            type="number"
            suffix="% of delivered units"
            value={rule.customerReturnRateAbove}
            onChange={(customerReturnRateAbove) => onChange({ customerReturnRateAbove })}
            autoComplete="off"
            error={error("customerReturnRateAbove")}
            helpText="Empty matches every customer"
          />
          <Select
            label="Serial returner (see Abuse signals)"
            options={TRI_CONDITION}
            value={rule.serialReturner}
            onChange={(value) => onChange({ serialReturner: value as TriState })}
          />
        </InlineGrid>
        <Divider />
        <Text as="h4" variant="headingXs">
          Then
        </Text>
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="300">
          <Select
            label="Returnable"
            options={[
              { label: "As the policy says", value: "any" },
              { label: "Returnable", value: "yes" },
              { label: "Not returnable", value: "no" },
            ]}
            value={rule.returnable}
            onChange={(value) => onChange({ returnable: value as TriState })}
          />
          <TextField
            label="Return window for these items"
            type="number"
            suffix="days"
            value={rule.windowDays}
            onChange={(windowDays) => onChange({ windowDays })}
            autoComplete="off"
            error={error("windowDays")}
            helpText="Empty keeps the policy's window"
          />
        </InlineGrid>
        <Checkbox
          label="Offer only some resolutions"
          checked={rule.resolutions !== null}
          onChange={(limited) => onChange({ resolutions: limited ? [...OFFERED] : null })}
        />
        {rule.resolutions !== null && (
          <ChoiceList
            allowMultiple
            title="Resolutions for these items"
            choices={OFFERED_CHOICES}
            selected={rule.resolutions}
            onChange={(value) => onChange({ resolutions: value as Resolution[] })}
            error={error("resolutions")}
          />
        )}
        <Checkbox
          label="Photos required (the return waits for your approval)"
          checked={rule.photosRequired}
          onChange={(photosRequired) => onChange({ photosRequired })}
        />
        <Checkbox
          label="The shopper keeps the item (green return)"
          checked={rule.keepItem}
          onChange={(keepItem) => onChange({ keepItem })}
        />
        <Checkbox
          label="Hold automatic refunds for me"
          helpText="The refund waits for you even when the policy refunds on the first scan or on receipt. Such a rule can only name customers and reasons."
          checked={rule.holdAutomaticRefund}
          onChange={(holdAutomaticRefund) => onChange({ holdAutomaticRefund })}
        />
      </BlockStack>
    </Card>
  );
}
