/** A webhook delivery's life in the inbox (shared by the server and the admin UI). */
export type DeliveryStatus =
  "received" | "processing" | "processed" | "ignored" | "retrying" | "parked";

export const DELIVERY_STATUSES: DeliveryStatus[] = [
  "received",
  "processing",
  "retrying",
  "parked",
  "processed",
  "ignored",
];
