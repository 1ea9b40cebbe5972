import {
  exportCustomerOrders,
  redactCustomerOrders,
  type CustomerSubject,
} from "../orders/orders.server";
import {
  exportCustomerNotifications,
  redactCustomerNotifications,
} from "../notifications/compliance.server";
import { exportCustomerLoyalty, redactCustomerLoyalty } from "../loyalty/compliance.server";
import {
  exportCustomerRecommendations,
  redactCustomerRecommendations,
} from "../recommendations/compliance.server";
import { exportCustomerSurveys, redactCustomerSurveys } from "../surveys/compliance.server";
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
  {
    name: "notifications",
    exportCustomer: exportCustomerNotifications,
    redactCustomer: redactCustomerNotifications,
  },
  { name: "surveys", exportCustomer: exportCustomerSurveys, redactCustomer: redactCustomerSurveys },
  {
    name: "recommendations",
    exportCustomer: exportCustomerRecommendations,
    redactCustomer: redactCustomerRecommendations,
  },
  { name: "loyalty", exportCustomer: exportCustomerLoyalty, redactCustomer: redactCustomerLoyalty },
  { name: "returns", exportCustomer: exportCustomerReturns, redactCustomer: redactCustomerReturns },
];

export type { CustomerSubject };
