import { Presets, SingleBar } from "cli-progress";
import { z } from "zod";

const BacklogSchema = z.object({
  waiting: z.number(),
  processed: z.number(),
  ignored: z.number(),
  parked: z.number(),
});

/** How long the demo waits for the workers before it goes on with what has landed. */
const PATIENCE_MS = 15 * 60_000;

/**
 * Waits until the app's workers have applied every webhook the demo sent (its inbox has none
 * received, being applied or waiting for a retry), with a progress bar: the storefront steps
 * that follow look orders up, and an order whose webhooks are still queued is not there yet.
 */
export async function waitForWebhookBacklog(
  adminGet: (pathname: string) => Promise<Response>,
  sent: number,
): Promise<{ waiting: number; parked: number }> {
  const bar = new SingleBar(
    { format: "  {bar} {value}/{total} webhooks applied", hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(sent, 0);
  const deadline = Date.now() + PATIENCE_MS;
  try {
    for (;;) {
      const response = await adminGet("/app/operations/backlog");
      if (!response.ok) throw new Error(`The webhook backlog answered ${response.status}`);
      const backlog = BacklogSchema.parse(await response.json());
      bar.update(Math.min(sent, backlog.processed + backlog.ignored + backlog.parked));
      if (!backlog.waiting || Date.now() > deadline) return backlog;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } finally {
    bar.stop();
  }
}
