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
import { negotiateLocale, type ShopperLocale } from "../platform/i18n";
import type { Resolution } from "../returns/policy";
import type { RuleDraft, TriState } from "../returns/policy-editor";
import { policyMessages } from "../returns/policy-messages";
import { labelOf, returnsQueueMessages } from "../returns/queue-messages";
import { useShop } from "./ShopContext";

/** One rule of the return policy editor (routes/app.returns.settings.tsx). */

/** What the merchant offers: "keep" is decided by the green-return settings, not offered. */
export const OFFERED: Resolution[] = ["refund", "store_credit", "exchange"];
export function offeredChoices(locale: ShopperLocale) {
  const t = returnsQueueMessages(locale);
  return OFFERED.map((value) => ({ label: labelOf(t, "resolution_", value), value }));
}

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
  const locale = negotiateLocale([useShop().locale]);
  const t = policyMessages(locale);
  const triCondition = [
    { label: t("either"), value: "any" },
    { label: t("yes"), value: "yes" },
    { label: t("no"), value: "no" },
  ];
  const error = (field: string) => errors[`rules.${index}.${field}`];
  const text = (field: "productTags" | "collectionIds" | "productTypes" | "reasons") => (
    <TextField
      label={t(`rule_${field}`)}
      value={rule[field]}
      onChange={(value) => onChange({ [field]: value })}
      autoComplete="off"
      error={error(field)}
      helpText={t("listHelp")}
    />
  );
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h3" variant="headingSm">
            {t("ruleTitle", { n: index + 1 })}
          </Text>
          <InlineStack gap="200">
            <Button size="slim" disabled={index === 0} onClick={() => onMove(-1)}>
              {t("moveUp")}
            </Button>
            <Button size="slim" disabled={index === count - 1} onClick={() => onMove(1)}>
              {t("moveDown")}
            </Button>
            <Button size="slim" tone="critical" onClick={onRemove}>
              {t("remove")}
            </Button>
          </InlineStack>
        </InlineStack>
        <TextField
          label={t("rule_name")}
          value={rule.name}
          onChange={(name) => onChange({ name })}
          autoComplete="off"
          error={error("name")}
          helpText={t("ruleNameHelp")}
        />
        <Text as="h4" variant="headingXs">
          {t("appliesTo")}
        </Text>
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="300">
          {text("productTags")}
          {text("collectionIds")}
          {text("productTypes")}
          {text("reasons")}
          <Select
            label={t("rule_discounted")}
            options={triCondition}
            value={rule.discounted}
            onChange={(value) => onChange({ discounted: value as TriState })}
          />
          <Select
            label={t("rule_finalSale")}
            options={triCondition}
            value={rule.finalSale}
            onChange={(value) => onChange({ finalSale: value as TriState })}
          />
        </InlineGrid>
        <Text as="h4" variant="headingXs">
          {t("andCustomers")}
        </Text>
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="300">
          <TextField
            label={t("rule_customerReturnRateAbove")}
            type="number"
            suffix={t("ofDeliveredUnits")}
            value={rule.customerReturnRateAbove}
            onChange={(customerReturnRateAbove) => onChange({ customerReturnRateAbove })}
            autoComplete="off"
            error={error("customerReturnRateAbove")}
            helpText={t("everyCustomerHelp")}
          />
          <Select
            label={t("rule_serialReturner")}
            options={triCondition}
            value={rule.serialReturner}
            onChange={(value) => onChange({ serialReturner: value as TriState })}
          />
        </InlineGrid>
        <Divider />
        <Text as="h4" variant="headingXs">
          {t("then")}
        </Text>
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="300">
          <Select
            label={t("rule_returnable")}
            options={[
              { label: t("asThePolicySays"), value: "any" },
              { label: t("returnableYes"), value: "yes" },
              { label: t("returnableNo"), value: "no" },
            ]}
            value={rule.returnable}
            onChange={(value) => onChange({ returnable: value as TriState })}
          />
          <TextField
            label={t("rule_windowDays")}
            type="number"
            suffix={t("days")}
            value={rule.windowDays}
            onChange={(windowDays) => onChange({ windowDays })}
            autoComplete="off"
            error={error("windowDays")}
            helpText={t("ruleWindowHelp")}
          />
        </InlineGrid>
        <Checkbox
          label={t("onlySomeResolutions")}
          checked={rule.resolutions !== null}
          onChange={(limited) => onChange({ resolutions: limited ? [...OFFERED] : null })}
        />
        {rule.resolutions !== null && (
          <ChoiceList
            allowMultiple
            title={t("rule_resolutions")}
            choices={offeredChoices(locale)}
            selected={rule.resolutions}
            onChange={(value) => onChange({ resolutions: value as Resolution[] })}
            error={error("resolutions")}
          />
        )}
        <Checkbox
          label={t("photosRequired")}
          checked={rule.photosRequired}
          onChange={(photosRequired) => onChange({ photosRequired })}
        />
        <Checkbox
          label={t("keepItem")}
          checked={rule.keepItem}
          onChange={(keepItem) => onChange({ keepItem })}
        />
        <Checkbox
          label={t("holdRefunds")}
          helpText={t("holdRefundsHelp")}
          checked={rule.holdAutomaticRefund}
          onChange={(holdAutomaticRefund) => onChange({ holdAutomaticRefund })}
        />
      </BlockStack>
    </Card>
  );
}
