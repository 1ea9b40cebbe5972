import js from "@eslint/js";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * A capability is used through its public face, `index.server.ts` (and its pure `schemas.ts`
 * payload types); its other modules are its own. Flows are held to the same. Tests may reach
 * further; routes still reach into their own capability's modules until they are thinned.
 */
const CAPABILITIES = [
  "orders",
  "shops",
  "tracking",
  "returns",
  "loyalty",
  "surveys",
  "recommendations",
  "notifications",
  "support",
  "analytics",
  "destinations",
  "experiments",
  "automation",
  "history",
];
const PUBLIC_MODULES = ["index.server", "schemas", "manifest.server"];

function capabilityBoundaries(owner) {
  const others = CAPABILITIES.filter((name) => name !== owner);
  const patterns = ["../", "../../", "../../../"].flatMap((up) =>
    others.flatMap((name) => [
      `${up}${name}/*`,
      ...PUBLIC_MODULES.map((module) => `!${up}${name}/${module}`),
    ]),
  );
  return {
    files: [`app/${owner}/**/*.{ts,tsx}`],
    ignores: ["app/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: patterns,
              message:
                "Use the other capability's public face (index.server.ts), or react to its events in app/flows.",
            },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "node_modules/**",
      "prisma/generated/**",
      "extensions/*/dist/**",
      "extensions/*/node_modules/**",
      "tests/artifacts/**",
      "bench/results/**",
      ".cache/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
      eqeqeq: ["error", "smart"],
    },
  },
  {
    files: ["**/*.tsx"],
    plugins: { react, "react-hooks": reactHooks },
    settings: { react: { version: "18" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "react/prop-types": "off",
    },
  },
  ...CAPABILITIES.map(capabilityBoundaries),
  capabilityBoundaries("flows"),
  {
    files: ["scripts/**", "bench/**", "tests/**", ".ci/**"],
    rules: { "no-console": "off" },
  },
);
