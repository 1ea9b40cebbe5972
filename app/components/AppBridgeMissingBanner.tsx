import { Banner } from "@shopify/polaris";
import { useEffect, useState } from "react";

/**
 * Pages render on the server with their data, so they stay readable when App Bridge cannot load
 * (no network to cdn.shopify.com, or the page opened outside the admin). Navigation and actions
 * need its session tokens; say so instead of failing silently.
 */
export function AppBridgeMissingBanner() {
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setMissing(!("shopify" in window)), 3000);
    return () => clearTimeout(timer);
  }, []);
  if (!missing) return null;
  return (
    <div style={{ padding: "16px 16px 0" }}>
      <Banner tone="warning" title="Shopify App Bridge did not load">
        <p>
          You can read this page, but links and actions need App Bridge. Open Aftercare from your
          Shopify admin, or check that cdn.shopify.com is reachable.
        </p>
      </Banner>
    </div>
  );
}
