// "Order today, get it …" (blocks/delivery-promise.liquid): asks the app, through the shop's App
// Proxy, when an order placed now arrives, and says so. Without an answer nothing shows.
(() => {
  async function init(block) {
    if (block.dataset.ready) return;
    block.dataset.ready = "true";
    const query = new URLSearchParams();
    for (const name of [
      "country",
      "province",
      "method",
      "cutoff",
      "processing",
      "holidays",
      "locale",
    ]) {
      const value = block.dataset[name];
      if (value) query.set(name, value);
    }
    try {
      const response = await fetch(`${block.dataset.endpoint}?${query}`, {
        headers: { Accept: "application/json" },
      });
      if (!response.ok) return;
      const promise = await response.json();
      const words = promise.orderToday ? block.dataset.today : block.dataset.later;
      block.textContent = words.replace("%range%", promise.label);
      block.hidden = false;
    } catch {
      // No promise is better than a wrong one: the block stays hidden.
    }
  }

  document.querySelectorAll("[data-aftercare-promise]").forEach(init);
  document.addEventListener("shopify:section:load", (event) =>
    event.target.querySelectorAll("[data-aftercare-promise]").forEach(init),
  );
})();
