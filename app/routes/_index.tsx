import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { login } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  if (url.searchParams.get("shop")) throw redirect(`/app?${url.searchParams.toString()}`);
  return { showForm: Boolean(login) };
};

export default function Landing() {
  const { showForm } = useLoaderData<typeof loader>();
  return (
    <main
      style={{
        fontFamily: "system-ui, sans-serif",
        maxWidth: 640,
        margin: "4rem auto",
        padding: "0 1rem",
        lineHeight: 1.5,
      }}
    >
      <h1>Aftercare</h1>
      <p>
        Everything after checkout in one app: shipment tracking and notifications, returns and
        exchanges, loyalty, post-purchase recommendations and surveys, on one customer record and
        one dashboard.
      </p>
      {showForm && (
        <Form method="post" action="/auth/login">
          <label>
            Shop domain{" "}
            <input type="text" name="shop" placeholder="my-shop.myshopify.com" required />
          </label>{" "}
          <button type="submit">Log in</button>
        </Form>
      )}
    </main>
  );
}
