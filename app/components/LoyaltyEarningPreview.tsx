import { BlockStack, Card, InlineGrid, Text, TextField } from "@shopify/polaris";
import { useMemo, useState } from "react";
import { loyaltyMessages } from "../loyalty/admin-messages";
import { previewEarning, type EarningSample } from "../loyalty/preview";
import type { Program } from "../loyalty/settings";
import { negotiateLocale } from "../platform/i18n";
import { formatCount } from "./format";
import { useShop } from "./ShopContext";

const AMOUNTS = ["subtotal", "discount", "shipping", "tax"] as const;

/** What a sample order the merchant types would earn under the program being edited, unsaved. */
export function LoyaltyEarningPreview({ draft }: { draft: Program }) {
  const shop = useShop();
  const t = loyaltyMessages(negotiateLocale([shop.locale]));
  const [sample, setSample] = useState<EarningSample>({
    subtotal: "120.00",
    discount: "10.00",
    shipping: "8.00",
    tax: "9.60",
    tag: "",
  });
  const preview = useMemo(
    () => previewEarning(draft, shop.currency, sample),
    [draft, shop.currency, sample],
  );
  const points = (value: number) => formatCount(value, shop.locale);

  return (
    <Card>
      <BlockStack gap="300">
        <InlineGrid columns={{ xs: 2, md: 3 }} gap="300">
          {AMOUNTS.map((key) => (
            <TextField
              key={key}
              label={t(`sample_${key}`)}
              type="number"
              value={sample[key]}
              onChange={(value) => setSample((current) => ({ ...current, [key]: value }))}
              autoComplete="off"
              suffix={shop.currency}
            />
          ))}
          <TextField
            label={t("productTag")}
            value={sample.tag}
            onChange={(value) => setSample((current) => ({ ...current, tag: value }))}
            autoComplete="off"
          />
        </InlineGrid>
        <Text as="p" variant="headingMd" id="loyalty-preview">
          {t("previewEarns", { points: points(preview.base.points) })}
        </Text>
        {preview.tiers.map((tier) => (
          <Text as="p" key={tier.name} tone="subdued">
            {t("previewTier", { tier: tier.name, points: points(tier.points) })}
          </Text>
        ))}
      </BlockStack>
    </Card>
  );
}
