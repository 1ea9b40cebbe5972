import {
  exportCustomerOrders,
  redactCustomerOrders,
  type CustomerSubject,
} from "../orders/orders.server";
import { exportCustomerReturns, redactCustomerReturns } from "../returns/compliance.server";
import { exportCustomerShipments, redactCustomerShipments } from "../tracking/compliance.server";

/**
 * Every capability that stores personal data about a shop's customers registers here, in one
 * place: what it exports for customers/data_request and what it erases for customers/redact.
 */
export interface CustomerDataOwner {
  name: string;
  exportCustomer(subject: CustomerSubject): Promise<unknown>;
  redactCustomer(subject: CustomerSubject): Promise<Record<string, number>>;
}

export const CUSTOMER_DATA_OWNERS: CustomerDataOwner[] = [
  { name: "orders", exportCustomer: exportCustomerOrders, redactCustomer: redactCustomerOrders },
  {
    name: "tracking",
    exportCustomer: exportCustomerShipments,
    redactCustomer: redactCustomerShipments,
  },
  { name: "returns", exportCustomer: exportCustomerReturns, redactCustomer: redactCustomerReturns },
];

export type { CustomerSubject };
