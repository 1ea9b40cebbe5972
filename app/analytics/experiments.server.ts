import { customersOrders } from "../orders/index.server";
import {
  experimentAssignments,
  experimentOutcomes,
  listExperiments,
  type Outcomes,
  type Touch,
} from "../experiments/index.server";
import { conversationsOfOrders } from "../support/index.server";
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
 * Every experiment of the shop with its arms' outcomes, read from the orders, the tracking views
 * and the support conversations of the customers it assigned. Experiments are read one after
 * another: a shop has a handful.
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
    const orderIds = orders.map((order) => order.shopifyId);
    const views = await trackingViewsOfOrders(shopDomain, orderIds);
    const conversations = await conversationsOfOrders(shopDomain, orderIds);
    results.push({
      ...experiment,
      touch: experiment.touch as Touch,
      outcomes: experimentOutcomes(
        assignments,
        orders.map((order) => ({ ...order, netRevenue: orderNetRevenue(order) })),
        { views, conversations },
        experiment.stoppedAt ?? now,
      ),
    });
  }
  return results;
}
