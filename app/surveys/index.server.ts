/** Surveys' public face: what other capabilities and flows may use. */
export { csatRatingUrls, deliveryRated } from "./csat.server";
