/**
 * Automation's public face: Shopify Flow actions served by the app (the triggers are a
 * destination: app/destinations/shopify-flow.server.ts).
 */
export {
  FLOW_ACTION_HANDLES,
  isSignedByShopify,
  runFlowAction,
  type FlowActionHandle,
} from "./flow-actions.server";
