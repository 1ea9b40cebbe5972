import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  FormLayout,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
} from "@shopify/polaris";
import { useState } from "react";
import { FormTextField } from "../components/FormTextField";
import { SHOPPER_LOCALES } from "../platform/i18n";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";
import { requireAdminShop } from "../shopify.server";
import { deleteArticle, getArticle, renderMarkdown, saveArticle } from "../support/index.server";
import { LANGUAGE_NAMES } from "../support/languages";
import { MAX_BODY_CHARS } from "../support/limits";

const NEW = {
  id: null,
  title: "",
  slug: "",
  category: "",
  kind: "article",
  locale: "en",
  body: "",
  published: true,
};

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  if (params.id === "new") return { article: NEW, previewHtml: null };
  const article = await getArticle(shop, params.id ?? "");
  if (!article) throw new Response("Article not found", { status: 404 });
  // The admin shows the article as the storefront will (sanitized); Polaris never runs Liquid.
  return { article, previewHtml: renderMarkdown(article.body) };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const form = await readForm(request, BODY_LIMITS.adminForm);
  const id = params.id === "new" ? null : (params.id ?? null);
  if (form.get("intent") === "delete" && id) {
    await deleteArticle(shop, id);
    return redirect("/app/support/articles");
  }
  const text = (name: string) => String(form.get(name) ?? "");
  const result = await saveArticle(shop, id, {
    title: text("title"),
    slug: text("slug"),
    category: text("category"),
    kind: text("kind"),
    locale: text("locale"),
    body: text("body"),
    published: form.get("published") === "on",
  });
  if (!result.ok) return { errors: result.errors, saved: false };
  if (!id) return redirect(`/app/support/articles/${result.id}`);
  return { errors: {}, saved: true };
};

export default function HelpArticle() {
  const { article, previewHtml } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const saving =
    navigation.state === "submitting" && navigation.formData?.get("intent") !== "delete";
  const [kind, setKind] = useState(article.kind);
  const [locale, setLocale] = useState(article.locale);
  const [published, setPublished] = useState(article.published);
  const errors = (result?.errors ?? {}) as Record<string, string[] | undefined>;

  return (
    <Page
      title={article.id ? article.title : "New article"}
      backAction={{ content: "Help center", url: "/app/support/articles" }}
      secondaryActions={
        article.id
          ? [
              {
                content: "Delete",
                destructive: true,
                onAction: () => {
                  if (confirm("Delete this article? Shoppers will no longer find it."))
                    submit({ intent: "delete" }, { method: "post" });
                },
              },
            ]
          : []
      }
    >
      <Layout>
        <Layout.Section>
          <Card>
            <Form method="post">
              <BlockStack gap="400">
                {result?.saved && <Banner tone="success" title="Article saved" />}
                {errors.form && <Banner tone="critical" title={errors.form[0]} />}
                <FormLayout>
                  <FormTextField
                    label="Title"
                    name="title"
                    initial={article.title}
                    error={errors.title?.[0]}
                    requiredIndicator
                  />
                  <FormLayout.Group>
                    <Select
                      label="Type"
                      name="kind"
                      options={[
                        { label: "Article (listed by category)", value: "article" },
                        { label: "FAQ (answered on the help center's home)", value: "faq" },
                      ]}
                      value={kind}
                      onChange={setKind}
                    />
                    <Select
                      label="Language"
                      name="locale"
                      options={SHOPPER_LOCALES.map((value) => ({
                        label: LANGUAGE_NAMES[value],
                        value,
                      }))}
                      value={locale}
                      onChange={setLocale}
                    />
                  </FormLayout.Group>
                  <FormLayout.Group>
                    <FormTextField
                      label="Category"
                      name="category"
                      initial={article.category}
                      helpText="Articles with the same category are listed together"
                      error={errors.category?.[0]}
                    />
                    <FormTextField
                      label="Address"
                      name="slug"
                      initial={article.slug}
                      prefix="help?article="
                      helpText="Left empty, it is made from the title"
                      error={errors.slug?.[0]}
                    />
                  </FormLayout.Group>
                  <FormTextField
                    label="Text (Markdown)"
                    name="body"
                    initial={article.body}
                    multiline={12}
                    maxLength={MAX_BODY_CHARS}
                    showCharacterCount
                    helpText="**bold**, *italic*, [a link](https://…), lists with - and headings with ##. HTML is shown as text."
                    error={errors.body?.[0]}
                  />
                  <Checkbox
                    label="Published on the help center"
                    name="published"
                    checked={published}
                    onChange={setPublished}
                  />
                  {/* Polaris' Checkbox does not submit its value in a plain form. */}
                  {published && <input type="hidden" name="published" value="on" />}
                </FormLayout>
                <InlineStack align="end">
                  <Button submit variant="primary" loading={saving}>
                    Save
                  </Button>
                </InlineStack>
              </BlockStack>
            </Form>
          </Card>
        </Layout.Section>
        {previewHtml && (
          <Layout.Section variant="oneThird">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingSm">
                  As shoppers see it
                </Text>
                <div dangerouslySetInnerHTML={{ __html: previewHtml }} />
              </BlockStack>
            </Card>
          </Layout.Section>
        )}
      </Layout>
    </Page>
  );
}
