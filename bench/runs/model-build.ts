/**
 * The subject of the model-build benchmark, in a process of its own: the nightly rebuild of one
 * shop's co-purchase model (`rebuildModel`: every order's products read in pages, counted in
 * memory, written as the next model generation and switched to). Prints its measure as JSON.
 *   DATABASE_URL=… SHOP=… tsx bench/runs/model-build.ts
 */
import { rebuildModel } from "../../app/recommendations/recommendations.server";
import { measure } from "../lib/measure";

const { measure: result, value } = await measure(() => rebuildModel(process.env.SHOP ?? ""));
console.log(JSON.stringify({ ...result, ...value }));
process.exit(0);
