import { shopStore } from "../state";
import type { AdminHandler } from "./types";

type Shop = Parameters<AdminHandler>[0]["shop"];
type UserError = { field: string[] | null; code: string | null; message: string };

export interface RecordedDiscount {
  id: string;
  title: string;
  code: string;
  customerIds: string[];
  /** Customer segments the discount is limited to (empty with customerIds empty: everyone). */
  segmentIds: string[];
  value: { percentage?: number; discountAmount?: { amount: string; appliesOnEachItem: boolean } };
  minimumSubtotal: string | null;
  usageLimit: number | null;
  appliesOncePerCustomer: boolean;
  startsAt: string;
  /** Customer GIDs of the orders that used the code, one entry per use. */
  usedBy: string[];
}

export interface RecordedSegment {
  id: string;
  name: string;
  query: string;
}

/** The shop's customer segments, as segmentCreate left them. */
export const segments = (shop: Shop) => shopStore<RecordedSegment[]>(shop, "segments", () => []);

/**
 * The part of Shopify's segment query language the stand-in understands: one comparison of the
 * customer's order count (https://shopify.dev/docs/api/shopifyql/segment-query-language-reference).
 * Anything else is refused by segmentCreate, as Shopify refuses a query it cannot parse.
 */
const ORDER_COUNT_QUERY = /^number_of_orders\s*(=|!=|>=|<=|>|<)\s*(\d+)$/;

function segmentMatches(query: string, numberOfOrders: number): boolean {
  const [, operator, value] = ORDER_COUNT_QUERY.exec(query.trim())!;
  const limit = Number(value);
  switch (operator) {
    case "=":
      return numberOfOrders === limit;
    case "!=":
      return numberOfOrders !== limit;
    case ">=":
      return numberOfOrders >= limit;
    case "<=":
      return numberOfOrders <= limit;
    case ">":
      return numberOfOrders > limit;
    default:
      return numberOfOrders < limit;
  }
}

/**
 * A shopper enters `code` at checkout: Shopify applies a code discount only once it has started,
 * to the customers its context names, at most once per customer when so set and within its usage
 * limit; an applied code counts as used when the order is placed.
 */
export function redeemDiscountAtCheckout(
  shop: Shop,
  {
    code,
    customerId,
    numberOfOrders,
  }: { code: string; customerId: string; numberOfOrders: number },
): { applied: true } | { applied: false; reason: string } {
  const discount = discounts(shop).find(
    (candidate) => candidate.code.toLowerCase() === code.toLowerCase(),
  );
  if (!discount || Date.parse(discount.startsAt) > Date.now()) {
    return { applied: false, reason: "not a valid discount code" };
  }
  const everyone = !discount.customerIds.length && !discount.segmentIds.length;
  const eligible =
    everyone ||
    discount.customerIds.includes(customerId) ||
    segments(shop).some(
      (segment) =>
        discount.segmentIds.includes(segment.id) && segmentMatches(segment.query, numberOfOrders),
    );
  if (!eligible) return { applied: false, reason: "customer not eligible" };
  if (discount.appliesOncePerCustomer && discount.usedBy.includes(customerId)) {
    return { applied: false, reason: "already used by this customer" };
  }
  if (discount.usageLimit !== null && discount.usedBy.length >= discount.usageLimit) {
    return { applied: false, reason: "usage limit reached" };
  }
  discount.usedBy.push(customerId);
  return { applied: true };
}

/** The shop's code discounts as Shopify would hold them. */
export const discounts = (shop: Shop) => shopStore<RecordedDiscount[]>(shop, "discounts", () => []);
export const storeCredits = (shop: Shop) =>
  shopStore<{ id: string; customerId: string; amount: string; currencyCode: string }[]>(
    shop,
    "storeCredits",
    () => [],
  );
/** ownerId → "namespace.key" → value, as metafieldsSet left them. */
export const metafields = (shop: Shop) =>
  shopStore<Record<string, Record<string, { type: string; value: string }>>>(
    shop,
    "metafields",
    () => ({}),
  );

/**
 * Tests make Shopify refuse a mutation by POSTing `{ code, message, field }` to
 * /__standin/shops/<shop>/stores/refuse:<OperationName>.
 */
