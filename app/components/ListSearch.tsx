import { TextField } from "@shopify/polaris";
import { useEffect, useState } from "react";

/**
 * A list's search box: typing stays local, Enter searches, clearing shows everything again.
 * `current` is the search the page shows now (from its URL).
 */
export function ListSearch({
  label,
  placeholder,
  current,
  onSearch,
}: {
  label: string;
  placeholder: string;
  current: string | undefined;
  onSearch: (query: string | undefined) => void;
}) {
  const [query, setQuery] = useState(current ?? "");
  useEffect(() => setQuery(current ?? ""), [current]);
  return (
    <form
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(query.trim() || undefined);
      }}
    >
      <TextField
        label={label}
        labelHidden
        placeholder={placeholder}
        value={query}
        onChange={setQuery}
        autoComplete="off"
        clearButton
        onClearButtonClick={() => {
          setQuery("");
          onSearch(undefined);
        }}
      />
    </form>
  );
}
