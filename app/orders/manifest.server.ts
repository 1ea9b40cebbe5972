import { defineCapability } from "../capability";
import { exportCustomerOrders, redactCustomerOrders } from "./orders.server";
import { mirrorOrder } from "./webhooks.server";

export const ordersCapability = defineCapability({
  name: "orders",
  webhooks: {
    "orders/create": [mirrorOrder],
    "orders/updated": [mirrorOrder],
    "orders/paid": [mirrorOrder],
    "orders/cancelled": [mirrorOrder],
    "orders/fulfilled": [mirrorOrder],
    "orders/partially_fulfilled": [mirrorOrder],
  },
  customerData: { exportCustomer: exportCustomerOrders, redactCustomer: redactCustomerOrders },
  emits: ["order.created"],
});
