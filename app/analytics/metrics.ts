/**
 * The names of the daily rollup figures (AnalyticsDaily.metric). Each is dated by the day its
 * event happened in the shop's time zone; `dimension` is "" for the total unless said otherwise.
 */
export const METRIC = {
  /** Orders processed that day (not test, not cancelled), their total and net (after refunds) revenue. */
  orders: "orders",
  revenue: "orders.revenue",
  netRevenue: "orders.net",
  /** Customers whose first order fell that day, and those of them who ordered again within 90 days. */
  newCustomers: "customers.new",
  repeat90: "customers.repeat90",
  /** dimension = months since the first order (1…12): customers who had ordered again by then. */
  cohortRepeaters: "cohort.repeaters",
  /** dimension = months since the first order (1…12): their cumulative net revenue by then. */
  cohortRevenue: "cohort.revenue",
  /**
   * New customers of the day by what their first order brought them (app/analytics/experiences.ts):
   * dimension = "<family>:<segment>"; repeaters and revenue by "<family>:<segment>|<months>" for
   * 3, 6 and 12 months since the first order.
   */
  experienceCustomers: "experience.customers",
  experienceRepeaters: "experience.repeaters",
  experienceRevenue: "experience.revenue",
  /** Shipments created that day, and those of them that ever had an Exception scan. */
  shipments: "shipments",
  exceptions: "shipments.exception",
  /** Shipments delivered that day. */
  deliveries: "deliveries",
  /** dimension = whole hours from fulfillment to delivery; "<carrier>|<hours>", "<region>|<hours>". */
  deliveryHours: "delivery.hours",
  deliveryHoursByCarrier: "delivery.hours.carrier",
  deliveryHoursByRegion: "delivery.hours.region",
  /** Delivered shipments that had been promised a date, and those delivered by the first one. */
  promised: "delivery.promised",
  onTime: "delivery.ontime",
  /** dimension = carrier */
  promisedByCarrier: "delivery.promised.carrier",
  onTimeByCarrier: "delivery.ontime.carrier",
  /** Units of fulfillments whose first shipment was delivered that day; dimension = product title. */
  deliveredUnits: "units.delivered",
  deliveredUnitsByProduct: "units.delivered.product",
  /** dimension = "<product title> / <variant title>", as the returns' variant dimension. */
  deliveredUnitsByVariant: "units.delivered.variant",
  /** Returns requested that day (not declined or cancelled): count, units, value (minor units). */
  returns: "returns",
  returnedUnits: "returns.units",
  returnedValue: "returns.value",
  /** dimension = reason handle / product title */
  returnedUnitsByReason: "returns.units.reason",
  returnedValueByReason: "returns.value.reason",
  returnedUnitsByProduct: "returns.units.product",
  returnedValueByProduct: "returns.value.product",
  /** dimension = "<product title> / <variant title>" (the product title alone without a variant) */
  returnedUnitsByVariant: "returns.units.variant",
  returnedValueByVariant: "returns.value.variant",
  /** dimension = resolution (refund, store_credit, exchange, keep, …) */
  returnedUnitsByResolution: "returns.units.resolution",
  returnedValueByResolution: "returns.value.resolution",
  /** dimension = whole hours from request to processing, for the returns refunded so far. */
  refundHours: "returns.refund.hours",
  /** NPS answers given that day: all, promoters (9–10), detractors (0–6). */
  npsAnswers: "nps.n",
  npsPromoters: "nps.promoters",
  npsDetractors: "nps.detractors",
  /** Delivery ratings given that day, and those of 4 or 5. */
  csatAnswers: "csat.n",
  csatSatisfied: "csat.satisfied",
  /** Loyalty ledger movements that day (points). */
  pointsIssued: "loyalty.issued",
  pointsRedeemed: "loyalty.redeemed",
  pointsExpired: "loyalty.expired",
  pointsReversed: "loyalty.reversed",
  /** Orders that used a reward code that day, and their total (minor units). */
  redeemerOrders: "loyalty.redeemer.orders",
  redeemerRevenue: "loyalty.redeemer.revenue",
  /** Emails queued that day that were sent, and of those, opened. */
  messagesSent: "messages.sent",
  messagesOpened: "messages.opened",
  /** Shoppers looking at tracking; dimension = page | widget. */
  trackingViews: "wismo.views",
  /** Recommendation impressions and clicks that day; attributed orders and revenue (dimension = currency). */
  recImpressions: "recs.impressions",
  recClicks: "recs.clicks",
  recOrders: "recs.orders",
  recRevenue: "recs.revenue",
  /**
   * The same attributed orders and revenue per surface of the credited click; dimension =
   * `surface` for orders, `surface currency` for revenue.
   */
  recSurfaceOrders: "recs.surface.orders",
  recSurfaceRevenue: "recs.surface.revenue",
  /** Questions the help center's assistant answered that day, and conversations opened that day. */
  supportQuestions: "support.questions",
  supportContacts: "support.contacts",
  /**
   * dimension = whole minutes from opening to the first reply / to closing, for the conversations
   * opened that day that have one.
   */
  supportFirstResponseMinutes: "support.first_response.minutes",
  supportResolutionMinutes: "support.resolution.minutes",
} as const;

/** The dimension of `recs.surface.revenue`: one surface's revenue in one currency. */
export const surfaceRevenueDimension = (surface: string, currency: string) =>
  `${surface} ${currency}`;

export type MetricName = (typeof METRIC)[keyof typeof METRIC];
