import type { z, ZodType } from "zod";
import { PermanentJobError } from "../platform/jobs/types";

/** What a topic handler receives for one delivery. */
export interface WebhookContext<TPayload = unknown> {
  shop: string;
  /** "orders/create" */
  topic: string;
  payload: TPayload;
  webhookId: string;
  deliveryId: string;
  /** X-Shopify-Triggered-At, when Shopify sent it. */
  triggeredAt: Date | null;
}

export interface WebhookHandler {
  /** Names the handler in logs and in the admin ("orders.mirror"). */
  name: string;
  handle(context: WebhookContext): Promise<void>;
}

/** A payload that does not have the shape the handler needs: retrying will not help. */
export class WebhookPayloadError extends PermanentJobError {
  override name = "WebhookPayloadError";
}

/**
 * A handler whose payload is validated first; a payload of the wrong shape parks the delivery
 * with the validation errors instead of retrying it.
 */
export function webhookHandler<TSchema extends ZodType>(
  name: string,
  schema: TSchema,
  handle: (context: WebhookContext<z.output<TSchema>>) => Promise<void>,
): WebhookHandler {
  return {
    name,
    async handle(context) {
      const parsed = schema.safeParse(context.payload);
      if (!parsed.success) {
        const problems = parsed.error.issues
          .slice(0, 5)
          .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
          .join("; ");
        throw new WebhookPayloadError(`${context.topic} payload rejected by ${name}: ${problems}`);
      }
      await handle({ ...context, payload: parsed.data });
    },
  };
}
