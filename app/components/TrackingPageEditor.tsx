import {
  BlockStack,
  Box,
  Button,
  ButtonGroup,
  Card,
  Checkbox,
  FormLayout,
  InlineStack,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { ArrowDownIcon, ArrowUpIcon } from "@shopify/polaris-icons";
import { useMemo, useState } from "react";
import { SHOPPER_LOCALES, negotiateLocale, type ShopperLocale } from "../platform/i18n";
import { shipmentMessages } from "../tracking/admin-messages";
import { moveSection, toggleSection, type TrackingPageLayout } from "../tracking/page-layout";
import { previewRecommendations, previewTracking } from "../tracking/shopper/preview-sample";
import { TrackingPage } from "../tracking/shopper/TrackingPage";
import { useShop } from "./ShopContext";
import { Swatch } from "./Swatch";

const LANGUAGE_NAMES: Record<ShopperLocale, string> = {
  en: "English",
  fr: "Français",
  de: "Deutsch",
  es: "Español",
};

export interface Branding {
  logoUrl: string | null;
  primaryColor: string;
  accentColor: string;
}

/**
 * The tracking page's sections (order and visibility) and brand, with the page itself previewed
 * beside them as the merchant edits: the same component the storefront renders, on sample data.
 * The choices travel with the surrounding form as `sections` (JSON), `logoUrl`, `primaryColor`
 * and `accentColor`.
 */
export function TrackingPageEditor(props: {
  layout: TrackingPageLayout;
  branding: Branding;
  brandingErrors: Record<string, string[] | undefined>;
  offer: { code: string; headline: string } | null;
  shopName: string;
  currency: string;
}) {
  const [layout, setLayout] = useState(props.layout);
  const [logoUrl, setLogoUrl] = useState(props.branding.logoUrl ?? "");
  const [primaryColor, setPrimaryColor] = useState(props.branding.primaryColor);
  const [accentColor, setAccentColor] = useState(props.branding.accentColor);
  const [locale, setLocale] = useState<ShopperLocale>("en");
  const sample = useMemo(() => previewTracking(new Date()), []);
  const t = shipmentMessages(negotiateLocale([useShop().locale]));
  const hex = /^#[0-9a-fA-F]{6}$/;
  return (
    <BlockStack gap="400">
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            {t("sectionsTitle")}
          </Text>
          <Text as="p" tone="subdued">
            {t("sectionsHelp")}
          </Text>
          <input type="hidden" name="sections" value={JSON.stringify(layout)} />
          <ol aria-label={t("sectionsList")} style={{ margin: 0, padding: 0 }}>
            {layout.sections.map((section, index) => {
              const label = t(`section_${section.id}`);
              return (
                <li key={section.id} style={{ listStyle: "none" }}>
                  <Box paddingBlock="150">
                    <InlineStack align="space-between" blockAlign="center" wrap={false}>
                      <Checkbox
                        label={label}
                        helpText={t(`sectionHelp_${section.id}`)}
                        checked={section.visible}
                        onChange={(visible) =>
                          setLayout((current) => toggleSection(current, section.id, visible))
                        }
                      />
                      <ButtonGroup variant="segmented">
                        <Button
                          icon={ArrowUpIcon}
                          accessibilityLabel={t("moveSectionUp", { section: label })}
                          disabled={index === 0}
                          onClick={() =>
                            setLayout((current) => moveSection(current, section.id, -1))
                          }
                        />
                        <Button
                          icon={ArrowDownIcon}
                          accessibilityLabel={t("moveSectionDown", { section: label })}
                          disabled={index === layout.sections.length - 1}
                          onClick={() =>
                            setLayout((current) => moveSection(current, section.id, 1))
                          }
                        />
                      </ButtonGroup>
                    </InlineStack>
                  </Box>
                </li>
              );
            })}
          </ol>
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            {t("brandTitle")}
          </Text>
          <FormLayout>
            <TextField
              label={t("logoUrl")}
              name="logoUrl"
              type="url"
              value={logoUrl}
              onChange={setLogoUrl}
              autoComplete="off"
              helpText={t("logoHelp")}
              error={props.brandingErrors.branding?.[0]}
            />
            <FormLayout.Group>
              <TextField
                label={t("textColour")}
                name="primaryColor"
                value={primaryColor}
                onChange={setPrimaryColor}
                autoComplete="off"
                prefix={<Swatch color={primaryColor} />}
              />
              <TextField
                label={t("accentColour")}
                name="accentColor"
                value={accentColor}
                onChange={setAccentColor}
                autoComplete="off"
                prefix={<Swatch color={accentColor} />}
              />
            </FormLayout.Group>
          </FormLayout>
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="300">
          <InlineStack align="space-between" blockAlign="center">
            <Text as="h2" variant="headingMd">
              {t("previewTitle")}
            </Text>
            <Select
              label={t("previewLanguage")}
              labelInline
              options={SHOPPER_LOCALES.map((value) => ({ value, label: LANGUAGE_NAMES[value] }))}
              value={locale}
              onChange={(value) => setLocale(value as ShopperLocale)}
            />
          </InlineStack>
          <Text as="p" tone="subdued">
            {t("previewHelp")}
          </Text>
          <section
            aria-label={t("previewLabel")}
            data-testid="tracking-page-preview"
            style={{ border: "1px solid #e3e3e3", borderRadius: 8, padding: 8 }}
          >
            <TrackingPage
              locale={locale}
              branding={{
                logoUrl: logoUrl.startsWith("https://") ? logoUrl : null,
                primaryColor: hex.test(primaryColor) ? primaryColor : props.branding.primaryColor,
                accentColor: hex.test(accentColor) ? accentColor : props.branding.accentColor,
              }}
              shopName={props.shopName}
              formAction="#"
              form={{ orderNumber: "", email: "", trackingNumber: "" }}
              error={null}
              result={sample}
              recommendations={previewRecommendations(props.currency)}
              offer={props.offer ?? { code: "TRACK10", headline: t("previewHeadline") }}
              layout={layout}
            />
          </section>
        </BlockStack>
      </Card>
    </BlockStack>
  );
}
