import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Banner,
  Button,
  Card,
  Checkbox,
  FormLayout,
  Layout,
  Page,
  Select,
  TextField,
} from "@shopify/polaris";
import { useMemo, useState } from "react";
import { LoyaltyEarningPreview } from "../components/LoyaltyEarningPreview";
import { useShop } from "../components/ShopContext";
import { loyaltyMessages, programIssue } from "../loyalty/admin-messages";
import { loadProgram, saveProgram } from "../loyalty/program.server";
import {
  FLAGS,
  NUMBER_FIELDS,
  parseList,
  parseProgramForm,
  RewardSchema,
  TagMultiplierSchema,
  TierSchema,
  type NumberField,
  type Program,
} from "../loyalty/settings";
import { negotiateLocale } from "../platform/i18n";
import { requireAdminShop } from "../shopify.server";
import { adminLocale, getShop } from "../shops/shops.server";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  return { program: await loadProgram(shop) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const form = await readForm(request, BODY_LIMITS.adminForm);
  const parsed = parseProgramForm(form);
  if (!parsed.success) {
    const [locale, owner] = await Promise.all([adminLocale(shop), getShop(shop)]);
    const t = loyaltyMessages(locale);
    const currency = owner?.currencyCode ?? "USD";
    return Response.json(
      {
        ok: false,
        error: parsed.error.issues
          .map((issue) => programIssue(t, locale, currency, issue))
          .join(" "),
      },
      { status: 400 },
    );
  }
  await saveProgram(shop, parsed.data);
  return Response.json({ ok: true, error: null });
};

export default function LoyaltySettings() {
  const { program } = useLoaderData<typeof loader>();
  const result = useActionData<{ ok: boolean; error: string | null }>();
  const navigation = useNavigation();
  const shop = useShop();
  const t = loyaltyMessages(negotiateLocale([shop.locale]));
  const [numbers, setNumbers] = useState(
    Object.fromEntries(NUMBER_FIELDS.map((key) => [key, String(program[key])])) as Record<
      NumberField,
      string
    >,
  );
  const [flags, setFlags] = useState(
    Object.fromEntries(FLAGS.map((key) => [key, program[key]])) as Record<
      (typeof FLAGS)[number],
      boolean
    >,
  );
  const [tierBasis, setTierBasis] = useState<string>(program.tierBasis);
  const [tagMultipliers, setTagMultipliers] = useState(
    JSON.stringify(program.tagMultipliers, null, 2),
  );
  const [tiers, setTiers] = useState(JSON.stringify(program.tiers, null, 2));
  const [rewards, setRewards] = useState(JSON.stringify(program.rewards, null, 2));

  const draft = useMemo<Program>(
    () => ({
      ...program,
      ...flags,
      pointsPerUnit: Math.max(1, Number(numbers.pointsPerUnit) || 1),
      tagMultipliers: parseList(tagMultipliers || "[]", TagMultiplierSchema, []),
      tiers: parseList(tiers || "[]", TierSchema, []),
      rewards: parseList(rewards || "[]", RewardSchema, []),
    }),
    [program, flags, numbers.pointsPerUnit, tagMultipliers, tiers, rewards],
  );

  const numberField = (key: NumberField, helpText?: string) => (
    <TextField
      label={t(`field_${key}`, { currency: shop.currency })}
      name={key}
      type="number"
      value={numbers[key]}
      onChange={(value) => setNumbers((current) => ({ ...current, [key]: value }))}
      autoComplete="off"
      helpText={helpText}
    />
  );
  const flag = (key: (typeof FLAGS)[number]) => (
    <Checkbox
      label={t(`flag_${key}`)}
      name={key}
      checked={flags[key]}
      onChange={(checked) => setFlags((current) => ({ ...current, [key]: checked }))}
    />
  );

  return (
    <Page backAction={{ content: t("title"), url: "/app/loyalty" }} title={t("settingsTitle")}>
      <Form method="post">
        <Layout>
          {result && (
            <Layout.Section>
              {result.ok ? (
                <Banner tone="success" title={t("programSaved")} />
              ) : (
                <Banner tone="critical" title={t("programNotSaved")}>
                  <p>{result.error}</p>
                </Banner>
              )}
            </Layout.Section>
          )}
          <Layout.AnnotatedSection title={t("earningTitle")} description={t("earningDescription")}>
            <Card>
              <FormLayout>
                {flag("enabled")}
                {numberField("pointsPerUnit")}
                {flag("excludeDiscounts")}
                {flag("excludeShipping")}
                {flag("excludeTaxes")}
                {numberField("returnWindowDays", t("returnWindowHelp"))}
                <TextField
                  label={t("field_tagMultipliers")}
                  name="tagMultipliers"
                  value={tagMultipliers}
                  onChange={setTagMultipliers}
                  multiline={3}
                  autoComplete="off"
                  helpText='[{"tag": "new-arrival", "multiplier": 2}]'
                />
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title={t("previewTitle")} description={t("previewDescription")}>
            <LoyaltyEarningPreview draft={draft} />
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title={t("bonusesTitle")}>
            <Card>
              <FormLayout>
                {numberField("firstOrderBonus")}
                {numberField("birthdayBonus")}
                {numberField("surveyBonus")}
                {numberField("referralBonus", t("referralBonusHelp"))}
                {numberField("referralFriendPercent")}
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title={t("tiersTitle")} description={t("tiersDescription")}>
            <Card>
              <FormLayout>
                <Select
                  label={t("field_tierBasis")}
                  name="tierBasis"
                  value={tierBasis}
                  onChange={setTierBasis}
                  options={[
                    { label: t("tierBasis_points"), value: "points" },
                    { label: t("tierBasis_spend"), value: "spend" },
                  ]}
                />
                <TextField
                  label={t("field_tiers")}
                  name="tiers"
                  value={tiers}
                  onChange={setTiers}
                  multiline={4}
                  autoComplete="off"
                  helpText='[{"name": "Gold", "threshold": 2000, "earnMultiplier": 1.5, "rewardDiscountPercent": 10}]'
                />
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title={t("rewardsTitle")} description={t("rewardsDescription")}>
            <Card>
              <FormLayout>
                <TextField
                  label={t("field_rewards")}
                  name="rewards"
                  value={rewards}
                  onChange={setRewards}
                  multiline={4}
                  autoComplete="off"
                  helpText={t("rewardsHelp")}
                />
                {numberField("expiryInactiveDays", t("expiryHelp"))}
                {numberField("expiryWarningDays")}
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.Section>
            <Button submit variant="primary" loading={navigation.state === "submitting"}>
              {t("save")}
            </Button>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}
