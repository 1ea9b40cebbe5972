import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  ChoiceList,
  Divider,
  FormLayout,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { formatDateTime, formatMinor } from "../components/format";
import { useShop } from "../components/ShopContext";
import { getShop } from "../shops/shops.server";
import { CheckOrderSchema, checkOrder } from "../returns/admin.server";
import { RESOLUTION_LABELS, label } from "../returns/labels";
import type { Resolution } from "../returns/policy";
import {
  PolicyDraftSchema,
  draftFromPolicy,
  newRuleDraft,
  policyFromDraft,
  type PolicyDraft,
  type RuleDraft,
  type TriState,
} from "../returns/policy-editor";
import { loadPolicy, savePolicy } from "../returns/returns.server";
import { requireAdminShop } from "../shopify.server";

async function shopCurrency(shop: string) {
  return (await getShop(shop))?.currencyCode ?? "USD";
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const [policy, currency] = await Promise.all([loadPolicy(shop), shopCurrency(shop)]);
  return { draft: draftFromPolicy(policy, currency) };
};

type SaveAnswer = { ok: true } | { ok: false; errors: Record<string, string> };

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const form = await request.formData();
  if (form.get("intent") === "check") {
    const input = CheckOrderSchema.safeParse({
      order: form.get("order") ?? "",
      reason: form.get("reason") ?? "",
    });
    if (!input.success) {
      return Response.json(
        { ok: false, message: input.error.issues[0]?.message ?? "Enter an order number" },
        { status: 400 },
      );
    }
    const result = await checkOrder(shop, input.data);
    return Response.json(result, { status: result.ok ? 200 : 404 });
  }
  let posted: unknown;
  try {
    posted = JSON.parse(String(form.get("policy") ?? ""));
  } catch {
    posted = null;
  }
  const draft = PolicyDraftSchema.safeParse(posted);
  if (!draft.success) {
    return Response.json(
      { ok: false, errors: { form: "The form sent an unreadable policy; reload the page" } },
      { status: 400 },
    );
  }
  const result = policyFromDraft(draft.data, await shopCurrency(shop));
  if (!result.ok) return Response.json(result satisfies SaveAnswer, { status: 400 });
  await savePolicy(shop, result.policy);
  return Response.json({ ok: true } satisfies SaveAnswer);
};

/** What the merchant offers: "keep" is decided by the green-return settings, not offered. */
const OFFERED: Resolution[] = ["refund", "store_credit", "exchange"];
const offeredChoices = OFFERED.map((value) => ({ label: label(RESOLUTION_LABELS, value), value }));

const FIELD_LABELS: Record<string, string> = {
  windowDays: "Return window",
  deliveryBufferDays: "Days from shipping to delivery",
  resolutions: "Resolutions offered",
  storeCreditBonusPercent: "Store-credit bonus",
  returnShippingFee: "Return shipping fee",
  restockingFeePercent: "Restocking fee",
  waiveFeesFor: "Fees waived for",
  greenReturnMaxValue: "Keep items worth at most",
  greenReturnReasons: "Keep items returned for",
  form: "Form",
};

function fieldLabel(key: string) {
  const rule = /^rules\.(\d+)\.(\w+)$/.exec(key);
  return rule ? `Rule ${Number(rule[1]) + 1}, ${rule[2]}` : (FIELD_LABELS[key] ?? key);
}

interface CheckedLine {
  lineItemId: string;
  title: string;
  variantTitle: string | null;
  returnableQuantity: number;
  eligible: boolean;
  explanations: string[];
  windowEndsAt: string;
  photosRequired: boolean;
  options: { resolution: string; amount: number; fee: number; bonus: number }[];
}
type CheckAnswer =
  | { ok: true; order: { name: string; currency: string }; lines: CheckedLine[] }
  | { ok: false; message: string };

