import { Random } from "./random";
import type { CatalogProduct } from "../admin/products";
import { shopifyTime, stringifyShopifyJson } from "./shopify-json";

/**
 * A simulated shop's history, as the webhooks Shopify would have sent for it: products,
 * customers who come back, orders paid, some cancelled. It feeds the demo and the benchmarks
 * through the app's real webhook path. Capabilities add their own events (fulfillments,
 * refunds, returns) by extending `simulateShop`.
 */

export interface SimulatedProduct {
  id: bigint;
  variantId: bigint;
  title: string;
  variantTitle: string;
  sku: string;
  price: number;
  grams: number;
}

/** The product's handle as Shopify derives it from a title: lower case, words joined by "-". */
export function productHandle(product: Pick<SimulatedProduct, "title">): string {
  return product.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export interface SimulatedCustomer {
  id: bigint;
  firstName: string;
  lastName: string;
  email: string;
  locale: string;
  acceptsMarketing: boolean;
  address: SimulatedAddress;
}

export interface SimulatedAddress {
  address1: string;
  city: string;
  province: string;
  provinceCode: string;
  zip: string;
  country: string;
  countryCode: string;
}

export interface SimulatedLine {
  id: bigint;
  product: SimulatedProduct;
  quantity: number;
}

export interface SimulatedOrder {
  id: bigint;
  number: number;
  name: string;
  token: string;
  customer: SimulatedCustomer;
  lines: SimulatedLine[];
  shippingPrice: number;
  createdAt: Date;
  cancelledAt: Date | null;
}

export interface SimulatedEvent {
  topic: string;
  at: Date;
  /** The webhook body exactly as Shopify would send it. */
  body: string;
}

export interface SimulatedShop {
  shopDomain: string;
  timeZone: string;
  currency: string;
  products: SimulatedProduct[];
  customers: SimulatedCustomer[];
  orders: SimulatedOrder[];
  /** Every webhook, in the order Shopify would send them. */
  events: SimulatedEvent[];
}

export interface SimulateShopOptions {
  shopDomain: string;
  seed?: number;
  orders?: number;
  /** Orders are spread over the `days` before `now`. */
  now?: Date;
  days?: number;
  timeZone?: string;
  currency?: string;
}

const PRODUCT_NAMES = [
  ["Merino crew sweater", "Charcoal / M", 98],
  ["Merino crew sweater", "Oat / L", 98],
  ["Waxed canvas tote", "Olive", 64],
  ["Trail running socks", "3-pack", 24],
  ["Insulated bottle", "750 ml", 36],
  ["Linen button-down", "White / S", 78],
  ["Everyday sneaker", "Sand / 42", 120],
  ["Rain shell jacket", "Navy / M", 165],
  ["Leather card wallet", "Tan", 45],
  ["Ceramic pour-over set", "Speckled", 58],
  ["Wool beanie", "Rust", 32],
  ["Packable daypack", "Black", 72],
] as const;

const FIRST_NAMES = ["Ava", "Noah", "Mia", "Liam", "Zoe", "Lucas", "Emma", "Léa", "Jonas", "Sofía"];
const LAST_NAMES = ["Martin", "Okafor", "Schmidt", "García", "Nguyen", "Rossi", "Dubois", "Kim"];
const LOCALES = ["en", "en", "en", "fr", "de", "es"];
const ADDRESSES: SimulatedAddress[] = [
  address("12 Orchard Rd", "Portland", "Oregon", "OR", "97205", "United States", "US"),
  address("480 Market St", "San Francisco", "California", "CA", "94105", "United States", "US"),
  address("77 Lake Shore Dr", "Chicago", "Illinois", "IL", "60611", "United States", "US"),
  address("9 Bleecker St", "New York", "New York", "NY", "10012", "United States", "US"),
  address("210 Congress Ave", "Austin", "Texas", "TX", "78701", "United States", "US"),
  address("55 Queen St W", "Toronto", "Ontario", "ON", "M5H 2M9", "Canada", "CA"),
];

function address(
  address1: string,
  city: string,
  province: string,
  provinceCode: string,
  zip: string,
  country: string,
  countryCode: string,
): SimulatedAddress {
  return { address1, city, province, provinceCode, zip, country, countryCode };
}

/** Ids in Shopify's range; high enough to need exact big-integer handling. */
const ID_BASE = 9_007_199_254_740_993n;

/**
 * What one order holds: products come in companion pairs (the catalog's neighbours: a kettle and
 * its filters), bought together more often than chance, so co-purchase recommendations have a
 * pattern to find; sometimes a random extra.
 */
function basket(random: Random, products: SimulatedProduct[]): SimulatedProduct[] {
  const first = random.int(0, products.length - 1);
  const chosen = new Set([first]);
  const companion = first ^ 1;
  if (random.chance(0.6) && companion < products.length) chosen.add(companion);
  if (random.chance(0.3)) chosen.add(random.int(0, products.length - 1));
  return [...chosen].map((index) => products[index]!);
}

export function simulateShop(options: SimulateShopOptions): SimulatedShop {
  const random = new Random(options.seed ?? 1);
  const now = options.now ?? new Date();
  const days = options.days ?? 30;
  const timeZone = options.timeZone ?? "America/New_York";
  const currency = options.currency ?? "USD";
  let nextId = ID_BASE + BigInt(random.int(1, 1_000_000)) * 1000n;
  const id = () => (nextId += BigInt(random.int(1, 97)));

  const products = PRODUCT_NAMES.map(([title, variantTitle, price], index) => ({
    id: id(),
    variantId: id(),
    title,
    variantTitle,
    sku: `AC-${String(index + 1).padStart(3, "0")}`,
    price,
    grams: random.int(80, 1400),
  }));

  const customerCount = Math.max(1, Math.ceil((options.orders ?? 40) * 0.6));
  const customers = Array.from({ length: customerCount }, (_, index) => {
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const handle = `${firstName}.${lastName}.${index + 1}`
      .normalize("NFD")
      .replace(/[^\w.]/g, "")
      .toLowerCase();
    return {
      id: id(),
      firstName,
      lastName,
      email: `${handle}@example.com`,
      locale: random.pick(LOCALES),
      acceptsMarketing: random.chance(0.6),
      address: random.pick(ADDRESSES),
    };
  });

  const orderCount = options.orders ?? 40;
  const start = now.getTime() - days * 24 * 3600 * 1000;
  const times = Array.from(
    { length: orderCount },
    () => start + random.next() * (now.getTime() - start - 3600 * 1000),
  ).sort((a, b) => a - b);

  const orders = times.map((time, index) => {
    const number = 1001 + index;
    // Returning customers are what repeat-purchase metrics measure: a third come back.
    const customer =
      index > 0 && random.chance(0.35)
        ? random.pick(customers.slice(0, index))
        : customers[index % customers.length]!;
    return {
      id: id(),
      number,
      name: `#${number}`,
      token: random.hex(32),
      customer,
      lines: basket(random, products).map((product) => ({
        id: id(),
        product,
        quantity: random.chance(0.2) ? 2 : 1,
      })),
      shippingPrice: random.pick([0, 0, 5.9, 9.9]),
      createdAt: new Date(time),
      cancelledAt: random.chance(0.04) ? new Date(time + random.int(1, 24) * 3600 * 1000) : null,
    } satisfies SimulatedOrder;
  });

  const context = { shopDomain: options.shopDomain, timeZone, currency };
  const events = orders
    .flatMap((order) => orderEvents(order, context, now))
    .sort((a, b) => a.at.getTime() - b.at.getTime());

  return {
    shopDomain: options.shopDomain,
    timeZone,
    currency,
    products,
    customers,
    orders,
    events,
  };
}

interface PayloadContext {
  shopDomain: string;
  timeZone: string;
  currency: string;
}

function orderEvents(order: SimulatedOrder, context: PayloadContext, now: Date): SimulatedEvent[] {
  const paidAt = new Date(order.createdAt.getTime() + 5_000);
  const events: SimulatedEvent[] = [
    {
      topic: "orders/create",
      at: order.createdAt,
      body: orderPayload(order, context, {
        updatedAt: order.createdAt,
        financialStatus: "pending",
      }),
    },
    {
      topic: "orders/paid",
      at: paidAt,
      body: orderPayload(order, context, { updatedAt: paidAt, financialStatus: "paid" }),
    },
  ];
  if (order.cancelledAt && order.cancelledAt < now) {
    events.push({
      topic: "orders/cancelled",
      at: order.cancelledAt,
      body: orderPayload(order, context, {
        updatedAt: order.cancelledAt,
        financialStatus: "refunded",
        cancelledAt: order.cancelledAt,
      }),
    });
  }
  return events;
}

export interface OrderState {
  updatedAt: Date;
  financialStatus: string;
  fulfillmentStatus?: string | null;
  cancelledAt?: Date | null;
}

const money = (amount: number) => amount.toFixed(2);

function moneySet(amount: number, currency: string) {
  return {
    shop_money: { amount: money(amount), currency_code: currency },
    presentment_money: { amount: money(amount), currency_code: currency },
  };
}

function addressPayload(customer: SimulatedCustomer) {
  const { address: where } = customer;
  return {
    first_name: customer.firstName,
    address1: where.address1,
    phone: null,
    city: where.city,
    zip: where.zip,
    province: where.province,
    country: where.country,
    last_name: customer.lastName,
    address2: null,
    company: null,
    latitude: null,
    longitude: null,
    name: `${customer.firstName} ${customer.lastName}`,
    country_code: where.countryCode,
    province_code: where.provinceCode,
  };
}

/** An orders/* webhook body in Shopify's REST order format (the fields of the real payload). */
export function orderPayload(
  order: SimulatedOrder,
  context: PayloadContext,
  state: OrderState,
): string {
  const { currency, timeZone } = context;
  const time = (at: Date) => shopifyTime(at, timeZone);
  const subtotal = order.lines.reduce((sum, line) => sum + line.product.price * line.quantity, 0);
  const tax = Math.round(subtotal * 0.08 * 100) / 100;
  const total = subtotal + tax + order.shippingPrice;
  const { customer } = order;
  const handle = context.shopDomain.replace(".myshopify.com", "");
  return stringifyShopifyJson({
    id: order.id,
    admin_graphql_api_id: `gid://shopify/Order/${order.id}`,
    buyer_accepts_marketing: customer.acceptsMarketing,
    cancel_reason: state.cancelledAt ? "customer" : null,
    cancelled_at: state.cancelledAt ? time(state.cancelledAt) : null,
    closed_at: null,
    confirmation_number: order.token.slice(0, 9).toUpperCase(),
    confirmed: true,
    contact_email: customer.email,
    created_at: time(order.createdAt),
    currency,
    customer_locale: customer.locale,
    email: customer.email,
    financial_status: state.financialStatus,
    fulfillment_status: state.fulfillmentStatus ?? null,
    name: order.name,
    number: order.number - 1000,
    order_number: order.number,
    order_status_url: `https://${handle}.myshopify.com/${order.id}/orders/${order.token}/authenticate?key=${order.token.slice(0, 16)}`,
    presentment_currency: currency,
    processed_at: time(order.createdAt),
    source_name: "web",
    subtotal_price: money(subtotal),
    subtotal_price_set: moneySet(subtotal, currency),
    tags: "",
    test: false,
    token: order.token,
    total_discounts: "0.00",
    total_discounts_set: moneySet(0, currency),
    total_line_items_price: money(subtotal),
    total_price: money(total),
    total_price_set: moneySet(total, currency),
    total_shipping_price_set: moneySet(order.shippingPrice, currency),
    total_tax: money(tax),
    total_tax_set: moneySet(tax, currency),
    total_weight: order.lines.reduce((sum, line) => sum + line.product.grams * line.quantity, 0),
    updated_at: time(state.updatedAt),
    billing_address: addressPayload(customer),
    customer: {
      id: customer.id,
      email: customer.email,
      created_at: null,
      updated_at: null,
      first_name: customer.firstName,
      last_name: customer.lastName,
      state: "disabled",
      note: null,
      verified_email: true,
      multipass_identifier: null,
      tax_exempt: false,
      phone: null,
      currency,
      tax_exemptions: [],
      admin_graphql_api_id: `gid://shopify/Customer/${customer.id}`,
    },
    fulfillments: [],
    line_items: order.lines.map((line) => ({
      id: line.id,
      admin_graphql_api_id: `gid://shopify/LineItem/${line.id}`,
      current_quantity: state.cancelledAt ? 0 : line.quantity,
      fulfillable_quantity: state.cancelledAt ? 0 : line.quantity,
      fulfillment_service: "manual",
      fulfillment_status: null,
      gift_card: false,
      grams: line.product.grams,
      name: `${line.product.title} - ${line.product.variantTitle}`,
      price: money(line.product.price),
      price_set: moneySet(line.product.price, currency),
      product_exists: true,
      product_id: line.product.id,
      properties: [],
      quantity: line.quantity,
      requires_shipping: true,
      sku: line.product.sku,
      taxable: true,
      title: line.product.title,
      total_discount: "0.00",
      total_discount_set: moneySet(0, currency),
      variant_id: line.product.variantId,
      variant_inventory_management: "shopify",
      variant_title: line.product.variantTitle,
      vendor: null,
      tax_lines: [],
      duties: [],
      discount_allocations: [],
    })),
    refunds: [],
    shipping_address: addressPayload(customer),
    shipping_lines: [
      {
        id: order.id + 1n,
        code: order.shippingPrice === 0 ? "Free" : "Standard",
        price: money(order.shippingPrice),
        price_set: moneySet(order.shippingPrice, currency),
        source: "shopify",
        title: order.shippingPrice === 0 ? "Free shipping" : "Standard",
      },
    ],
  });
}

/** A products/create webhook body in Shopify's REST product format (the fields of the real payload). */
export function productPayload(
  product: SimulatedProduct,
  context: PayloadContext,
  at: Date,
): string {
  const time = shopifyTime(at, context.timeZone);
  const handle = productHandle(product);
  return stringifyShopifyJson({
    admin_graphql_api_id: `gid://shopify/Product/${product.id}`,
    body_html: `<p>${product.title}</p>`,
    created_at: time,
    handle,
    id: product.id,
    product_type: "",
    published_at: time,
    status: "active",
    tags: "",
    title: product.title,
    updated_at: time,
    vendor: "Aftercare demo",
    image: null,
    images: [],
    variants: [
      {
        admin_graphql_api_id: `gid://shopify/ProductVariant/${product.variantId}`,
        id: product.variantId,
        product_id: product.id,
        title: product.variantTitle,
        price: product.price.toFixed(2),
        sku: product.sku,
        inventory_policy: "deny",
        inventory_quantity: 40,
        grams: product.grams,
      },
    ],
  });
}

const SIZE_RUNS = [
  ["XS", "S", "M", "L", "XL"],
  ["39", "40", "41", "42", "43", "44"],
];

/**
 * The catalog as Shopify's Admin API holds it: a product sold in sizes ("Charcoal / M") also
 * has the colour's other sizes in stock, so shoppers can exchange for another size.
 */
export function catalogProducts(products: SimulatedProduct[], at: Date): CatalogProduct[] {
  return products.map((product) => {
    const [colour, size] = product.variantTitle.split(" / ");
    const run = size ? SIZE_RUNS.find((sizes) => sizes.includes(size)) : undefined;
    const siblings = (run ?? [])
      .filter((other) => other !== size)
      .map((other, index) => ({
        id: `gid://shopify/ProductVariant/${product.variantId * 100n + BigInt(index + 1)}`,
        title: `${colour} / ${other}`,
        price: product.price.toFixed(2),
        inventoryQuantity: index === 0 ? 0 : 25,
        inventoryPolicy: "DENY" as const,
      }));
    return {
      id: `gid://shopify/Product/${product.id}`,
      title: product.title,
      handle: productHandle(product),
      status: "ACTIVE" as const,
      tags: [],
      updatedAt: at.toISOString(),
      images: [],
      variants: [
        {
          id: `gid://shopify/ProductVariant/${product.variantId}`,
          title: product.variantTitle,
          price: product.price.toFixed(2),
          inventoryQuantity: 40,
          inventoryPolicy: "DENY" as const,
        },
        ...siblings,
      ],
    };
  });
}
