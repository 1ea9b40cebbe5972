import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  ChoiceList,
  FormLayout,
  InlineStack,
  Layout,
  Page,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { ShopNowAndAbuseSections, WarrantiesCard } from "../components/ReturnPolicyCards";
import { PolicyCheckCard } from "../components/ReturnPolicyCheck";
import { OFFERED_CHOICES, RuleCard } from "../components/ReturnRuleCard";
import { useShop } from "../components/ShopContext";
import { getShop } from "../shops/shops.server";
import { CheckOrderSchema, checkOrder } from "../returns/admin.server";
import type { Resolution } from "../returns/policy";
import {
  parsePostedDraft,
  POLICY_FIELD_LABELS,
  policyFieldLabel,
  draftFromPolicy,
  newRuleDraft,
  policyFromDraft,
  type PolicyDraft,
  type RuleDraft,
} from "../returns/policy-editor";
import { loadPolicy, savePolicy } from "../returns/returns.server";
import { requireAdminShop } from "../shopify.server";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";

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
  const form = await readForm(request, BODY_LIMITS.adminForm);
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
  const draft = parsePostedDraft(String(form.get("policy") ?? ""));
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

export default function ReturnPolicySettings() {
  const { draft: saved } = useLoaderData<typeof loader>();
  const shop = useShop();
  const save = useFetcher<SaveAnswer>();
  const [draft, setDraft] = useState<PolicyDraft>(saved);
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
    key: Exclude<
      keyof PolicyDraft,
      "rules" | "resolutions" | "waiveFeesFor" | "automation" | "abuse" | "warranties" | "shopNow"
    >,
    extra: { suffix?: string; prefix?: string; helpText?: string; type?: "number" } = {},
  ) => (
    <TextField
      label={POLICY_FIELD_LABELS[key]}
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
                      {policyFieldLabel(key)}: {message}
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
                title={POLICY_FIELD_LABELS.resolutions}
                choices={OFFERED_CHOICES}
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
                title={POLICY_FIELD_LABELS.waiveFeesFor}
                choices={OFFERED_CHOICES}
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
        <Layout.AnnotatedSection
          title="Warranties"
          description="Past the return window, shoppers can claim an item under its warranty in the returns portal; you decide to repair, replace or refund."
        >
          <WarrantiesCard
            warranties={draft.warranties ?? []}
            error={errors.warranties}
            onChange={(warranties) => setDraft((current) => ({ ...current, warranties }))}
          />
        </Layout.AnnotatedSection>
        <ShopNowAndAbuseSections
          draft={draft}
          setDraft={setDraft}
          errors={errors}
          currency={shop.currency}
        />
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
          <PolicyCheckCard />
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}
