import { db } from "../db.server";
import { perProcessCache } from "../platform/per-process-cache";
import { programFromRow, type Program, type ProgramInput } from "./settings";

export async function loadProgram(shopDomain: string): Promise<Program> {
  return programFromRow(await db.loyaltySettings.findUnique({ where: { shopDomain } }));
}

/**
 * The program as the shopper's pages read it on every request: kept 30 s per process, and a save
 * in this process applies at once. Earning and the admin read it fresh (`loadProgram`).
 */
const shopperPrograms = perProcessCache(30_000, loadProgram);

export const shopperProgram = (shopDomain: string): Promise<Program> =>
  shopperPrograms.get(shopDomain);

export async function saveProgram(shopDomain: string, input: ProgramInput) {
  const data = {
    ...input,
    tagMultipliers: JSON.stringify(input.tagMultipliers),
    tiers: JSON.stringify(input.tiers),
    rewards: JSON.stringify(input.rewards),
  };
  await db.loyaltySettings.upsert({
    where: { shopDomain },
    create: { shopDomain, ...data },
    update: data,
  });
  shopperPrograms.forget(shopDomain);
}
