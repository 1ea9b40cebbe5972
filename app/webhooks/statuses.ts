/** A webhook delivery's life in the inbox (shared by the server and the admin UI). */
export type DeliveryStatus =
  "received" | "held" | "processing" | "processed" | "ignored" | "retrying" | "parked";

export const DELIVERY_STATUSES: DeliveryStatus[] = [
  "received",
  "held",
  "processing",
  "retrying",
  "parked",
  "processed",
  "ignored",
];
