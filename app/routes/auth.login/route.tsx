import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { login } from "../../shopify.server";

const ERRORS: Record<string, string> = {
  MISSING_SHOP: "Enter your shop domain to log in.",
  INVALID_SHOP: "Enter a valid shop domain, like my-shop.myshopify.com.",
};

async function loginErrors(request: Request) {
  const result = await login(request);
  return { shopError: result?.shop ? (ERRORS[result.shop] ?? null) : null };
}

export const loader = ({ request }: LoaderFunctionArgs) => loginErrors(request);
export const action = ({ request }: ActionFunctionArgs) => loginErrors(request);

export default function Login() {
  const loaded = useLoaderData<typeof loader>();
  const submitted = useActionData<typeof action>();
  const error = submitted?.shopError ?? loaded.shopError;
  return (
    <main
      style={{
        fontFamily: "system-ui, sans-serif",
        maxWidth: 480,
        margin: "4rem auto",
        padding: "0 1rem",
      }}
    >
      <h1>Log in to Aftercare</h1>
      <Form method="post">
        <label htmlFor="shop">Shop domain</label>{" "}
        <input
          id="shop"
          type="text"
          name="shop"
          autoComplete="on"
          aria-invalid={Boolean(error)}
          aria-describedby="shop-error"
        />{" "}
        <button type="submit">Log in</button>
        {error && (
          <p id="shop-error" role="alert">
            {error}
          </p>
        )}
      </Form>
    </main>
  );
}
