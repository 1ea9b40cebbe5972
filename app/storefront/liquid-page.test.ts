import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Liquid } from "liquidjs";
import { describe, expect, it } from "vitest";
import { neutralizeLiquid } from "./liquid-page.server";

/** Liquid's delimiters (shopify.github.io/liquid/basics/introduction): `{{ }}` and `{% %}`. */
const engine = new Liquid();
const scope = { shop: { email: "owner@shop.example" } };

describe("neutralizeLiquid", () => {
  it("leaves no delimiter in text and attributes, and shows the same characters", async () => {
    const markup = `<p title="{{shop.email}}">{% capture x %}{{shop.email}}{% endcapture %}{{x}}</p>`;
    const safe = neutralizeLiquid(markup);
    expect(safe).not.toMatch(/\{[{%]/);
    expect(await engine.parseAndRender(safe, scope)).toBe(safe);
    expect(safe).toBe(
      '<p title="&#123;&#123;shop.email&#125;&#125;">&#123;% capture x %&#125;&#123;&#123;shop.email&#125;&#125;&#123;% endcapture %&#125;&#123;&#123;x&#125;&#125;</p>',
    );
  });

  it("keeps CSS and scripts working while breaking every delimiter inside them", async () => {
    const markup = `<style>.a{color:red}@media (x){.b{{}}</style><div>{</div><script type="application/json">{"a":"{%x%}"}</script>`;
    const safe = neutralizeLiquid(markup);
    expect(safe).toContain("<style>.a{color:red}@media (x){.b{ {}}</style>");
    expect(safe).toContain('<script type="application/json">{"a":"{ %x%}"}</script>');
    expect(safe).toContain("<div>&#123;</div>");
    expect(await engine.parseAndRender(safe, scope)).toBe(safe);
  });
});

describe("application/liquid", () => {
  it("is sent only by the storefront's page shell", () => {
    const appDir = path.resolve(import.meta.dirname, "..");
    const senders = readdirSync(appDir, { recursive: true, encoding: "utf8" })
      .filter((file) => /\.tsx?$/.test(file) && !file.endsWith(".test.ts"))
      .filter((file) =>
        readFileSync(path.join(appDir, file), "utf8").includes("application/liquid"),
      );
    expect(senders).toEqual([path.join("storefront", "liquid-page.server.ts")]);
  });
});
