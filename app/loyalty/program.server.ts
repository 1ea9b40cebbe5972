import { db } from "../db.server";
import { programFromRow, type Program } from "./settings";

export async function loadProgram(shopDomain: string): Promise<Program> {
  return programFromRow(await db.loyaltySettings.findUnique({ where: { shopDomain } }));
}
