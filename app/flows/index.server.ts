import type { Subscriber } from "../platform/events/index.server";
import { eventsToDestinations } from "./destinations.server";
import { returnParcel } from "./return-parcel.server";
import { shipmentEmails } from "./shipment-emails.server";

export { resendDeliverySurvey, sendDeliverySurvey } from "./shipment-emails.server";
import { surveyBonus } from "./survey-bonus.server";

/** Reactions that span capabilities, each an event subscriber. */
export const FLOW_SUBSCRIBERS: Subscriber[] = [
  shipmentEmails,
  surveyBonus,
  returnParcel,
  eventsToDestinations,
];
