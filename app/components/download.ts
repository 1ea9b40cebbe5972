import { useState } from "react";

/**
 * Downloads a file from one of the app's own routes. Inside the admin, App Bridge adds the
 * session token to fetch; a plain link would arrive without it.
 */
export async function downloadFromApp(url: string, filename: string) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Download failed (${response.status})`);
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = href;
  anchor.download = filename;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  URL.revokeObjectURL(href);
}

/**
 * A page's "Export CSV" action: downloads `url` as `<name>-<today>.csv`, showing a spinner
 * meanwhile.
 */
export function useCsvExport(url: string, name: string) {
  const [exporting, setExporting] = useState(false);
  return {
    content: "Export CSV",
    loading: exporting,
    onAction: async () => {
      setExporting(true);
      try {
        await downloadFromApp(url, `${name}-${new Date().toISOString().slice(0, 10)}.csv`);
      } finally {
        setExporting(false);
      }
    },
  };
}
