/** Orders' public face: what other capabilities and flows may use. */
export {
  applyImportedOrders,
  applyOrderPayload,
  customerOrderIds,
  customersOrders,
  findCustomer,
  findShopperOrder,
  getOrder,
  normalizeEmail,
  orderAnswersToEmail,
  orderNames,
  orderProductIds,
  orderProducts,
  ordersStoredSince,
  parseAddress,
  type ShopperOrder,
} from "./orders.server";
export {
  placeReplacementOrder,
  type ReplacementRequest,
  type ReplacementResult,
} from "./replacement.server";
export { OrderPayloadSchema, type OrderPayload } from "./schemas";
