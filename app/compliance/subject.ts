/** Whom a customers/data_request or customers/redact is about, as every data owner receives it. */
export interface CustomerSubject {
  shopDomain: string;
  customerShopifyId: string | null;
  email: string | null;
  /** customers/redact names it; used to find the customer's webhook payloads and jobs. */
  phone?: string | null;
  orderShopifyIds: string[];
}

/**
 * A capability that stores personal data about a shop's customers, as its manifest declares
 * it: what it exports for customers/data_request and what it erases for customers/redact.
 */
export interface CustomerDataOwner {
  name: string;
  exportCustomer(subject: CustomerSubject): Promise<unknown>;
  redactCustomer(subject: CustomerSubject): Promise<Record<string, number>>;
}
