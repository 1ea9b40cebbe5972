import { Thumbnail } from "@shopify/polaris";
import { useEffect, useState } from "react";

/**
 * An image served by one of the app's own routes, shown inside the admin. App Bridge adds the
 * session token to fetch; an <img src> would arrive without it.
 */
export function AppImage({ url, alt }: { url: string; alt: string }) {
  const [source, setSource] = useState<string | null>(null);
  useEffect(() => {
    let objectUrl: string | null = null;
    let cancelled = false;
    fetch(url)
      .then((response) => (response.ok ? response.blob() : null))
      .then((blob) => {
        if (!blob || cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setSource(objectUrl);
      })
      .catch(() => setSource(null));
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url]);
  return source ? (
    <a href={source} target="_blank" rel="noreferrer">
      <Thumbnail source={source} alt={alt} size="large" />
    </a>
  ) : (
    <Thumbnail source="" alt={alt} size="large" />
  );
}
