/** Returns' public face: what other capabilities and flows may use. */
export { advanceReturnFromParcel } from "./automation.server";
export { loadPolicy } from "./returns.server";
export { percentOf, returnsAutonomy, type ReturnsAutonomy } from "./autonomy.server";
