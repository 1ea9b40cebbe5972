/** Loyalty's public face: what other capabilities and flows may use. */
export { ledgerMovements, outstandingPoints, pointValue } from "./admin.server";
export { addFlowPoints, awardSurveyBonus } from "./members.server";
export { loadProgram } from "./program.server";
export { memberSummary } from "./queries.server";
export { customerReferralLink } from "./referrals.server";
