import { awardSurveyBonus } from "../loyalty/index.server";
import { defineSubscriber } from "../platform/events/index.server";

/**
 * An NPS answer from a signed-in shopper → the loyalty program's survey bonus (when the program
 * gives one). The bonus is keyed by the response, so a changed answer or a repeated event adds
 * nothing. What the shopper is offered next stays in the answer's own response (a read).
 */
export const surveyBonus = defineSubscriber({
  name: "flows.survey-bonus",
  events: ["survey.answered"],
  async handle({ shop, data }) {
    if (data.kind !== "nps" || !data.customerId) return;
    await awardSurveyBonus(shop, data.customerId, data.responseId);
  },
});
