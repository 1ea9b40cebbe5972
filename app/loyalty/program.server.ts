import { db } from "../db.server";
import { programFromRow, type Program, type ProgramInput } from "./settings";

export async function loadProgram(shopDomain: string): Promise<Program> {
  return programFromRow(await db.loyaltySettings.findUnique({ where: { shopDomain } }));
}

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
}
