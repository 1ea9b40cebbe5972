const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Text made safe for the stand-in's HTML: element content and double-quoted attributes. */
export const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ENTITIES[c]!);
