import { BlockStack, Card, EmptyState, IndexTable, InlineGrid, Text } from "@shopify/polaris";
import { entryLabel, loyaltyMessages } from "../loyalty/admin-messages";
import { FigureCard } from "./FigureCard";
import type { MemberSummary } from "../loyalty/queries.server";
import { negotiateLocale } from "../platform/i18n";
import { formatCount, formatDateTime, formatMinor } from "./format";
import { useShop } from "./ShopContext";

function useMemberWords() {
  const shop = useShop();
  const t = loyaltyMessages(negotiateLocale([shop.locale]));
  return {
    shop,
    t,
    count: (value: number) => formatCount(value, shop.locale),
    when: (value: Date | string) => formatDateTime(value, shop.timezone, shop.locale),
  };
}

interface Standing {
  balance: number;
  pending: number;
  tier: string | null;
  qualifying: number;
  tierBasis: "points" | "spend";
  next: { name: string; remaining: number } | null;
  currency: string;
}

/** A member's balance, pending points and tier, with how far the next tier is. */
export function MemberStandingCards({ standing }: { standing: Standing }) {
  const { shop, t, count } = useMemberWords();
  const qualifying =
    standing.tierBasis === "spend"
      ? t("qualifyingSpend", {
          amount: formatMinor(standing.qualifying, standing.currency, shop.locale),
        })
      : t("qualifyingPoints", { points: count(standing.qualifying) });
  return (
    <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
      <FigureCard
        title={t("balance")}
        value={t("pointsAmount", { points: count(standing.balance) })}
        note={standing.balance < 0 ? t("negativeBalance") : undefined}
        critical={standing.balance < 0}
      />
      <FigureCard
        title={t("pending")}
        value={t("pointsAmount", { points: count(standing.pending) })}
        note={t("pendingConfirmed")}
      />
      <FigureCard
        title={t("colTier")}
        value={standing.tier ?? t("noTier")}
        note={
          standing.next
            ? t("nextTier", {
                qualifying,
                remaining: count(standing.next.remaining),
                tier: standing.next.name,
              })
            : qualifying
        }
      />
    </InlineGrid>
  );
}

/** Every movement of a member's points, newest first. */
export function LedgerCard({ entries }: { entries: MemberSummary["entries"] }) {
  const { t, count, when } = useMemberWords();
  return (
    <Card padding="0">
      <div style={{ padding: 16 }}>
        <Text as="h2" variant="headingMd">
          {t("ledger")}
        </Text>
      </div>
      {entries.length === 0 ? (
        <EmptyState heading={t("noPoints")} image="">
          <p>{t("noPointsBody")}</p>
        </EmptyState>
      ) : (
        <IndexTable
          resourceName={{ singular: t("entrySingular"), plural: t("entryPlural") }}
          itemCount={entries.length}
          selectable={false}
          headings={[
            { title: t("colDate") },
            { title: t("colWhat") },
            { title: t("colPoints"), alignment: "end" },
            { title: t("colPending"), alignment: "end" },
            { title: t("colNote") },
          ]}
        >
          {entries.map((entry, index) => (
            <IndexTable.Row id={entry.id} key={entry.id} position={index}>
              <IndexTable.Cell>{when(entry.createdAt)}</IndexTable.Cell>
              <IndexTable.Cell>{entryLabel(t, entry.source, entry.kind)}</IndexTable.Cell>
              <IndexTable.Cell>
                <Text as="span" alignment="end">
                  {entry.points ? count(entry.points) : ""}
                </Text>
              </IndexTable.Cell>
              <IndexTable.Cell>
                <Text as="span" alignment="end">
                  {entry.pendingPoints ? count(entry.pendingPoints) : ""}
                </Text>
              </IndexTable.Cell>
              <IndexTable.Cell>
                {[entry.note, entry.actor].filter(Boolean).join(" · ")}
              </IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      )}
    </Card>
  );
}

/** The member's promotions and demotions, newest first. */
export function TierHistoryCard({ changes }: { changes: MemberSummary["tierChanges"] }) {
  const { t, when } = useMemberWords();
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t("tierHistory")}
        </Text>
        {changes.length === 0 ? (
          <Text as="p" tone="subdued">
            {t("noTierChanges")}
          </Text>
        ) : (
          changes.map((change) => (
            <Text as="p" key={change.id}>
              {t(change.direction === "promotion" ? "promoted" : "demoted", {
                date: when(change.createdAt),
                from: change.fromTier ?? t("noTierName"),
                to: change.toTier ?? t("noTierName"),
              })}
            </Text>
          ))
        )}
      </BlockStack>
    </Card>
  );
}

/** The rewards the member redeemed that Shopify issued: their codes, or store credit. */
export function RewardsIssuedCard({ redemptions }: { redemptions: MemberSummary["redemptions"] }) {
  const { t, count } = useMemberWords();
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t("rewardsIssued")}
        </Text>
        {redemptions.length === 0 ? (
          <Text as="p" tone="subdued">
            {t("noneYet")}
          </Text>
        ) : (
          redemptions.map((redemption) => (
            <Text as="p" key={redemption.id}>
              {t("redemption", {
                reward: redemption.code ?? t("storeCredit"),
                points: count(redemption.points),
              })}
            </Text>
          ))
        )}
      </BlockStack>
    </Card>
  );
}
