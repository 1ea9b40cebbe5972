/** Surveys' public face: what other capabilities and flows may use. */
export { csatRatingUrls } from "./csat.server";
