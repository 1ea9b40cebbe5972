import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { blockContext, PostPurchaseBlock } from "../../shared/post-purchase-block";
import { APP_URL } from "./config";

export default async () => {
  const orderId = shopify.orderConfirmation.value.order.id.split("/").pop() ?? "";
  const context = blockContext(shopify, { appUrl: APP_URL, orderId, source: "thank_you" });
  render(<PostPurchaseBlock context={context} />, document.body);
};
