import { TextField, type TextFieldProps } from "@shopify/polaris";
import { useState } from "react";

/**
 * A Polaris TextField inside a plain Remix <Form>: it keeps its own value and submits it under
 * `name`, so long forms need no state per field.
 */
export function FormTextField({
  initial,
  ...props
}: Omit<TextFieldProps, "value" | "onChange" | "autoComplete"> & {
  name: string;
  initial: string;
  autoComplete?: string;
}) {
  const [value, setValue] = useState(initial);
  return (
    <TextField
      {...props}
      autoComplete={props.autoComplete ?? "off"}
      value={value}
      onChange={setValue}
    />
  );
}
