import "@shopify/ui-extensions/preact";
import { render } from "preact";

/** The order action menu's button; without an href it opens the order.action.render modal. */
export default async () => {
  render(<s-button>{shopify.i18n.translate("requestReturn")}</s-button>, document.body);
};
