/**
 * Experiments, the public face: holdouts that measure what a touch is worth. Each touch asks
 * `isHeldOut` at the moment it decides to reach a customer; the admin starts and stops
 * experiments and reads their results.
 */
export {
  countRunningExperiments,
  experimentAssignments,
  isHeldOut,
  listExperiments,
  startExperiment,
  stopExperiment,
} from "./experiments.server";
export { experimentOutcomes, type Metric, type Outcomes } from "./results";
export { exportCustomerExperiments, redactCustomerExperiments } from "./compliance.server";
export { isTouch, MAX_HOLDOUT_PERCENT, TOUCHES, type Touch } from "./touches";
