/**
 * Twilio's message statuses in the order a message goes through them
 * (https://www.twilio.com/docs/messaging/api/message-resource#message-status-values):
 * queued/accepted/scheduled → sending → sent → delivered | undelivered | failed (→ read for
 * channels that report it). Callbacks can arrive late or twice; a status only ever moves forward.
 */
const RANK: Record<string, number> = {
  accepted: 0,
  scheduled: 0,
  queued: 1,
  sending: 2,
  sent: 3,
  delivered: 4,
  undelivered: 4,
  failed: 4,
  read: 5,
};

export const DELIVERY_STATUSES = Object.keys(RANK);

export function isDeliveryStatus(status: string): boolean {
  return status in RANK;
}

/** The statuses a message may be in for `next` to replace it. */
export function statusesBefore(next: string): string[] {
  const rank = RANK[next];
  if (rank === undefined) return [];
  return Object.entries(RANK)
    .filter(([, value]) => value < rank)
    .map(([status]) => status);
}
