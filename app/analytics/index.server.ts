/**
 * Analytics, the public face: the dashboard's figures from daily rollups, the rollups' upkeep
 * (change capture, rebuild) and the customer record.
 */
export { captureChanges, prepareForBulkWrite } from "./capture.server";
export {
  CUSTOMERS_PAGE_SIZE,
  customerRecord,
  searchCustomers,
  TIMELINE_CSV_HEADERS,
  timelineCsvRows,
  type CustomerRecord,
  type TimelineEntry,
} from "./customers.server";
export { dashboard, parseRange, type Dashboard, type Range } from "./dashboard.server";
export { ANALYTICS_JOBS, captureChangesSoon } from "./jobs.server";
export { rebuildShop } from "./rollups.server";
export { orderNetRevenue } from "./kpi";
export { recordTrackingView, trackingViewsOfOrders } from "./views.server";
export { DASHBOARD_TABLES, dashboardTable, type DashboardTable } from "./tables";
// Experiment results are figures like the rest; touches ask experiments, not analytics.
export { experimentResults, type ExperimentResult } from "./experiments.server";
