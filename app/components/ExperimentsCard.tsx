import { BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { experimentsMessages } from "../experiments/messages";
import { negotiateLocale } from "../platform/i18n";
import { useShop } from "./ShopContext";

/** Where lift is measured: the holdouts running now, and the way to the experiments page. */
export function ExperimentsCard({ running }: { running: number }) {
  const shop = useShop();
  const t = experimentsMessages(negotiateLocale([shop.locale]));
  return (
    <Card>
      <BlockStack gap="200">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {t("navCard")}
          </Text>
          {running > 0 && <Text as="span">{t("homeCardRunning", { count: running })}</Text>}
        </InlineStack>
        <Text as="p">{t("homeCardBody")}</Text>
        <InlineStack>
          <Button url="/app/experiments">{t("homeCardOpen")}</Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
