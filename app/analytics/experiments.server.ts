import { customersOrders } from "../orders/index.server";
import {
  experimentAssignments,
  experimentOutcomes,
  listExperiments,
  type Outcomes,
  type Touch,
} from "../experiments/index.server";
import { orderNetRevenue } from "./kpi";
import { trackingViewsOfOrders } from "./views.server";

export interface ExperimentResult {
  id: string;
  touch: Touch;
  holdoutPercent: number;
  startedAt: Date;
  stoppedAt: Date | null;
  outcomes: Outcomes;
}

/**
 * Every experiment of the shop with its arms' outcomes, read from the orders and the tracking
 * views of the customers it assigned (support contacts are not recorded anywhere yet, so WISMO is
 * tracking lookups alone). Experiments are read one after another: a shop has a handful.
 */
export async function experimentResults(
  shopDomain: string,
  now = new Date(),
): Promise<ExperimentResult[]> {
  const results: ExperimentResult[] = [];
  for (const experiment of await listExperiments(shopDomain)) {
    const assignments = await experimentAssignments(experiment.id);
    const orders = await customersOrders(
      shopDomain,
      assignments.map((assignment) => assignment.customerShopifyId),
    );
    const views = await trackingViewsOfOrders(
      shopDomain,
      orders.map((order) => order.shopifyId),
    );
    results.push({
      ...experiment,
      touch: experiment.touch as Touch,
      outcomes: experimentOutcomes(
        assignments,
        orders.map((order) => ({ ...order, netRevenue: orderNetRevenue(order) })),
        views,
        experiment.stoppedAt ?? now,
      ),
    });
  }
  return results;
}
