import {
  Body,
  Button,
  Column,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Img,
  Link,
  Preview,
  Row,
  Section,
  Text,
} from "@react-email/components";
import type { ReactNode } from "react";
import type { ShopperLocale } from "../../platform/i18n";
import type { ShipmentEmailData } from "../triggers";
import type { emailTranslator } from "./messages";

export interface Brand {
  shopName: string;
  logoUrl: string | null;
  primaryColor: string;
  accentColor: string;
  /** The shop's postal address for the footer (CAN-SPAM, and shoppers trust it). */
  address: string | null;
}

export interface NotificationEmailProps {
  locale: ShopperLocale;
  brand: Brand;
  heading: string;
  paragraphs: string[];
  action: { label: string; url: string } | null;
  shipment: ShipmentEmailData | null;
  /** A one-click 1–5 scale (the delivery survey). */
  ratingUrls: string[] | null;
  t: ReturnType<typeof emailTranslator>;
  unsubscribeUrl: string;
  openPixelUrl: string | null;
  /** What only one trigger carries (the merchant's weekly figures), shown below the text. */
  details?: ReactNode;
  /** Why the recipient gets this email, when it is not a shopper's order (the merchant's digest). */
  why?: string;
}

const text = { fontSize: "15px", lineHeight: "24px", margin: "0 0 12px" };
const muted = { ...text, color: "#6b7280", fontSize: "13px" };

function day(iso: string, locale: ShopperLocale) {
  return new Intl.DateTimeFormat(locale, {
    weekday: "long",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  }).format(new Date(iso));
}

/** One branded layout for every trigger; shipment emails add the parcel's items and scans. */
export function NotificationEmail(props: NotificationEmailProps) {
  const { brand, shipment, t, locale } = props;
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{props.paragraphs[0] ?? props.heading}</Preview>
      <Body style={{ backgroundColor: "#f6f6f7", fontFamily: "Helvetica, Arial, sans-serif" }}>
        <Container style={{ backgroundColor: "#ffffff", padding: "32px", maxWidth: "560px" }}>
          {brand.logoUrl ? (
            <Img src={brand.logoUrl} alt={brand.shopName} height="40" />
          ) : (
            <Text style={{ ...text, fontWeight: 700, color: brand.primaryColor }}>
              {brand.shopName}
            </Text>
          )}
          <Heading as="h1" style={{ fontSize: "24px", color: brand.primaryColor }}>
            {props.heading}
          </Heading>
          {props.paragraphs.map((paragraph, index) => (
            <Text key={index} style={text}>
              {paragraph}
            </Text>
          ))}
          {props.details}
          {shipment?.estimate ? (
            <Text style={{ ...text, fontWeight: 700 }}>
              {t("estimate", {
                date:
                  shipment.estimate.earliest &&
                  day(shipment.estimate.earliest, locale) !== day(shipment.estimate.latest, locale)
                    ? `${day(shipment.estimate.earliest, locale)} – ${day(shipment.estimate.latest, locale)}`
                    : day(shipment.estimate.latest, locale),
              })}
            </Text>
          ) : null}
          {props.action ? (
            <Button
              href={props.action.url}
              style={{
                backgroundColor: brand.accentColor,
                color: "#ffffff",
                padding: "12px 20px",
                borderRadius: "6px",
                fontWeight: 700,
              }}
            >
              {props.action.label}
            </Button>
          ) : null}
          {props.ratingUrls ? (
            <RatingScale urls={props.ratingUrls} t={t} accent={brand.accentColor} />
          ) : null}
          {shipment ? <ShipmentDetails shipment={shipment} t={t} locale={locale} /> : null}
          <Hr />
          <Text style={muted}>
            {brand.shopName}
            {brand.address ? ` · ${brand.address}` : ""}
          </Text>
          <Text style={muted}>
            {props.why ?? t("why", { shop: brand.shopName })}{" "}
            <Link href={props.unsubscribeUrl} style={{ color: "#6b7280" }}>
              {t("unsubscribe")}
            </Link>
          </Text>
          {props.openPixelUrl ? <Img src={props.openPixelUrl} alt="" width="1" height="1" /> : null}
        </Container>
      </Body>
    </Html>
  );
}