export default function ReturnPolicySettings() {
  const { draft: saved } = useLoaderData<typeof loader>();
  const shop = useShop();
  const save = useFetcher<SaveAnswer>();
  const check = useFetcher<CheckAnswer>();
  const [draft, setDraft] = useState<PolicyDraft>(saved);
  const [order, setOrder] = useState("");
  const [reason, setReason] = useState("");
  const errors = save.data && !save.data.ok ? save.data.errors : {};

  const set =
    <K extends keyof PolicyDraft>(key: K) =>
    (value: PolicyDraft[K]) =>
      setDraft((current) => ({ ...current, [key]: value }));
  const setRule = (index: number, changes: Partial<RuleDraft>) =>
    setDraft((current) => ({
      ...current,
      rules: current.rules.map((rule, at) => (at === index ? { ...rule, ...changes } : rule)),
    }));
  const moveRule = (index: number, by: -1 | 1) =>
    setDraft((current) => {
      const rules = [...current.rules];
      const [rule] = rules.splice(index, 1);
      rules.splice(index + by, 0, rule!);
      return { ...current, rules };
    });

  const textField = (
    key: Exclude<keyof PolicyDraft, "rules" | "resolutions" | "waiveFeesFor">,
    extra: { suffix?: string; prefix?: string; helpText?: string; type?: "number" } = {},
  ) => (
    <TextField
      label={FIELD_LABELS[key]}
      value={draft[key]}
      onChange={set(key)}
      autoComplete="off"
      error={errors[key]}
      {...extra}
    />
  );

  return (
    <Page
      backAction={{ content: "Returns", url: "/app/returns" }}
      title="Return policy"
      subtitle="What shoppers may return, for how long and how you make it right"
    >
      <Layout>
        {save.data && save.state === "idle" && (
          <Layout.Section>
            {save.data.ok ? (
              <Banner tone="success" title="Policy saved" />
            ) : (
              <Banner tone="critical" title="Policy not saved: fix the fields marked below">
                <ul>
                  {Object.entries(save.data.errors).map(([key, message]) => (
                    <li key={key}>
                      {fieldLabel(key)}: {message}
                    </li>
                  ))}
                </ul>
              </Banner>
            )}
          </Layout.Section>
        )}
        <Layout.AnnotatedSection
          title="Window and resolutions"
          description="The window counts from delivery. Rules below can change it for some items."
        >
          <Card>
            <FormLayout>
              <FormLayout.Group>
                {textField("windowDays", { type: "number", suffix: "days" })}
                {textField("deliveryBufferDays", {
                  type: "number",
                  suffix: "days",
                  helpText:
                    "Without a delivery date, the window starts this long after fulfillment (or the order).",
                })}
              </FormLayout.Group>
              <ChoiceList
                allowMultiple
                title={FIELD_LABELS.resolutions}
                choices={offeredChoices}
                selected={draft.resolutions}
                onChange={(value) => set("resolutions")(value as Resolution[])}
                error={errors.resolutions}
              />
              {textField("storeCreditBonusPercent", {
                type: "number",
                suffix: "%",
                helpText: "Added to the value of items returned for store credit.",
              })}
            </FormLayout>
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection
          title="Fees"
          description="The shipping fee is charged once per return; the restocking fee per item."
        >
          <Card>
            <FormLayout>
              <FormLayout.Group>
                {textField("returnShippingFee", { prefix: shop.currency })}
                {textField("restockingFeePercent", { type: "number", suffix: "%" })}
              </FormLayout.Group>
              <ChoiceList
                allowMultiple
                title={FIELD_LABELS.waiveFeesFor}
                choices={offeredChoices}
                selected={draft.waiveFeesFor}
                onChange={(value) => set("waiveFeesFor")(value as Resolution[])}
                error={errors.waiveFeesFor}
              />
            </FormLayout>
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection
          title="Green returns"
          description="Let the shopper keep the item when shipping it back costs more than it is worth."
        >
          <Card>
            <FormLayout>
              {textField("greenReturnMaxValue", {
                prefix: shop.currency,
                helpText: "Leave empty to never decide by value.",
              })}
              {textField("greenReturnReasons", {
                helpText: "Return reason handles, separated by commas (damaged, wrong-item).",
              })}
            </FormLayout>
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection
          title="Rules"
          description="Rules apply in this order to the items they match; a later rule overrides an earlier one. Every condition given must hold; a list matches when any of its values does."
        >
          <BlockStack gap="400">
            {draft.rules.map((rule, index) => (
              <RuleCard
                key={rule.id}
                rule={rule}
                index={index}
                count={draft.rules.length}
                errors={errors}
                onChange={(changes) => setRule(index, changes)}
                onMove={(by) => moveRule(index, by)}
                onRemove={() =>
                  setDraft((current) => ({
                    ...current,
                    rules: current.rules.filter((_, at) => at !== index),
                  }))
                }
              />
            ))}
            <InlineStack>
              <Button
                onClick={() =>
                  setDraft((current) => ({
                    ...current,
                    rules: [
                      ...current.rules,
                      newRuleDraft(`rule-${Date.now().toString(36)}-${current.rules.length}`),
                    ],
                  }))
                }
              >
                Add rule
              </Button>
            </InlineStack>
          </BlockStack>
        </Layout.AnnotatedSection>
        <Layout.Section>
          <BlockStack inlineAlign="end">
            <Button
              variant="primary"
              loading={save.state !== "idle"}
              onClick={() =>
                save.submit({ intent: "save", policy: JSON.stringify(draft) }, { method: "post" })
              }
            >
              Save policy
            </Button>
          </BlockStack>
        </Layout.Section>
        <Layout.AnnotatedSection
          title="Test this order"
          description="What the saved policy decides for each item of one of your orders, and why."
        >
          <Card>
            <check.Form method="post">
              <input type="hidden" name="intent" value="check" />
              <BlockStack gap="300">
                <FormLayout>
                  <FormLayout.Group>
                    <TextField
                      label="Order"
                      name="order"
                      placeholder="#1001"
                      value={order}
                      onChange={setOrder}
                      autoComplete="off"
                    />
                    <TextField
                      label="Return reason (optional)"
                      name="reason"
                      placeholder="damaged"
                      value={reason}
                      onChange={setReason}
                      autoComplete="off"
                    />
                  </FormLayout.Group>
                </FormLayout>
                <InlineStack>
                  <Button submit loading={check.state !== "idle"}>
                    Check order
                  </Button>
                </InlineStack>
                {check.data && <CheckResult answer={check.data} />}
              </BlockStack>
            </check.Form>
          </Card>
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}

const TRI_CONDITION = [
  { label: "Either", value: "any" },
  { label: "Yes", value: "yes" },
  { label: "No", value: "no" },
];

function RuleCard({
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
            choices={offeredChoices}
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
      </BlockStack>
    </Card>
  );
}

function CheckResult({ answer }: { answer: CheckAnswer }) {
  const shop = useShop();
  if (!answer.ok) {
    return (
      <Banner tone="warning" title={answer.message}>
        <p>Enter an order number of this shop, such as #1001.</p>
      </Banner>
    );
  }
  const money = (minor: number) => formatMinor(minor, answer.order.currency, shop.locale);
  return (
    <BlockStack gap="300">
      <Text as="h3" variant="headingSm">
        {answer.order.name}
      </Text>
      {answer.lines.length === 0 && (
        <Text as="p" tone="subdued">
          No item of this order is shipped, so nothing can be returned.
        </Text>
      )}
      {answer.lines.map((line) => (
        <BlockStack gap="100" key={line.lineItemId}>
          <InlineStack gap="200" blockAlign="center">
            <Text as="span" fontWeight="semibold">
              {line.title}
              {line.variantTitle ? ` (${line.variantTitle})` : ""}
            </Text>
            <Badge tone={line.eligible ? "success" : "critical"}>
              {line.eligible ? "Eligible" : "Not eligible"}
            </Badge>
          </InlineStack>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {line.explanations.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
          <Text as="p" tone="subdued" variant="bodySm">
            Window ends {formatDateTime(line.windowEndsAt, shop.timezone, shop.locale)}
            {line.photosRequired ? " · photos required" : ""}
          </Text>
          {line.options.map((option) => (
            <Text as="p" variant="bodySm" key={option.resolution}>
              {label(RESOLUTION_LABELS, option.resolution)}: {money(option.amount)}
              {option.fee ? ` (fee ${money(option.fee)})` : ""}
              {option.bonus ? ` (bonus ${money(option.bonus)})` : ""}
            </Text>
          ))}
        </BlockStack>
      ))}
    </BlockStack>
  );
}
