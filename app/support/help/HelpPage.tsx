import type { ShopperLocale } from "../../platform/i18n";
import { AssistantSection, type AssistantState } from "../assistant/AssistantSection";
import type { SearchHit } from "../search";
import { helpTranslator, type HelpMessageKey, type HelpT } from "./messages";

export interface HelpArticleLink {
  slug: string;
  kind: string;
  category: string;
  title: string;
  /** FAQs are answered in place: their sanitized HTML. */
  answerHtml?: string;
}

export type HelpView =
  | {
      kind: "home";
      query: string;
      hits: SearchHit[] | null;
      error: { key: HelpMessageKey; values?: Record<string, number> } | null;
      assistant: AssistantState;
    }
  | { kind: "article"; id: string; title: string; category: string; html: string; thanks: boolean }
  | { kind: "notFound" };

export interface HelpPageProps {
  locale: ShopperLocale;
  /** Kept on the page's links when the shopper chose a language with ?locale=. */
  localeParam: string | null;
  branding: { primaryColor: string; accentColor: string };
  shopName: string;
  supportEmail: string | null;
  articles: HelpArticleLink[];
  view: HelpView;
}

export const HELP_STYLES = `
.ac-help{--ac-primary:#1f2937;--ac-accent:#008060;max-width:48rem;margin:0 auto;padding:1rem;color:var(--ac-primary);line-height:1.55}
.ac-help *{box-sizing:border-box}
.ac-help h1{font-size:1.6rem;margin:0 0 .25rem}
.ac-help h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
.ac-help h3{font-size:1rem;margin:1rem 0 .25rem}
.ac-help form.ac-search{display:flex;gap:.5rem;margin:1rem 0}
.ac-help label.ac-visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.ac-help input{font:inherit;flex:1;padding:.6rem .75rem;border:1px solid #8a8f98;border-radius:.5rem;min-width:0}
.ac-help button{font:inherit;font-weight:600;padding:.6rem 1rem;border:0;border-radius:.5rem;background:var(--ac-accent);color:#fff;cursor:pointer}
.ac-help button.ac-secondary{background:#fff;color:var(--ac-primary);border:1px solid #8a8f98}
.ac-help input:focus,.ac-help button:focus,.ac-help a:focus,.ac-help summary:focus{outline:3px solid var(--ac-accent);outline-offset:2px}
.ac-help a{color:var(--ac-accent)}
.ac-help ul.ac-list{padding-left:1.25rem}
.ac-help details{border-bottom:1px solid #d1d5db;padding:.5rem 0}
.ac-help summary{cursor:pointer;font-weight:600}
.ac-help .ac-hit p{margin:.1rem 0 .75rem;color:#4b5563}
.ac-help .ac-error{border-left:4px solid #b42318;background:#fef3f2;padding:.75rem 1rem;border-radius:.25rem}
.ac-help .ac-note{border-left:4px solid var(--ac-accent);background:#f0fdf4;padding:.75rem 1rem;border-radius:.25rem}
.ac-help .ac-feedback{display:flex;gap:.5rem;align-items:center;flex-wrap:wrap;margin:2rem 0 1rem;border-top:1px solid #d1d5db;padding-top:1rem}
.ac-help .ac-feedback p{margin:0 .5rem 0 0;font-weight:600}
.ac-help .ac-quick{display:flex;gap:1rem;flex-wrap:wrap}
.ac-help article img{max-width:100%}
.ac-help .ac-assistant{border:1px solid #d1d5db;border-radius:.75rem;padding:0 1rem 1rem;margin:1.5rem 0}
.ac-help form.ac-ask{display:grid;gap:.75rem}
.ac-help form.ac-ask label{display:grid;gap:.25rem;font-weight:600}
.ac-help textarea{font:inherit;padding:.6rem .75rem;border:1px solid #8a8f98;border-radius:.5rem;width:100%}
.ac-help textarea:focus{outline:3px solid var(--ac-accent);outline-offset:2px}
.ac-help .ac-answer{background:#f9fafb;border-radius:.5rem;padding:.25rem 1rem;margin:1rem 0}
.ac-help .ac-asked{font-style:italic;color:#4b5563}
.ac-help .ac-status{font-size:1.15rem;font-weight:700;margin:.25rem 0}
.ac-help table{border-collapse:collapse}.ac-help td,.ac-help th{border:1px solid #d1d5db;padding:.25rem .5rem}
`;

function linkTo(params: Record<string, string>, localeParam: string | null) {
  const search = new URLSearchParams(params);
  if (localeParam) search.set("locale", localeParam);
  const query = search.toString();
  return query ? `help?${query}` : "help";
}

