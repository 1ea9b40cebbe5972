import type { ReceivedEmail } from "../../scripts/standin/mailbox";
import { standinUrl } from "./http";

/** The e-mails the stand-in's SMTP server received for `to`, oldest first. */
export async function mailbox(to: string): Promise<ReceivedEmail[]> {
  const response = await fetch(`${standinUrl()}/__standin/mailbox?to=${encodeURIComponent(to)}`);
  return (await response.json()) as ReceivedEmail[];
}
