import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";

/**
 * Keeps an inbox page current: reads the shop's inbox stream (Server-Sent Events, fetched so App
 * Bridge adds the session token) and reloads the page's data when a conversation changes,
 * `only` that one when given. Reconnects after a dropped stream.
 */
export function useLiveInbox(only?: string) {
  const { revalidate } = useRevalidator();
  useEffect(() => {
    const stop = new AbortController();
    let retry: ReturnType<typeof setTimeout> | undefined;
    const listen = async () => {
      try {
        const response = await fetch("/app/support/inbox/events", { signal: stop.signal });
        const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
        let pending = "";
        while (reader) {
          const { value, done } = await reader.read();
          if (done) break;
          pending += value;
          const events = pending.split("\n\n");
          pending = events.pop() ?? "";
          for (const event of events) {
            const data = /^data: (.*)$/m.exec(event)?.[1];
            if (!data) continue;
            const { id } = JSON.parse(data) as { id: string };
            if (!only || id === only) revalidate();
          }
        }
      } catch {
        // Offline or the page is leaving: try again below unless we were stopped.
      }
      if (!stop.signal.aborted) retry = setTimeout(listen, 3000);
    };
    void listen();
    return () => {
      stop.abort();
      clearTimeout(retry);
    };
  }, [only, revalidate]);
}
