/** A named GraphQL document whose result and variables types are declared by the caller. */
export interface AdminOperation<TData, TVariables extends object> {
  readonly name: string;
  readonly document: string;
  /** Phantom fields carrying the types; never set. */
  readonly __types?: { data: TData; variables: TVariables };
}

export function adminOperation<TData, TVariables extends object = Record<string, never>>(
  document: string,
): AdminOperation<TData, TVariables> {
  const name = /\b(?:query|mutation)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(document)?.[1];
  if (!name) throw new Error("Admin operations must be named (query Name { … })");
  return { name, document };
}
