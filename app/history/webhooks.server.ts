import { z } from "zod";
import { jobs } from "../platform/jobs/queue.server";
import { webhookHandler } from "../webhooks/types";
import { importForOperation } from "./import.server";
import { importHistory } from "./jobs.server";

/** bulk_operations/finish: Shopify wrote a bulk operation's file; a history import reads it now. */
export const finishHistoryImport = webhookHandler(
  "history.bulk-finish",
  z.object({ admin_graphql_api_id: z.string(), status: z.string() }),
  async ({ shop, payload }) => {
    const pending = await importForOperation(shop, payload.admin_graphql_api_id);
    if (!pending) return;
    await jobs.send(
      importHistory,
      { shop, importId: pending.id, poll: 0 },
      { idempotencyKey: `history-import-finish:${pending.id}` },
    );
  },
);
