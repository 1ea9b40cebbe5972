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
import { negotiateLocale } from "../platform/i18n";
import type { WarrantyPeriod } from "../returns/policy";
import type { PolicyDraft } from "../returns/policy-editor";
import { policyMessages, type PolicyMessageKey } from "../returns/policy-messages";
import { useShop } from "./ShopContext";

type AbuseDraft = NonNullable<PolicyDraft["abuse"]>;

function useMessages() {
  return policyMessages(negotiateLocale([useShop().locale]));
}

/** Each field's label is its catalog key `field_abuse.<key>`, as its error messages name it. */
const FIELDS: {
  key: keyof AbuseDraft;
  suffix?: PolicyMessageKey | "%";
  helpText?: PolicyMessageKey;
  number?: boolean;
}[] = [
  { key: "lookbackDays", suffix: "days", number: true },
  { key: "highReturnRate", suffix: "ofDeliveredUnits", number: true },
  { key: "serialReturnerMinReturns", suffix: "returnsSuffix", number: true },
  { key: "serialReturnerMinRate", suffix: "%", number: true, helpText: "serialRateHelp" },
  { key: "wardrobingReasons", helpText: "wardrobingHelp" },
  { key: "wardrobingDays", suffix: "days", number: true },
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
  const t = useMessages();
  return (
    <Card>
      <FormLayout>
        {FIELDS.map((field) => (
          <TextField
            key={field.key}
            label={t(`field_abuse.${field.key}`)}
            type={field.number ? "number" : "text"}
            suffix={field.suffix === "%" || !field.suffix ? field.suffix : t(field.suffix)}
            helpText={field.helpText && t(field.helpText)}
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
  const t = useMessages();
  return (
    <Card>
      <FormLayout>
        <Checkbox
          label={t("shopNowEnable")}
          helpText={t("shopNowEnableHelp")}
          checked={shopNow.enabled}
          onChange={(enabled) => onChange({ enabled })}
        />
        <FormLayout.Group>
          <TextField
            label={t("field_shopNow.bonusPercent")}
            type="number"
            suffix="%"
            value={shopNow.bonusPercent}
            onChange={(bonusPercent) => onChange({ bonusPercent })}
            error={errors["shopNow.bonusPercent"]}
            autoComplete="off"
          />
          <TextField
            label={t("field_shopNow.bonusAmount")}
            prefix={currency}
            value={shopNow.bonusAmount}
            onChange={(bonusAmount) => onChange({ bonusAmount })}
            error={errors["shopNow.bonusAmount"]}
            autoComplete="off"
          />
        </FormLayout.Group>
        <ChoiceList
          title={t("remainderTitle")}
          choices={[
            { label: t("remainderCredit"), value: "store_credit" },
            { label: t("remainderRefund"), value: "refund" },
          ]}
          selected={[shopNow.remainderAs]}
          onChange={([remainderAs]) =>
            onChange({ remainderAs: remainderAs === "refund" ? "refund" : "store_credit" })
          }
        />
        <ChoiceList
          title={t("instantTitle")}
          choices={[
            { label: t("instantNobody"), value: "nobody" },
            { label: t("instantTrusted"), value: "trusted", helpText: t("instantTrustedHelp") },
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
  const t = useMessages();
  const set = (index: number, changes: Partial<WarrantyPeriod>) =>
    onChange(warranties.map((entry, at) => (at === index ? { ...entry, ...changes } : entry)));
  return (
    <Card>
      <BlockStack gap="400">
        {warranties.length === 0 && (
          <Text as="p" tone="subdued">
            {t("noWarranties")}
          </Text>
        )}
        {warranties.map((entry, index) => (
          <FormLayout key={entry.id}>
            <FormLayout.Group>
              <TextField
                label={t("warrantyName")}
                value={entry.name}
                onChange={(name) => set(index, { name })}
                autoComplete="off"
              />
              <TextField
                label={t("warrantyLength")}
                type="number"
                suffix={t("daysFromDelivery")}
                value={String(entry.days)}
                onChange={(days) => set(index, { days: Number(days) })}
                autoComplete="off"
              />
            </FormLayout.Group>
            <FormLayout.Group>
              <TextField
                label={t("warrantyTags")}
                value={listText(entry.productTags)}
                onChange={(text) => set(index, { productTags: listOf(text) })}
                autoComplete="off"
                helpText={t("warrantyTagsHelp")}
              />
              <TextField
                label={t("warrantyTypes")}
                value={listText(entry.productTypes)}
                onChange={(text) => set(index, { productTypes: listOf(text) })}
                autoComplete="off"
              />
              <TextField
                label={t("warrantyCollections")}
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
                {t("removeWarranty")}
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
                  name: t("newWarranty"),
                  days: 365,
                },
              ])
            }
          >
            {t("addWarranty")}
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
  const t = useMessages();
  return (
    <>
      {draft.shopNow && (
        <Layout.AnnotatedSection title={t("shopNowTitle")} description={t("shopNowDescription")}>
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
        <Layout.AnnotatedSection title={t("abuseTitle")} description={t("abuseDescription")}>
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
