// @nlpjs ships no type declarations: the few parts the intent classifier uses.
declare module "@nlpjs/core" {
  export interface NlpContainer {
    use(plugin: unknown): void;
  }
  export function containerBootstrap(): NlpContainer;
}

declare module "@nlpjs/nlp" {
  import type { NlpContainer } from "@nlpjs/core";
  export interface NlpResult {
    intent: string;
    score: number;
    classifications: { intent: string; score: number }[];
  }
  export class Nlp {
    constructor(settings: Record<string, unknown>, container?: NlpContainer);
    addLanguage(locale: string): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    process(locale: string, utterance: string): Promise<NlpResult>;
    export(minified?: boolean): string;
    import(data: string): void;
  }
}

declare module "@nlpjs/lang-en-min" {
  export const LangEn: unknown;
}
declare module "@nlpjs/lang-fr" {
  export const LangFr: unknown;
}
declare module "@nlpjs/lang-de" {
  export const LangDe: unknown;
}
declare module "@nlpjs/lang-es" {
  export const LangEs: unknown;
}
