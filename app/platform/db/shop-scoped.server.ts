import { db, Prisma } from "../../db.server";

type ModelDelegate = {
  deleteMany(args: { where: { shopDomain: string } }): Promise<{ count: number }>;
};

/**
 * Every model with a `shopDomain` column, found from the generated client so that a model added
 * later is covered without anyone remembering to list it.
 */
export function shopScopedModels(): string[] {
  const namespace = Prisma as unknown as Record<string, Record<string, string> | undefined>;
  return Object.values(Prisma.ModelName).filter(
    (model) => namespace[`${model}ScalarFieldEnum`]?.shopDomain === "shopDomain",
  );
}

function delegate(model: string): ModelDelegate {
  const key = model.charAt(0).toLowerCase() + model.slice(1);
  return (db as unknown as Record<string, ModelDelegate>)[key]!;
}

/** Deletes every row of every shop-scoped model for the shop; returns counts per model. */
export async function deleteShopScopedRows(shopDomain: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const model of shopScopedModels()) {
    const { count } = await delegate(model).deleteMany({ where: { shopDomain } });
    if (count) counts[model] = count;
  }
  return counts;
}

export async function countShopScopedRows(shopDomain: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const model of shopScopedModels()) {
    const key = model.charAt(0).toLowerCase() + model.slice(1);
    const count = await (db as unknown as Record<string, { count(args: object): Promise<number> }>)[
      key
    ]!.count({
      where: { shopDomain },
    });
    counts[model] = count;
  }
  return counts;
}
