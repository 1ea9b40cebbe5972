import { describe, expect, it } from "vitest";
import { buildIndex, searchIndex, type SearchableArticle } from "./search";

const ARTICLES: SearchableArticle[] = [
  {
    id: "1",
    slug: "returns",
    kind: "article",
    category: "Returns",
    title: "Our return policy",
    text: "You can return items within 30 days of delivery for a refund or an exchange.",
  },
  {
    id: "2",
    slug: "change-address",
    kind: "faq",
    category: "Orders",
    title: "Can I change my shipping address?",
    text: "Before your order ships, write to us with the new address.",
  },
  {
    id: "3",
    slug: "livraison",
    kind: "article",
    category: "Livraison",
    title: "Délais de livraison",
    text: "La plupart des commandes arrivent en trois jours. Vous recevrez un e-mail à l'expédition.",
  },
  {
    id: "4",
    slug: "points",
    kind: "article",
    category: "Rewards",
    title: "Points and rewards",
    text: "Receive one point per dollar, spend them on discounts.",
  },
];

const slugs = (query: string) => searchIndex(buildIndex(ARTICLES), query).map((hit) => hit.slug);

describe("help center search", () => {
  // Misspellings from Wikipedia's "Lists of common misspellings/For machines"
  // (en.wikipedia.org): adress → address, recieve → receive, retrun → return (a transposition).
  it.each([
    ["adress", "change-address"],
    ["recieve", "points"],
    ["retrun policy", "returns"],
  ])("finds %j despite the typo", (query, slug) => {
    expect(slugs(query)[0]).toBe(slug);
  });

  it("ignores accents and case, both ways", () => {
    expect(slugs("delais")[0]).toBe("livraison");
    expect(slugs("LIVRAISON")[0]).toBe("livraison");
    expect(slugs("expédition")[0]).toBe("livraison");
  });

  it("matches the word being typed as a prefix", () => {
    expect(slugs("rewa")).toContain("points");
  });

  it("ranks a title match above a mention in the text", () => {
    expect(slugs("address")[0]).toBe("change-address");
    expect(slugs("return")[0]).toBe("returns");
  });

  it("finds nothing for words no article has, and a snippet around the first match", () => {
    expect(slugs("zebra")).toEqual([]);
    const [hit] = searchIndex(buildIndex(ARTICLES), "exchange");
    expect(hit?.snippet).toContain("exchange");
  });
});
