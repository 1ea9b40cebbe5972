import { CAPABILITIES } from "../capabilities.server";
import type { CustomerDataOwner, CustomerSubject } from "./subject";

/**
 * Every capability that stores personal data about a shop's customers, as its manifest declares
 * it: what it exports for customers/data_request and what it erases for customers/redact.
 */
export const CUSTOMER_DATA_OWNERS: CustomerDataOwner[] = CAPABILITIES.flatMap((capability) =>
  capability.customerData ? [{ name: capability.name, ...capability.customerData }] : [],
);

export type { CustomerDataOwner, CustomerSubject };
