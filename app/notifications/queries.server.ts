import { z } from "zod";
import { db } from "../db.server";

export const MessageFilterSchema = z.object({
  query: z.string().trim().max(100).optional(),
  status: z.enum(["queued", "sent", "failed", "suppressed"]).optional(),
  channel: z.enum(["email", "sms"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
});
export type MessageFilter = z.infer<typeof MessageFilterSchema>;

export function parseMessageFilter(params: URLSearchParams): MessageFilter {
  const parsed = MessageFilterSchema.safeParse({
    query: params.get("q") || undefined,
    status: params.get("status") || undefined,
    channel: params.get("channel") || undefined,
    page: params.get("page") || undefined,
  });
  return parsed.success ? parsed.data : MessageFilterSchema.parse({});
}

export const MESSAGE_PAGE_SIZE = 25;

function where(shopDomain: string, filter: MessageFilter) {
  const query = filter.query?.toLowerCase();
  return {
    shopDomain,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.channel ? { channel: filter.channel } : {}),
    ...(query
      ? {
          OR: [
            { orderName: query.startsWith("#") ? query : `#${query}` },
            { orderName: filter.query },
            { recipient: { contains: query } },
          ],
        }
      : {}),
  };
}

/** The sent-messages log (emails and SMS): newest first, searchable by order name or recipient. */
export async function listMessages(shopDomain: string, filter: MessageFilter) {
  const [items, total] = await Promise.all([
    db.notificationMessage.findMany({
      where: where(shopDomain, filter),
      orderBy: { createdAt: "desc" },
      skip: (filter.page - 1) * MESSAGE_PAGE_SIZE,
      take: MESSAGE_PAGE_SIZE,
      select: {
        id: true,
        trigger: true,
        channel: true,
        recipient: true,
        orderName: true,
        status: true,
        detail: true,
        subject: true,
        smsBody: true,
        segments: true,
        deliveryStatus: true,
        attempts: true,
        sendAfter: true,
        sentAt: true,
        openedAt: true,
        createdAt: true,
      },
    }),
    db.notificationMessage.count({ where: where(shopDomain, filter) }),
  ]);
  return { items, total, pageSize: MESSAGE_PAGE_SIZE };
}
