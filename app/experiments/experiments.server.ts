import { db } from "../db.server";
import { isUniqueViolation } from "../platform/db/errors";
import { perProcessCache } from "../platform/per-process-cache";
import { armOf } from "./assignment";
import { MAX_HOLDOUT_PERCENT, type Arm, type Touch } from "./touches";

/**
 * A shop's running experiments by touch, which every touch asks about (shopper pages included):
 * kept 30 s per process, and starting or stopping one in this process applies here at once. In
 * another process a new experiment starts meeting customers up to 30 s later (a customer it has
 * not met has no arm, so is in neither arm's figures), and a stopped one may go on meeting them
 * for up to 30 s.
 */
const runningExperiments = perProcessCache(30_000, async (shopDomain) => {
  const running = await db.experiment.findMany({
    where: { shopDomain, stoppedAt: null },
    select: { id: true, touch: true, holdoutPercent: true },
  });
  return new Map(running.map((experiment) => [experiment.touch, experiment]));
});

/**
 * Whether this customer is held out of this touch: false when no experiment runs on it. The first
 * time a running experiment meets a customer, their arm is recorded; that moment is when their
 * outcomes start to count. A guest (no Shopify customer) cannot be followed to a next order, so
 * guests stay outside experiments and get the touch.
 */
export async function isHeldOut(
  shopDomain: string,
  touch: Touch,
  customerShopifyId: string | null | undefined,
): Promise<boolean> {
  if (!customerShopifyId) return false;
  const experiment = (await runningExperiments.get(shopDomain)).get(touch);
  if (!experiment) return false;
  return (await recordExposure(shopDomain, experiment, customerShopifyId)) === "holdout";
}

async function recordExposure(
  shopDomain: string,
  experiment: { id: string; holdoutPercent: number },
  customerShopifyId: string,
): Promise<Arm> {
  const recorded = await db.experimentAssignment.findUnique({
    where: { experimentId_customerShopifyId: { experimentId: experiment.id, customerShopifyId } },
    select: { arm: true },
  });
  if (recorded) return recorded.arm as Arm;
  const arm = armOf(experiment.id, customerShopifyId, experiment.holdoutPercent);
  try {
    await db.experimentAssignment.create({
      data: { shopDomain, experimentId: experiment.id, customerShopifyId, arm },
    });
  } catch (error) {
    // Another process recorded the same exposure first; the hash gave it the same arm.
    if (!isUniqueViolation(error)) throw error;
  }
  return arm;
}

export type StartResult = { started: true; id: string } | { started: false; reason: "running" };

/** A new experiment on a touch, unless one already runs there (one split per touch at a time). */
export async function startExperiment(
  shopDomain: string,
  touch: Touch,
  holdoutPercent: number,
): Promise<StartResult> {
  if (
    !Number.isInteger(holdoutPercent) ||
    holdoutPercent < 1 ||
    holdoutPercent > MAX_HOLDOUT_PERCENT
  ) {
    throw new RangeError(`holdoutPercent must be a whole number from 1 to ${MAX_HOLDOUT_PERCENT}`);
  }
  const result = await db.$transaction(async (tx) => {
    const running = await tx.experiment.findFirst({
      where: { shopDomain, touch, stoppedAt: null },
      select: { id: true },
    });
    if (running) return { started: false, reason: "running" } as const;
    const experiment = await tx.experiment.create({
      data: { shopDomain, touch, holdoutPercent },
      select: { id: true },
    });
    return { started: true, id: experiment.id } as const;
  });
  runningExperiments.forget(shopDomain);
  return result;
}

/** Stops an experiment: every customer gets the touch again; its results stay. */
export async function stopExperiment(shopDomain: string, experimentId: string, now = new Date()) {
  const { count } = await db.experiment.updateMany({
    where: { id: experimentId, shopDomain, stoppedAt: null },
    data: { stoppedAt: now },
  });
  runningExperiments.forget(shopDomain);
  return count > 0;
}

/** How many of the shop's experiments run now, for the admin home's card. */
export function countRunningExperiments(shopDomain: string) {
  return db.experiment.count({ where: { shopDomain, stoppedAt: null } });
}

/** The shop's experiments, newest first. */
export function listExperiments(shopDomain: string) {
  return db.experiment.findMany({
    where: { shopDomain },
    orderBy: [{ startedAt: "desc" }],
    select: { id: true, touch: true, holdoutPercent: true, startedAt: true, stoppedAt: true },
  });
}

/** Every assignment of one experiment: whose outcomes count, from when, in which arm. */
export function experimentAssignments(experimentId: string) {
  return db.experimentAssignment.findMany({
    where: { experimentId },
    select: { customerShopifyId: true, arm: true, assignedAt: true },
  });
}
