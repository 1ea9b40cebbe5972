import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

/** Raw HTML in the Markdown is shown as text; the sanitizer is the second wall, not the only one. */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
// Only links written as links or with a scheme: "shop.name" in a sentence stays text.
markdown.linkify.set({ fuzzyLink: false, fuzzyEmail: false });

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    "h2",
    "h3",
    "h4",
    "p",
    "br",
    "hr",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "s",
    "code",
    "pre",
    "blockquote",
    "a",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  allowedAttributes: {
    a: ["href", "title", "rel"],
    img: ["src", "alt", "title"],
    th: ["style"],
    td: ["style"],
  },
  allowedStyles: { "*": { "text-align": [/^(left|right|center)$/] } },
  allowedSchemes: ["https", "http", "mailto"],
  allowedSchemesByTag: { img: ["https"] },
  allowProtocolRelative: false,
  // The page has one h1 (the article's title): an article's "# Heading" becomes an h2.
  transformTags: { h1: "h2", a: sanitizeHtml.simpleTransform("a", { rel: "noopener" }) },
};

/** An article's Markdown as HTML that is safe to put in a page (still to be neutralized for Liquid). */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), ALLOWED);
}

/** An article's words without markup, for search and for snippets. */
export function markdownText(source: string): string {
  const text = sanitizeHtml(markdown.render(source), { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(text).replace(/\s+/g, " ").trim();
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_match, name: string) =>
    name === "amp" ? "&" : name === "lt" ? "<" : name === "gt" ? ">" : name === "quot" ? '"' : "'",
  );
}
