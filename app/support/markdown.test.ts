import { Liquid } from "liquidjs";
import { describe, expect, it } from "vitest";
import { neutralizeLiquid } from "../storefront/liquid-page.server";
import { markdownText, renderMarkdown } from "./markdown";

describe("article Markdown", () => {
  // CommonMark 0.31 spec, examples on emphasis, links and lists (spec.commonmark.org).
  it.each([
    ["*foo bar*", "<p><em>foo bar</em></p>"],
    ["**foo bar**", "<p><strong>foo bar</strong></p>"],
    ['[link](/uri "title")', '<p><a href="/uri" title="title" rel="noopener">link</a></p>'],
    ["- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"],
  ])("renders %j as CommonMark does", (source, html) => {
    expect(renderMarkdown(source).trim()).toBe(html);
  });

  // OWASP XSS Filter Evasion Cheat Sheet (cheatsheetseries.owasp.org): script tags, event
  // handlers, javascript: and data: URLs, in Markdown and as raw HTML.
  it.each([
    "<script>alert('XSS')</script>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    '<a href="https://example.com" onclick="alert(1)">x</a>',
    "<svg/onload=alert('XSS')>",
    '<iframe src="https://evil.example"></iframe>',
  ])("never lets %j run", (source) => {
    // Only real tags can run; raw HTML typed in an article comes out as escaped text.
    const tags = renderMarkdown(source).match(/<[^>]+>/g) ?? [];
    for (const tag of tags) {
      expect(tag).not.toMatch(/^<\/?(script|iframe|svg|object|embed)/i);
      expect(tag).not.toMatch(/\son\w+=/i);
      expect(tag).not.toMatch(/(href|src)="\s*(javascript|data|vbscript):/i);
    }
  });

  it("keeps https images and demotes a title heading under the page's own h1", () => {
    expect(renderMarkdown("# Sizes\n\n![chart](https://cdn.example/size.png)")).toBe(
      '<h2>Sizes</h2>\n<p><img src="https://cdn.example/size.png" alt="chart" /></p>\n',
    );
  });

  it("gives the words without markup for search", () => {
    expect(markdownText("## Returns\n\nWithin **30 days** & <free>")).toBe(
      "Returns Within 30 days & <free>",
    );
  });
});

describe("an article through the storefront's Liquid-safe shell", () => {
  // Shopify's Liquid reference (shopify.dev/docs/api/liquid): output tags {{ }} and logic
  // tags {% %}, the objects a storefront renders them against.
  const payloads = [
    "{{ shop.name }}",
    "{% raw %}{{ 7 | times: 7 }}{% endraw %}",
    "{{ customer.email }}",
    "{%- assign x = 'pwned' -%}{{ x }}",
    "{{ 'x' | append: '<script>' }}",
  ];

  it.each(payloads)(
    "written in Markdown, %j renders as text under a Liquid engine",
    async (payload) => {
      const page = neutralizeLiquid(`<style>.x{color:red}</style>${renderMarkdown(payload)}`);
      const rendered = await new Liquid({ strictVariables: false }).parseAndRender(page, {
        shop: { name: "Secret shop" },
        customer: { email: "owner@example.com" },
      });
      expect(rendered).toBe(page);
      expect(rendered).not.toContain("Secret shop");
      expect(rendered).not.toContain("owner@example.com");
      expect(rendered).toContain("&#123;");
    },
  );
});
