/** Words and badge tones for support conversations' statuses, shared by the inbox's pages. */
export const CONVERSATION_STATUS_LABELS = {
  open: "Open",
  pending: "Waiting on shopper",
  closed: "Closed",
} as const;

export const CONVERSATION_STATUS_TONES = {
  open: "attention",
  pending: "info",
  closed: undefined,
} as const;

/** "3 h 20 min", "45 min", "2 d 4 h": how long a shopper waited, as the merchant reads it. */
export function formatDuration(from: string, to: string) {
  const minutes = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
