/** An article's Markdown, at most (the admin's editor counts toward it). */
export const MAX_BODY_CHARS = 50_000;
