import { Form, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button } from "@shopify/polaris";
import type { CustomerMessageKey, customerMessages } from "../analytics/customer-messages";

export interface ResendSurveyResult {
  orderName: string | null;
  queued: boolean;
  reason: string | null;
}

type Translate = ReturnType<typeof customerMessages>;

const REASON_KEYS: Record<string, CustomerMessageKey> = {
  rated: "resendRated",
  no_shipment: "resendNoShipment",
  duplicate: "resendDuplicate",
  disabled: "resendDisabled",
  unsubscribed: "resendUnsubscribed",
  no_email: "resendNoEmail",
};

/** What happened to the merchant's "ask again", in words. */
function outcome({ orderName, queued, reason }: ResendSurveyResult, t: Translate) {
  const order = orderName ?? t("theirOrder");
  if (queued) return { tone: "success" as const, text: t("resendSent", { order }) };
  const key = REASON_KEYS[reason ?? ""];
  return {
    tone: "warning" as const,
    text: key ? t(key, { order }) : t("resendNotSent", { reason: reason ?? "" }),
  };
}

/** The customer page's "ask again": the delivery survey of their newest delivered order. */
export function ResendSurveyForm({
  result,
  t,
}: {
  result: ResendSurveyResult | null | undefined;
  t: Translate;
}) {
  const navigation = useNavigation();
  const said = result ? outcome(result, t) : null;
  return (
    <Form method="post">
      <BlockStack gap="200">
        {said && <Banner tone={said.tone}>{said.text}</Banner>}
        <input type="hidden" name="intent" value="resend-survey" />
        <Button submit loading={navigation.formData?.get("intent") === "resend-survey"}>
          {t("resendSurvey")}
        </Button>
      </BlockStack>
    </Form>
  );
}
