import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { blockContext, PostPurchaseBlock } from "../../shared/post-purchase-block";
import { APP_URL } from "./config";

export default async () => {
  const orderId = shopify.order.value?.id.split("/").pop();
  // The page shows one order to its customer; without one there is nothing to ask about.
  if (!orderId) return;
  const context = blockContext(shopify, { appUrl: APP_URL, orderId, source: "order_status" });
  render(<PostPurchaseBlock context={context} />, document.body);
};
