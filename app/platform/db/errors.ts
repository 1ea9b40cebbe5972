/** Prisma's error for a unique-constraint violation (the same code on SQLite and PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002"
  );
}

/**
 * Runs a read-then-write that can lose an insert race to a concurrent writer (two deliveries
 * about the same record): the loser runs again and now finds the winner's row.
 */
export async function retryOnUniqueViolation<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isUniqueViolation(error)) throw error;
    }
  }
}
