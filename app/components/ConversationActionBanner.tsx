import { Banner } from "@shopify/polaris";
import type { ConversationActionResult } from "../support/index.server";

const ERRORS: Record<string, string> = {
  empty: "Write a message first.",
  invalidText: "The message holds control characters; paste it as plain text.",
  tooLong: "Keep the message under 5,000 characters.",
  notFound: "This conversation no longer exists.",
  invalid: "Something in the form was not understood; reload the page.",
};

const DELIVERY: Record<string, string> = {
  storefront: "Sent. The shopper is reading the conversation on your store and sees it there.",
  email: "Sent by email, threaded with the conversation.",
  notConfigured: "Saved, but no email could be sent: the app has no SMTP_URL.",
};

/** Why the merchant's last action on a conversation failed, or how a sent reply reaches the shopper. */
export function ConversationActionBanner({
  result,
}: {
  result: ConversationActionResult | undefined;
}) {
  return (
    <>
      {result && !result.ok && (
        <Banner tone="critical">
          <p>
            {"missing" in result && result.missing
              ? `This conversation has no value for ${result.missing.map((name) => `{{${name}}}`).join(", ")}: remove it or write the link yourself.`
              : (ERRORS[result.error] ?? result.error)}
          </p>
        </Banner>
      )}
      {result?.ok && result.intent === "reply" && "delivered" in result && (
        <Banner tone={result.delivered === "notConfigured" ? "warning" : "success"}>
          <p>{DELIVERY[result.delivered ?? "email"]}</p>
        </Banner>
      )}
    </>
  );
}
