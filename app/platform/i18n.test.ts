import { describe, expect, it } from "vitest";
import { negotiateLocale, translator } from "./i18n";

describe("negotiateLocale", () => {
  it.each([
    [["fr-CA"], null, "fr"],
    [[null, undefined], "de-DE,de;q=0.9,en;q=0.8", "de"],
    [[], "en;q=0.4,es;q=0.8", "es"],
    [["pt-BR"], "pt;q=1,fr;q=0.5", "fr"],
    [[], "ja", "en"],
    [[""], "*", "en"],
    [["ES_mx"], "fr", "es"],
  ] as const)("%j with Accept-Language %j → %s", (explicit, header, expected) => {
    expect(negotiateLocale([...explicit], header)).toBe(expected);
  });
});

describe("translator", () => {
  const catalogs = {
    en: { hello: "Hello {name}", bye: "Bye" },
    fr: { hello: "Bonjour {name}" },
  };

  it("fills placeholders and falls back to English for missing keys", () => {
    const t = translator(catalogs, "fr");
    expect(t("hello", { name: "Ana" })).toBe("Bonjour Ana");
    expect(t("bye")).toBe("Bye");
    expect(translator(catalogs, "de")("hello", {})).toBe("Hello {name}");
  });

  it("names a key built from stored data in the locale, and gives the fallback for one it does not know", () => {
    const t = translator(catalogs, "fr");
    expect(t.orElse(`bye`, "?")).toBe("Bye");
    expect(t.orElse(`hello`, "?")).toBe("Bonjour {name}");
    expect(t.orElse(`status_unknown`, "unknown")).toBe("unknown");
    expect(t.orElse(`status_unknown`, undefined)).toBeUndefined();
  });
});
