declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    appUrl: string;
    standinUrl: string;
    shopOriginTemplate: string;
    appBridgeUrl: string;
    /** The app's SECRETS_KEY (integration), so the test process opens what the app sealed. */
    secretsKey?: string;
  }
}

export {};
