/** Recommendations' public face: what other capabilities and flows may use. */
export { emailRecommendations, productImages } from "./recommendations.server";
export {
  followRecommendation,
  recordEmailImpressions,
  trackedEmailRecommendations,
  trackingPageRecommendations,
  type TrackingRecommendation,
} from "./tracking-page.server";
