declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    appUrl: string;
    standinUrl: string;
    shopOriginTemplate: string;
    appBridgeUrl: string;
  }
}

export {};
