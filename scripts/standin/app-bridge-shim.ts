/**
 * Served as /app-bridge.js: enough of App Bridge for the app to work inside the stand-in's admin
 * frame with no internet. Like App Bridge it exposes `window.shopify`, adds a fresh session
 * token to the app's own fetch requests, shows toasts and hands the `ui-nav-menu` links to the
 * admin frame, which sends navigation back as `shopify:navigate` events.
 */
export const APP_BRIDGE_SHIM = String.raw`(() => {
  const script = document.currentScript;
  const standinOrigin = new URL(script.src).origin;
  const params = new URLSearchParams(location.search);
  const shop = params.get("shop");
  const host = params.get("host");
  const apiKey = script.getAttribute("data-api-key");
  let cached = null;

  async function idToken() {
    if (cached && cached.expiresAt - Date.now() > 10000) return cached.token;
    const response = await fetch(standinOrigin + "/session-token?shop=" + encodeURIComponent(shop));
    const { token, expiresAt } = await response.json();
    cached = { token, expiresAt };
    return token;
  }
  if (params.get("id_token")) cached = { token: params.get("id_token"), expiresAt: Date.now() + 50000 };

  // App Bridge renders these in the admin's own chrome, never inside the app.
  const style = document.createElement("style");
  style.textContent = "ui-nav-menu, ui-title-bar, ui-save-bar { display: none !important; }";
  document.head.appendChild(style);

  const nativeFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url, location.href);
    if (url.origin !== location.origin || request.headers.has("Authorization")) return nativeFetch(request);
    const headers = new Headers(request.headers);
    headers.set("Authorization", "Bearer " + (await idToken()));
    return nativeFetch(new Request(request, { headers }));
  };

  function showToast(message, options) {
    const toast = document.createElement("div");
    toast.setAttribute("role", "status");
    toast.textContent = message;
    toast.style.cssText = "position:fixed;left:50%;bottom:24px;transform:translateX(-50%);padding:10px 16px;border-radius:8px;color:#fff;font:14px system-ui;z-index:99999;background:" + (options && options.isError ? "#8e1f0b" : "#303030");
    document.body.appendChild(toast);
    setTimeout(() => toast.remove(), (options && options.duration) || 3000);
  }

  function navItems() {
    const menu = document.querySelector("ui-nav-menu");
    if (!menu) return [];
    return Array.from(menu.querySelectorAll("a")).map((a) => ({ label: a.textContent.trim(), href: a.getAttribute("href"), home: a.getAttribute("rel") === "home" }));
  }
  function publishNav() {
    window.parent.postMessage({ type: "standin:nav", items: navItems(), path: location.pathname }, "*");
  }
  new MutationObserver(publishNav).observe(document.documentElement, { childList: true, subtree: true });
  window.addEventListener("message", (event) => {
    if (event.source !== window.parent || !event.data || event.data.type !== "standin:navigate") return;
    const link = Array.from(document.querySelectorAll("ui-nav-menu a")).find((a) => a.getAttribute("href") === event.data.href);
    if (link) link.dispatchEvent(new CustomEvent("shopify:navigate", { bubbles: true }));
  });
  window.addEventListener("load", publishNav);

  window.shopify = {
    config: { apiKey, shop, host, locale: params.get("locale") || "en" },
    environment: { embedded: true, mobile: false, pos: false },
    idToken,
    toast: { show: showToast, hide() {} },
    loading() {},
    saveBar: { show: async () => {}, hide: async () => {}, toggle: async () => {}, leaveConfirmation: async () => {} },
    modal: { show: async () => {}, hide: async () => {}, toggle: async () => {} },
  };
})();`;
