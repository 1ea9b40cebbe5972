import { db } from "../db.server";
import { programFromRow, type Program, type ProgramInput } from "./settings";

export async function loadProgram(shopDomain: string): Promise<Program> {
  return programFromRow(await db.loyaltySettings.findUnique({ where: { shopDomain } }));
}

const SHOPPER_PROGRAM_TTL_MS = 30_000;
const shopperPrograms = new Map<string, { program: Program; expires: number }>();

/**
 * The program as the shopper's pages read it on every request: kept 30 s per process, and a save
 * in this process applies at once. Earning and the admin read it fresh (`loadProgram`).
 */
export async function shopperProgram(shopDomain: string): Promise<Program> {
  const cached = shopperPrograms.get(shopDomain);
  if (cached && cached.expires > Date.now()) return cached.program;
  const program = await loadProgram(shopDomain);
  shopperPrograms.set(shopDomain, { program, expires: Date.now() + SHOPPER_PROGRAM_TTL_MS });
  return program;
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
  shopperPrograms.delete(shopDomain);
}
