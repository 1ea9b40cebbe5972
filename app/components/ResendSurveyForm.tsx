import { Form, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button } from "@shopify/polaris";

export interface ResendSurveyResult {
  orderName: string | null;
  queued: boolean;
  reason: string | null;
}

/** What happened to the merchant's "ask again", in words. */
function outcome({ orderName, queued, reason }: ResendSurveyResult) {
  const order = orderName ?? "their order";
  if (queued) return { tone: "success", text: `The delivery survey of ${order} is on its way.` };
  const why: Record<string, string> = {
    rated: `They already rated the delivery of ${order}.`,
    no_shipment: "None of their recent orders has a delivered shipment to ask about yet.",
    duplicate: `The survey of ${order} was already sent again today.`,
    disabled: "The delivery survey e-mail is switched off under Notifications.",
    unsubscribed: "They unsubscribed from your e-mails.",
    no_email: "There is no e-mail address to send it to.",
  };
  return { tone: "warning", text: why[reason ?? ""] ?? `Not sent (${reason}).` };
}

/** The customer page's "ask again": the delivery survey of their newest delivered order. */
export function ResendSurveyForm({ result }: { result: ResendSurveyResult | null | undefined }) {
  const navigation = useNavigation();
  const said = result ? outcome(result) : null;
  return (
    <Form method="post">
      <BlockStack gap="200">
        {said && <Banner tone={said.tone as "success" | "warning"}>{said.text}</Banner>}
        <input type="hidden" name="intent" value="resend-survey" />
        <Button submit loading={navigation.formData?.get("intent") === "resend-survey"}>
          Send the delivery survey again
        </Button>
      </BlockStack>
    </Form>
  );
}