function refusal(shop: Shop, operationName: string): UserError | null {
  const refuse = shop.stores.get(`refuse:${operationName}`) as
    Partial<UserError> | null | undefined;
  if (!refuse) return null;
  return {
    field: refuse.field ?? null,
    code: refuse.code ?? "INVALID",
    message: refuse.message ?? "Refused",
  };
}

const CUSTOMER_GID = /^gid:\/\/shopify\/Customer\/\d+$/;

/** Product id → tags; tests set it with POST /__standin/shops/<shop>/stores/productTags. */
const productTags = (shop: Shop) =>
  (shop.stores.get("productTags") as Record<string, string[]> | undefined) ?? {};

export const loyaltyHandlers: Record<string, AdminHandler> = {
  // https://shopify.dev/docs/api/admin-graphql/latest/queries/nodes (Product fragment)
  LoyaltyProductTags: ({ shop, variables }) => ({
    nodes: (variables.ids as string[]).map((id) => {
      const match = /^gid:\/\/shopify\/Product\/(\d+)$/.exec(id);
      return match ? { id, tags: productTags(shop)[match[1]!] ?? [] } : null;
    }),
  }),

  // https://shopify.dev/docs/api/admin-graphql/latest/mutations/discountCodeBasicCreate
  LoyaltyDiscountCodeBasicCreate: ({ shop, variables }) => {
    const input = variables.basicCodeDiscount as {
      title?: string;
      code?: string;
      startsAt?: string;
      context?: {
        all?: "ALL";
        customers?: { add?: string[] };
        customerSegments?: { add?: string[] };
      };
      customerGets?: { value?: RecordedDiscount["value"]; items?: { all?: boolean } };
      minimumRequirement?: { subtotal?: { greaterThanOrEqualToSubtotal?: string } } | null;
      usageLimit?: number | null;
      appliesOncePerCustomer?: boolean;
    };
    const userErrors: UserError[] = [];
    const refused = refusal(shop, "LoyaltyDiscountCodeBasicCreate");
    if (refused) userErrors.push(refused);
    if (!input.title) {
      userErrors.push({
        field: ["basicCodeDiscount", "title"],
        code: "BLANK",
        message: "Title can't be blank",
      });
    }
    if (!input.code) {
      userErrors.push({
        field: ["basicCodeDiscount", "code"],
        code: "BLANK",
        message: "Code can't be blank",
      });
    } else if (
      discounts(shop).some((discount) => discount.code.toLowerCase() === input.code!.toLowerCase())
    ) {
      userErrors.push({
        field: ["basicCodeDiscount", "code"],
        code: "TAKEN",
        message: "Code must be unique. Please try a different code.",
      });
    }
    const customers = input.context?.customers?.add ?? [];
    if (customers.some((id) => !CUSTOMER_GID.test(id))) {
      userErrors.push({
        field: ["basicCodeDiscount", "context", "customers", "add"],
        code: "INVALID",
        message: "Customer does not exist",
      });
    }
    const segmentIds = input.context?.customerSegments?.add ?? [];
    if (segmentIds.some((id) => !segments(shop).some((segment) => segment.id === id))) {
      userErrors.push({
        field: ["basicCodeDiscount", "context", "customerSegments", "add"],
        code: "INVALID",
        message: "Customer segment does not exist",
      });
    }
    const value = input.customerGets?.value;
    const percentage = value?.percentage;
    const amount = value?.discountAmount?.amount;
    if (
      (percentage === undefined && amount === undefined) ||
      (percentage !== undefined && !(percentage > 0 && percentage <= 1)) ||
      (amount !== undefined && !(Number(amount) > 0))
    ) {
      userErrors.push({
        field: ["basicCodeDiscount", "customerGets", "value"],
        code: "VALUE_OUTSIDE_RANGE",
        message: "Value must be between 0 and 1 for a percentage, or above 0 for an amount",
      });
    }
    if (userErrors.length) {
      return { discountCodeBasicCreate: { codeDiscountNode: null, userErrors } };
    }
    const list = discounts(shop);
    const discount: RecordedDiscount = {
      id: `gid://shopify/DiscountCodeNode/${1_057_371_000 + list.length + 1}`,
      title: input.title!,
      code: input.code!,
      customerIds: customers,
      segmentIds,
      value: value!,
      minimumSubtotal: input.minimumRequirement?.subtotal?.greaterThanOrEqualToSubtotal ?? null,
      usageLimit: input.usageLimit ?? null,
      appliesOncePerCustomer: input.appliesOncePerCustomer ?? false,
      startsAt: input.startsAt ?? new Date().toISOString(),
      usedBy: [],
    };
    list.push(discount);
    return {
      discountCodeBasicCreate: { codeDiscountNode: { id: discount.id }, userErrors: [] },
    };
  },

  // https://shopify.dev/docs/api/admin-graphql/latest/queries/segments
  LoyaltySegments: ({ shop }) => ({ segments: { nodes: segments(shop).slice(0, 250) } }),

  // https://shopify.dev/docs/api/admin-graphql/latest/mutations/segmentCreate
  LoyaltySegmentCreate: ({ shop, variables }) => {
    const name = String(variables.name ?? "").trim();
    const query = String(variables.query ?? "").trim();
    const userErrors: { field: string[]; message: string }[] = [];
    if (!name) userErrors.push({ field: ["name"], message: "Name can't be blank" });
    else if (segments(shop).some((segment) => segment.name === name))
      userErrors.push({ field: ["name"], message: "Name has already been taken" });
    if (!ORDER_COUNT_QUERY.test(query))
      userErrors.push({ field: ["query"], message: `Query is invalid: ${query}` });
    if (userErrors.length) return { segmentCreate: { segment: null, userErrors } };
    const segment = {
      id: `gid://shopify/Segment/${600_000_000 + segments(shop).length + 1}`,
      name,
      query,
    };
    segments(shop).push(segment);
    return { segmentCreate: { segment: { id: segment.id }, userErrors: [] } };
  },

  // https://shopify.dev/docs/api/admin-graphql/latest/mutations/storeCreditAccountCredit
  LoyaltyStoreCreditAccountCredit: ({ shop, variables }) => {
    const id = String(variables.id ?? "");
    const credit = (
      variables.creditInput as { creditAmount?: { amount?: string; currencyCode?: string } }
    )?.creditAmount;
    const refused = refusal(shop, "LoyaltyStoreCreditAccountCredit");
    const userErrors: UserError[] = refused ? [refused] : [];
    if (!CUSTOMER_GID.test(id) && !/^gid:\/\/shopify\/StoreCreditAccount\/\d+$/.test(id)) {
      userErrors.push({
        field: ["id"],
        code: "ACCOUNT_NOT_FOUND",
        message: "Store credit account does not exist",
      });
    }
    if (!(Number(credit?.amount) > 0)) {
      userErrors.push({
        field: ["creditInput", "creditAmount", "amount"],
        code: "NEGATIVE_OR_ZERO_AMOUNT",
        message: "A positive amount must be used",
      });
    }
    if (userErrors.length) {
      return { storeCreditAccountCredit: { storeCreditAccountTransaction: null, userErrors } };
    }
    const list = storeCredits(shop);
    const transaction = {
      id: `gid://shopify/StoreCreditAccountCreditTransaction/${5_000_000 + list.length + 1}`,
      customerId: id,
      amount: credit!.amount!,
      currencyCode: credit!.currencyCode ?? shop.details.currencyCode,
    };
    list.push(transaction);
    return {
      storeCreditAccountCredit: {
        storeCreditAccountTransaction: { id: transaction.id },
        userErrors: [],
      },
    };
  },

  // https://shopify.dev/docs/api/admin-graphql/latest/mutations/metafieldsSet
  LoyaltyMetafieldsSet: ({ shop, variables }) => {
    const inputs = variables.metafields as {
      ownerId: string;
      namespace: string;
      key: string;
      type: string;
      value: string;
    }[];
    const refused = refusal(shop, "LoyaltyMetafieldsSet");
    if (refused) return { metafieldsSet: { metafields: null, userErrors: [refused] } };
    const store = metafields(shop);
    const written = inputs.map((input, index) => {
      const owner = (store[input.ownerId] ??= {});
      owner[`${input.namespace}.${input.key}`] = { type: input.type, value: input.value };
      return {
        id: `gid://shopify/Metafield/${index + 1}`,
        key: input.key,
        namespace: input.namespace,
        value: input.value,
      };
    });
    return { metafieldsSet: { metafields: written, userErrors: [] } };
  },
};
