import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  FormLayout,
  InlineGrid,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useMemo, useState } from "react";
import { formatCount } from "../components/format";
import { useShop } from "../components/ShopContext";
import { previewEarning } from "../loyalty/preview";
import { loadProgram, saveProgram } from "../loyalty/program.server";
import {
  FLAGS,
  NUMBER_FIELDS,
  parseList,
  parseProgramForm,
  RewardSchema,
  TagMultiplierSchema,
  TierSchema,
  type Program,
} from "../loyalty/settings";
import { requireAdminShop } from "../shopify.server";
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
    return Response.json(
      {
        ok: false,
        error: parsed.error.issues
          .map((issue) => `${issue.path.join(".") || "form"}: ${issue.message}`)
          .join("; "),
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
  const [numbers, setNumbers] = useState(
    Object.fromEntries(NUMBER_FIELDS.map((key) => [key, String(program[key])])) as Record<
      (typeof NUMBER_FIELDS)[number],
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
  const [sample, setSample] = useState({
    subtotal: "120.00",
    discount: "10.00",
    shipping: "8.00",
    tax: "9.60",
    tag: "",
  });

  const preview = useMemo(() => {
    const draft: Program = {
      ...program,
      ...flags,
      pointsPerUnit: Math.max(1, Number(numbers.pointsPerUnit) || 1),
      tagMultipliers: parseList(tagMultipliers || "[]", TagMultiplierSchema, []),
      tiers: parseList(tiers || "[]", TierSchema, []),
      rewards: parseList(rewards || "[]", RewardSchema, []),
    };
    return previewEarning(draft, shop.currency, sample);
  }, [
    program,
    flags,
    numbers.pointsPerUnit,
    tagMultipliers,
    tiers,
    rewards,
    sample,
    shop.currency,
  ]);

  const numberField = (key: (typeof NUMBER_FIELDS)[number], label: string, helpText?: string) => (
    <TextField
      label={label}
      name={key}
      type="number"
      value={numbers[key]}
      onChange={(value) => setNumbers((current) => ({ ...current, [key]: value }))}
      autoComplete="off"
      helpText={helpText}
    />
  );
  const flag = (key: (typeof FLAGS)[number], label: string) => (
    <Checkbox
      label={label}
      name={key}
      checked={flags[key]}
      onChange={(checked) => setFlags((current) => ({ ...current, [key]: checked }))}
    />
  );

  return (
    <Page backAction={{ content: "Loyalty", url: "/app/loyalty" }} title="Loyalty program">
      <Form method="post">
        <Layout>
          {result && (
            <Layout.Section>
              {result.ok ? (
                <Banner tone="success" title="Program saved" />
              ) : (
                <Banner tone="critical" title="Program not saved">
                  <p>{result.error}</p>
                </Banner>
              )}
            </Layout.Section>
          )}
          <Layout.AnnotatedSection
            title="Earning"
            description="Points per unit of your currency on paid orders. Points stay pending until the return window closes."
          >
            <Card>
              <FormLayout>
                {flag("enabled", "Program is on")}
                {numberField("pointsPerUnit", `Points per 1 ${shop.currency}`)}
                {flag("excludeDiscounts", "Earn on the amount after discounts")}
                {flag("excludeShipping", "No points on shipping")}
                {flag("excludeTaxes", "No points on taxes")}
                {numberField(
                  "returnWindowDays",
                  "Return window (days)",
                  "Points confirm after this",
                )}
                <TextField
                  label="Multipliers by product tag (JSON)"
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
          <Layout.AnnotatedSection
            title="Preview"
            description="What a sample order earns with the settings above, before you save."
          >
            <Card>
              <BlockStack gap="300">
                <InlineGrid columns={{ xs: 2, md: 3 }} gap="300">
                  {(["subtotal", "discount", "shipping", "tax"] as const).map((key) => (
                    <TextField
                      key={key}
                      label={`Sample ${key}`}
                      type="number"
                      value={sample[key]}
                      onChange={(value) => setSample((current) => ({ ...current, [key]: value }))}
                      autoComplete="off"
                      suffix={shop.currency}
                    />
                  ))}
                  <TextField
                    label="Product tag"
                    value={sample.tag}
                    onChange={(value) => setSample((current) => ({ ...current, tag: value }))}
                    autoComplete="off"
                  />
                </InlineGrid>
                <Text as="p" variant="headingMd" id="loyalty-preview">
                  This order earns {formatCount(preview.base.points, shop.locale)} points
                </Text>
                {preview.tiers.map((tier) => (
                  <Text as="p" key={tier.name} tone="subdued">
                    {tier.name}: {formatCount(tier.points, shop.locale)} points
                  </Text>
                ))}
              </BlockStack>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title="Bonuses and referrals">
            <Card>
              <FormLayout>
                {numberField("firstOrderBonus", "First order bonus (points)")}
                {numberField("birthdayBonus", "Birthday bonus (points)")}
                {numberField("surveyBonus", "Survey answer bonus (points)")}
                {numberField(
                  "referralBonus",
                  "Referrer bonus (points)",
                  "When the friend's order is confirmed",
                )}
                {numberField("referralFriendPercent", "Friend's first-order discount (%)")}
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title="Tiers" description="Measured over a rolling 12 months.">
            <Card>
              <FormLayout>
                <Select
                  label="Tiers are reached by"
                  name="tierBasis"
                  value={tierBasis}
                  onChange={setTierBasis}
                  options={[
                    { label: "Points earned", value: "points" },
                    { label: "Amount spent (minor units)", value: "spend" },
                  ]}
                />
                <TextField
                  label="Tiers (JSON, lowest first)"
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
          <Layout.AnnotatedSection
            title="Rewards and expiry"
            description="Rewards are single-use discount codes for the customer who redeemed, or store credit."
          >
            <Card>
              <FormLayout>
                <TextField
                  label="Rewards (JSON)"
                  name="rewards"
                  value={rewards}
                  onChange={setRewards}
                  multiline={4}
                  autoComplete="off"
                  helpText="kind: fixed | percentage | store_credit; value and minimumOrder in minor units (percent for percentage)"
                />
                {numberField(
                  "expiryInactiveDays",
                  "Points expire after days without activity",
                  "0 = never",
                )}
                {numberField("expiryWarningDays", "Warn this many days before")}
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.Section>
            <Button submit variant="primary" loading={navigation.state === "submitting"}>
              Save
            </Button>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}
