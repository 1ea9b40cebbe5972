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