function ArticleList({
  articles,
  t,
  localeParam,
}: {
  articles: HelpArticleLink[];
  t: HelpT;
  localeParam: string | null;
}) {
  const faqs = articles.filter((article) => article.kind === "faq");
  const categories = new Map<string, HelpArticleLink[]>();
  for (const article of articles.filter((entry) => entry.kind !== "faq")) {
    categories.set(article.category, [...(categories.get(article.category) ?? []), article]);
  }
  return (
    <>
      {faqs.length > 0 && (
        <section aria-labelledby="ac-faqs">
          <h2 id="ac-faqs">{t("faqs")}</h2>
          {faqs.map((faq) => (
            <details key={faq.slug} id={`faq-${faq.slug}`}>
              <summary>{faq.title}</summary>
              <div dangerouslySetInnerHTML={{ __html: faq.answerHtml ?? "" }} />
            </details>
          ))}
        </section>
      )}
      {categories.size > 0 && (
        <section aria-labelledby="ac-topics">
          <h2 id="ac-topics">{t("topics")}</h2>
          {[...categories].map(([category, entries]) => (
            <div key={category}>
              <h3>{category || t("otherTopics")}</h3>
              <ul className="ac-list">
                {entries.map((article) => (
                  <li key={article.slug}>
                    <a href={linkTo({ article: article.slug }, localeParam)}>{article.title}</a>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
    </>
  );
}

function Contact({ t, supportEmail }: { t: HelpT; supportEmail: string | null }) {
  return (
    <section aria-labelledby="ac-contact">
      <h2 id="ac-contact">{t("contactTitle")}</h2>
      <div className="ac-quick">
        <a href="track">{t("trackOrder")}</a>
        <a href="returns">{t("startReturn")}</a>
        {supportEmail ? (
          <a href={`mailto:${supportEmail}`}>{t("contactEmail", { email: supportEmail })}</a>
        ) : (
          <a href="/pages/contact">{t("contactPage")}</a>
        )}
      </div>
    </section>
  );
}

function SearchForm({
  t,
  query,
  localeParam,
}: {
  t: HelpT;
  query: string;
  localeParam: string | null;
}) {
  return (
    <form className="ac-search" method="get" action="help" role="search">
      <label className="ac-visually-hidden" htmlFor="ac-help-q">
        {t("searchLabel")}
      </label>
      <input
        id="ac-help-q"
        type="search"
        name="q"
        defaultValue={query}
        placeholder={t("searchPlaceholder")}
        maxLength={200}
      />
      {localeParam && <input type="hidden" name="locale" value={localeParam} />}
      <button type="submit">{t("searchSubmit")}</button>
    </form>
  );
}

/** The storefront help center: search, FAQs, articles by topic, one article with feedback. */
export function HelpPage(props: HelpPageProps) {
  const t = helpTranslator(props.locale);
  const { view, localeParam } = props;
  const style = {
    "--ac-primary": props.branding.primaryColor,
    "--ac-accent": props.branding.accentColor,
  } as React.CSSProperties;
  if (view.kind === "article") {
    return (
      <div className="ac-help" lang={props.locale} style={style}>
        <p>
          <a href={linkTo({}, localeParam)}>← {t("backToHelp")}</a>
        </p>
        <article aria-labelledby="ac-article-title">
          {view.category && <p>{view.category}</p>}
          <h1 id="ac-article-title">{view.title}</h1>
          <div dangerouslySetInnerHTML={{ __html: view.html }} />
        </article>
        {view.thanks ? (
          <p className="ac-note" role="status">
            {t("helpfulThanks")}
          </p>
        ) : (
          <form className="ac-feedback" method="post" action={linkTo({}, localeParam)}>
            <p id="ac-helpful">{t("helpfulQuestion")}</p>
            <input type="hidden" name="article" value={view.id} />
            <button type="submit" name="helpful" value="yes" aria-describedby="ac-helpful">
              {t("helpfulYes")}
            </button>
            <button
              type="submit"
              name="helpful"
              value="no"
              className="ac-secondary"
              aria-describedby="ac-helpful"
            >
              {t("helpfulNo")}
            </button>
          </form>
        )}
        <Contact t={t} supportEmail={props.supportEmail} />
      </div>
    );
  }
  const query = view.kind === "home" ? view.query : "";
  return (
    <div className="ac-help" lang={props.locale} style={style}>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <SearchForm t={t} query={query} localeParam={localeParam} />
      {view.kind === "notFound" && (
        <p className="ac-error" role="alert">
          {t("articleNotFound")}
        </p>
      )}
      {view.kind === "home" && view.error && (
        <p className="ac-error" role="alert">
          {t(view.error.key, view.error.values)}
        </p>
      )}
      {view.kind === "home" && view.hits && (
        <section aria-labelledby="ac-results" aria-live="polite">
          <h2 id="ac-results">{t("resultsFor", { query: view.query })}</h2>
          {view.hits.length === 0 ? (
            <p>{t("noResults", { query: view.query })}</p>
          ) : (
            <>
              <p>{t("resultCount", { count: view.hits.length })}</p>
              {view.hits.map((hit) => (
                <div className="ac-hit" key={hit.id}>
                  <a href={linkTo({ article: hit.slug }, localeParam)}>{hit.title}</a>
                  <p>{hit.snippet}</p>
                </div>
              ))}
            </>
          )}
        </section>
      )}
      {view.kind === "home" && (
        <AssistantSection
          locale={props.locale}
          localeParam={localeParam}
          state={view.assistant}
          supportEmail={props.supportEmail}
        />
      )}
      {props.articles.length === 0 ? (
        <p className="ac-note">{t("empty")}</p>
      ) : (
        <ArticleList articles={props.articles} t={t} localeParam={localeParam} />
      )}
      <Contact t={t} supportEmail={props.supportEmail} />
    </div>
  );
}
