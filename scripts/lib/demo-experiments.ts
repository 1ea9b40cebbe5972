type AdminPost = (pathname: string, fields: Record<string, string>) => Promise<Response>;

export const DEMO_HOLDOUT_PERCENT = 10;

/**
 * Starts a holdout on shipment emails through the experiments page's own form. The demo does it
 * before the shop's month is delivered: customers are assigned when a shipment email would go
 * out, so the shipments of the month's last days fill both arms and the page has results.
 */
export async function startShipmentEmailHoldout(adminPost: AdminPost) {
  const started = await adminPost("/app/experiments.data", {
    intent: "start",
    touch: "shipment_emails",
    holdoutPercent: String(DEMO_HOLDOUT_PERCENT),
  });
  // 409: a kept demo database already runs it (one experiment per touch at a time).
  if (!started.ok && started.status !== 409)
    throw new Error(`Starting the holdout failed (${started.status})`);
}
