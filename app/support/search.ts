import MiniSearch from "minisearch";

export interface SearchableArticle {
  id: string;
  slug: string;
  kind: string;
  category: string;
  title: string;
  /** The article's words without markup (markdownText). */
  text: string;
}

export interface SearchHit {
  id: string;
  slug: string;
  kind: string;
  title: string;
  snippet: string;
}

/** Lower case without accents: "rétour", "Retour" and "retour" are one word. */
function foldTerm(term: string): string {
  return term
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}

/**
 * A full-text index over a help center's articles: titles weigh most, then categories, then the
 * text; a typo still finds the word (one wrong letter from three letters on, two from six), and
 * the last word typed matches as a prefix.
 */
export function buildIndex(articles: SearchableArticle[]) {
  const index = new MiniSearch<SearchableArticle>({
    fields: ["title", "category", "text"],
    storeFields: ["slug", "kind", "title", "text"],
    processTerm: (term) => foldTerm(term) || null,
    searchOptions: {
      boost: { title: 3, category: 2 },
      // Two edits from six letters on: a swapped pair ("retrun", "recieve") is two.
      fuzzy: (term) => (term.length >= 6 ? 2 : term.length >= 3 ? 1 : 0),
      prefix: (term, index, terms) => index === terms.length - 1,
      combineWith: "OR",
    },
  });
  index.addAll(articles);
  return index;
}

const SNIPPET_CHARS = 180;

/** The best matches for what the shopper typed, each with a snippet around the first matched word. */
export function searchIndex(
  index: ReturnType<typeof buildIndex>,
  query: string,
  limit = 10,
): SearchHit[] {
  return index
    .search(query)
    .slice(0, limit)
    .map((result) => {
      const text = String(result.text ?? "");
      // Folded letter by letter, so positions in it are positions in the text.
      const folded = text
        .replace(/[^\p{ASCII}]/gu, (char) =>
          foldTerm(char).slice(0, char.length).padEnd(char.length),
        )
        .toLowerCase();
      const first = result.terms
        .map((term) => folded.indexOf(term))
        .filter((at) => at >= 0)
        .sort((a, b) => a - b)[0];
      const start = first === undefined ? 0 : Math.max(0, first - 40);
      const snippet = text.slice(start, start + SNIPPET_CHARS);
      return {
        id: result.id as string,
        slug: String(result.slug),
        kind: String(result.kind),
        title: String(result.title),
        snippet: `${start > 0 ? "…" : ""}${snippet}${start + SNIPPET_CHARS < text.length ? "…" : ""}`,
      };
    });
}
