/** A colour's sample beside its hex code in a text field. */
export function Swatch({ color }: { color: string }) {
  return (
    <span
      aria-hidden
      style={{
        display: "inline-block",
        width: 16,
        height: 16,
        borderRadius: 4,
        background: color,
        border: "1px solid #ccc",
      }}
    />
  );
}
