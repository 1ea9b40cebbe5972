// "You may also like" (blocks/recommendations.liquid): asks the app, through the shop's App
// Proxy, what goes with this product or cart, and shows it. Without an answer nothing shows.
(() => {
  // The endpoint answers for at most this many products (app/recommendations/storefront.server.ts).
  const MAX_PRODUCTS = 20;

  async function recommendationsFor(block, productIds) {
    const query = `?products=${productIds.join(",")}&limit=${block.dataset.limit}`;
    try {
      const response = await fetch(block.dataset.endpoint + query, {
        headers: { Accept: "application/json" },
      });
      return response.ok ? ((await response.json()).products ?? []) : [];
    } catch {
      return [];
    }
  }

  async function init(block) {
    if (block.dataset.ready) return;
    block.dataset.ready = "true";
    const productIds = block.dataset.products.split(",").filter(Boolean).slice(0, MAX_PRODUCTS);
    if (productIds.length === 0) return;
    const status = block.querySelector("[data-status]");
    block.setAttribute("aria-busy", "true");
    status.textContent = block.dataset.loading;
    const products = (await recommendationsFor(block, productIds)).filter(
      (product) => product.variantId,
    );
    const list = block.querySelector("ul");
    for (const product of products) list.append(card(block, product));
    block.removeAttribute("aria-busy");
    status.textContent = "";
    block.querySelector("[data-content]").hidden = products.length === 0;
  }

  function card(block, product) {
    const item = document.createElement("li");
    if (product.imageUrl) {
      const image = document.createElement("img");
      Object.assign(image, {
        src: sized(product.imageUrl),
        alt: product.title,
        loading: "lazy",
        width: 300,
        height: 300,
      });
      item.append(image);
    }
    const link = document.createElement("a");
    link.href = `${block.dataset.root.replace(/\/$/, "")}/products/${product.handle}`;
    link.textContent = product.title;
    item.append(link);
    if (block.dataset.currency) {
      const price = document.createElement("p");
      price.textContent = formatMoney(product.price, block.dataset.currency, block.dataset.locale);
      item.append(price);
    }
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = block.dataset.add;
    button.setAttribute("aria-label", block.dataset.addLabel.replace("%title%", product.title));
    button.addEventListener("click", () => addToCart(block, product, button));
    item.append(button);
    return item;
  }

  /** Prices come in minor units of the shop's currency (cents, yen…). */
  function formatMoney(minorUnits, currency, locale) {
    const format = new Intl.NumberFormat(locale, { style: "currency", currency });
    return format.format(minorUnits / 10 ** format.resolvedOptions().maximumFractionDigits);
  }

  // Shopify's CDN resizes its images: a card needs no more than twice its width.
  function sized(url) {
    if (!url.startsWith("https://cdn.shopify.com/")) return url;
    return `${url}${url.includes("?") ? "&" : "?"}width=600`;
  }

  async function addToCart(block, product, button) {
    button.disabled = true;
    try {
      // The fields a theme's product form posts: the id stays a string, as large as it gets.
      const response = await fetch(block.dataset.cartAdd, {
        method: "POST",
        headers: { Accept: "application/json" },
        body: new URLSearchParams({ id: product.variantId, quantity: "1" }),
      });
      if (!response.ok) throw new Error(`cart/add ${response.status}`);
    } catch {
      button.disabled = false;
      block.querySelector("[data-error]").textContent = block.dataset.addFailed;
      return;
    }
    // The merchant's offer code is in the app's cart link; Shopify's discount link applies it
    // and then shows the cart, which now holds the added product.
    const offer = /\/discount\/([^?]+)/.exec(product.cartUrl ?? "");
    const cart = block.dataset.cart;
    window.location.assign(
      offer ? `/discount/${offer[1]}?redirect=${encodeURIComponent(cart)}` : cart,
    );
  }

  const initAll = () => document.querySelectorAll("[data-aftercare-recommendations]").forEach(init);
  initAll();
  // The theme editor renders a section again without reloading the page.
  document.addEventListener("shopify:section:load", initAll);
})();
