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
import { offeredChoices, RuleCard } from "../components/ReturnRuleCard";
import { useShop } from "../components/ShopContext";
import { negotiateLocale } from "../platform/i18n";
import { adminLocale, getShop } from "../shops/shops.server";
import { CheckOrderSchema, checkOrder } from "../returns/admin.server";
import type { Resolution } from "../returns/policy";
import {
  parsePostedDraft,
  draftFromPolicy,
  newRuleDraft,
  policyFromDraft,
  type PolicyDraft,
  type RuleDraft,
} from "../returns/policy-editor";
import { policyFieldLabel, policyMessages } from "../returns/policy-messages";
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
  const t = policyMessages(await adminLocale(shop));
  if (form.get("intent") === "check") {
    const input = CheckOrderSchema.safeParse({
      order: form.get("order") ?? "",
      reason: form.get("reason") ?? "",
    });
    if (!input.success) {
      return Response.json({ ok: false, message: t("checkEnterOrder") }, { status: 400 });
    }
    const result = await checkOrder(shop, input.data, t);
    return Response.json(result, { status: result.ok ? 200 : 404 });
  }
  const draft = parsePostedDraft(String(form.get("policy") ?? ""));
  if (!draft.success) {
    return Response.json({ ok: false, errors: { form: t("unreadable") } }, { status: 400 });
  }
  const result = policyFromDraft(draft.data, await shopCurrency(shop), t);
  if (!result.ok) return Response.json(result satisfies SaveAnswer, { status: 400 });
  await savePolicy(shop, result.policy);
  return Response.json({ ok: true } satisfies SaveAnswer);
};

export default function ReturnPolicySettings() {
  const { draft: saved } = useLoaderData<typeof loader>();
  const shop = useShop();
  const locale = negotiateLocale([shop.locale]);
  const t = policyMessages(locale);
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
      label={t(`field_${key}`)}
      value={draft[key]}
      onChange={set(key)}
      autoComplete="off"
      error={errors[key]}
      {...extra}
    />
  );

  return (
    <Page
      backAction={{ content: t("back"), url: "/app/returns" }}
      title={t("title")}
      subtitle={t("subtitle")}
    >
      <Layout>
        {save.data && save.state === "idle" && (
          <Layout.Section>
            {save.data.ok ? (
              <Banner tone="success" title={t("saved")} />
            ) : (
              <Banner tone="critical" title={t("notSaved")}>
                <ul>
                  {Object.entries(save.data.errors).map(([key, message]) => (
                    <li key={key}>
                      {t("errorLine", { field: policyFieldLabel(t, key), message })}
                    </li>
                  ))}
                </ul>
              </Banner>
            )}
          </Layout.Section>
        )}
        <Layout.AnnotatedSection title={t("windowTitle")} description={t("windowDescription")}>
          <Card>
            <FormLayout>
              <FormLayout.Group>
                {textField("windowDays", { type: "number", suffix: t("days") })}
                {textField("deliveryBufferDays", {
                  type: "number",
                  suffix: t("days"),
                  helpText: t("deliveryBufferHelp"),
                })}
              </FormLayout.Group>
              <ChoiceList
                allowMultiple
                title={t("field_resolutions")}
                choices={offeredChoices(locale)}
                selected={draft.resolutions}
                onChange={(value) => set("resolutions")(value as Resolution[])}
                error={errors.resolutions}
              />
              {textField("storeCreditBonusPercent", {
                type: "number",
                suffix: "%",
                helpText: t("storeCreditBonusHelp"),
              })}
            </FormLayout>
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection title={t("feesTitle")} description={t("feesDescription")}>
          <Card>
            <FormLayout>
              <FormLayout.Group>
                {textField("returnShippingFee", { prefix: shop.currency })}
                {textField("restockingFeePercent", { type: "number", suffix: "%" })}
              </FormLayout.Group>
              <ChoiceList
                allowMultiple
                title={t("field_waiveFeesFor")}
                choices={offeredChoices(locale)}
                selected={draft.waiveFeesFor}
                onChange={(value) => set("waiveFeesFor")(value as Resolution[])}
                error={errors.waiveFeesFor}
              />
            </FormLayout>
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection title={t("greenTitle")} description={t("greenDescription")}>
          <Card>
            <FormLayout>
              {textField("greenReturnMaxValue", {
                prefix: shop.currency,
                helpText: t("greenMaxHelp"),
              })}
              {textField("greenReturnReasons", { helpText: t("greenReasonsHelp") })}
            </FormLayout>
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection title={t("rulesTitle")} description={t("rulesDescription")}>
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
                {t("addRule")}
              </Button>
            </InlineStack>
          </BlockStack>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection
          title={t("warrantiesTitle")}
          description={t("warrantiesDescription")}
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
              {t("savePolicy")}
            </Button>
          </BlockStack>
        </Layout.Section>
        <Layout.AnnotatedSection title={t("checkTitle")} description={t("checkDescription")}>
          <PolicyCheckCard />
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}
