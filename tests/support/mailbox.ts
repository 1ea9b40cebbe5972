import type { ReceivedEmail } from "../../scripts/standin/mailbox";
import { standinUrl } from "./http";
import { waitFor } from "./wait";

/** The e-mails the stand-in's SMTP server received for `to`, oldest first. */
export async function mailbox(to: string): Promise<ReceivedEmail[]> {
  const response = await fetch(`${standinUrl()}/__standin/mailbox?to=${encodeURIComponent(to)}`);
  return (await response.json()) as ReceivedEmail[];
}

/** The e-mails `to` has received, once there is at least one. */
export function mailArrived(to: string, what: string): Promise<ReceivedEmail[]> {
  return waitFor(
    async () => {
      const received = await mailbox(to);
      return received.length ? received : undefined;
    },
    { message: what, timeout: 60_000 },
  );
}