function ShipmentDetails({
  shipment,
  t,
  locale,
}: {
  shipment: ShipmentEmailData;
  t: NotificationEmailProps["t"];
  locale: ShopperLocale;
}) {
  const time = (iso: string) =>
    new Intl.DateTimeFormat(locale, {
      month: "short",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZone: "UTC",
      timeZoneName: "short",
    }).format(new Date(iso));
  return (
    <Section style={{ marginTop: "24px" }}>
      <Text style={muted}>
        {t("trackingNumber", {
          carrier: shipment.carrierName ?? "",
          number: shipment.trackingNumber,
        }).trim()}
      </Text>
      {shipment.items.length > 0 ? (
        <>
          <Heading as="h2" style={{ fontSize: "17px" }}>
            {t("items")}
          </Heading>
          {shipment.items.map((item, index) => (
            <Row key={index} style={{ marginBottom: "8px" }}>
              {item.imageUrl ? (
                <Column style={{ width: "56px" }}>
                  <Img src={item.imageUrl} alt="" width="48" height="48" />
                </Column>
              ) : null}
              <Column>
                <Text style={{ ...text, margin: 0 }}>
                  {item.quantity} × {item.title}
                  {item.variantTitle ? ` – ${item.variantTitle}` : ""}
                </Text>
              </Column>
            </Row>
          ))}
        </>
      ) : null}
      {shipment.recommendations.length > 0 ? (
        <>
          <Heading as="h2" style={{ fontSize: "17px" }}>
            {t("recommendations")}
          </Heading>
          <Row>
            {shipment.recommendations.slice(0, 3).map((product) => (
              <Column
                key={product.url}
                style={{ width: "33%", verticalAlign: "top", padding: "0 4px" }}
              >
                {product.imageUrl ? (
                  <Img src={product.imageUrl} alt="" width="120" height="120" />
                ) : null}
                <Link href={product.url} style={{ fontSize: "14px" }}>
                  {product.title}
                </Link>
                <Text style={{ ...muted, margin: 0 }}>
                  {new Intl.NumberFormat(locale, {
                    style: "currency",
                    currency: product.currency,
                  }).format(product.price / 100)}
                </Text>
              </Column>
            ))}
          </Row>
        </>
      ) : null}
      {shipment.checkpoints.length > 0 ? (
        <>
          <Heading as="h2" style={{ fontSize: "17px" }}>
            {t("timeline")}
          </Heading>
          {shipment.checkpoints.slice(0, 5).map((checkpoint, index) => (
            <Text key={index} style={{ ...text, margin: "0 0 8px" }}>
              <strong>{checkpoint.message}</strong>
              <br />
              <span style={{ color: "#6b7280" }}>
                {time(checkpoint.at)}
                {checkpoint.location ? ` · ${checkpoint.location}` : ""}
              </span>
            </Text>
          ))}
        </>
      ) : null}
    </Section>
  );
}

function RatingScale({
  urls,
  t,
  accent,
}: {
  urls: string[];
  t: NotificationEmailProps["t"];
  accent: string;
}) {
  return (
    <Section style={{ margin: "8px 0 16px" }}>
      <Row>
        {urls.map((url, index) => (
          <Column key={url} align="center">
            <Link
              href={url}
              style={{
                display: "inline-block",
                width: "44px",
                lineHeight: "44px",
                borderRadius: "22px",
                border: `2px solid ${accent}`,
                color: accent,
                fontWeight: 700,
                fontSize: "18px",
                textAlign: "center",
              }}
            >
              {index + 1}
            </Link>
          </Column>
        ))}
      </Row>
      <Row>
        <Column>
          <Text style={{ ...muted, margin: "4px 0 0" }}>1 = {t("rating1")}</Text>
        </Column>
        <Column align="right">
          <Text style={{ ...muted, margin: "4px 0 0" }}>5 = {t("rating5")}</Text>
        </Column>
      </Row>
    </Section>
  );
}
