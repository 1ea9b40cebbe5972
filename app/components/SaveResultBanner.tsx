import { Banner, Layout } from "@shopify/polaris";

/** What a settings form's last save did: a confirmation, or why nothing was saved. */
export function SaveResultBanner({
  result,
  saved,
  failed,
}: {
  result: { ok: boolean; error?: string | null } | null | undefined;
  saved: string;
  failed: string;
}) {
  if (!result) return null;
  return (
    <Layout.Section>
      {result.ok ? (
        <Banner tone="success" title={saved} />
      ) : (
        <Banner tone="critical" title={failed}>
          <p>{result.error}</p>
        </Banner>
      )}
    </Layout.Section>
  );
}
