import { escapeHtml } from "./html";

/** The stand-in's admin page: a sidebar fed by the app's nav menu and the app in an iframe. */
export function adminFrameHtml({
  shopName,
  appSrc,
  links,
}: {
  shopName: string;
  appSrc: string;
  links: { label: string; href: string }[];
}) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(shopName)} · Shopify admin (stand-in)</title>
<style>
  body { margin: 0; font: 14px system-ui, sans-serif; display: grid; grid-template: 48px 1fr / 220px 1fr; height: 100vh; background: #f1f1f1; }
  header { grid-column: 1 / 3; background: #1a1a1a; color: #fff; display: flex; align-items: center; gap: 12px; padding: 0 16px; }
  header small { color: #b5b5b5; }
  nav { padding: 12px 8px; overflow: auto; }
  nav h2 { font-size: 12px; color: #616161; margin: 16px 8px 4px; text-transform: uppercase; }
  nav a { display: block; padding: 6px 8px; border-radius: 8px; color: #303030; text-decoration: none; }
  nav a[aria-current="page"], nav a:hover { background: #fff; }
  iframe { width: 100%; height: 100%; border: 0; background: #f1f1f1; }
</style>
</head>
<body>
<header><strong>${escapeHtml(shopName)}</strong><small>Shopify admin · local stand-in</small></header>
<nav aria-label="Admin">
  <h2>Aftercare</h2>
  <div id="app-nav"></div>
  <h2>Storefront</h2>
  ${links.map((link) => `<a href="${escapeHtml(link.href)}" target="_blank" rel="noopener">${escapeHtml(link.label)}</a>`).join("\n  ")}
</nav>
<main><iframe id="app" title="Aftercare" src="${escapeHtml(appSrc)}"></iframe></main>
<script>
  const frame = document.getElementById("app");
  const nav = document.getElementById("app-nav");
  window.addEventListener("message", (event) => {
    if (event.source !== frame.contentWindow || !event.data || event.data.type !== "standin:nav") return;
    nav.replaceChildren(...event.data.items.map((item) => {
      const a = document.createElement("a");
      a.href = "#";
      a.textContent = item.label;
      const path = item.href.split("?")[0];
      if (event.data.path === path || (item.home && event.data.path === "/app")) a.setAttribute("aria-current", "page");
      a.addEventListener("click", (click) => {
        click.preventDefault();
        frame.contentWindow.postMessage({ type: "standin:navigate", href: item.href }, "*");
      });
      return a;
    }));
  });
</script>
</body>
</html>`;
}
