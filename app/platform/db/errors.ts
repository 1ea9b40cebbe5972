/** Prisma's error for a unique-constraint violation (the same code on SQLite and PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002"
  );
}
