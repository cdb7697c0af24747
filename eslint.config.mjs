import nextPlugin from "@next/eslint-plugin-next";
import drizzle from "eslint-plugin-drizzle";
import tseslint from "typescript-eslint";

// ARCHITECTURE.md's import boundaries, as lint errors.
const noServerModules = {
  regex: "^@/(db|lib/(?!validations/|utils/|password-policy$))|/db/",
  message: "components/ may import only components/, lib/validations, lib/utils (ARCHITECTURE.md).",
};
const noApp = { regex: "^@/app/|/app/", message: "Nothing imports app/ (ARCHITECTURE.md)." };
const dbImportsOnlyEnv = {
  regex: "^@/(components|lib/(?!env$|env-defaults\\.mjs$))|^(\\.\\./)+lib/(?!env$|env-defaults\\.mjs$)",
  message: "db/ may import only lib/env and its defaults (ARCHITECTURE.md).",
};

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  ...tseslint.configs.recommended,
  {
    plugins: { "@next/next": nextPlugin },
    rules: { ...nextPlugin.configs.recommended.rules, ...nextPlugin.configs["core-web-vitals"].rules },
  },
  {
    plugins: { drizzle },
    rules: {
      // An update or delete without WHERE touches every row.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx", "getDb()"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx", "getDb()"] }],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": ["error", { patterns: [noApp] }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='sql'][callee.property.name='raw'][arguments.0.type!='Literal']",
          message: "sql.raw() takes only a literal: never user input.",
        },
      ],
    },
  },
  {
    // The data layer is becoming asynchronous (docs/postgres.md): a query function called
    // without `await`, or a promise tested as if it were its row (`if (getPost(id))`), is a
    // bug type-aware rules catch and plain type checking does not. Callbacks that return a
    // promise where nothing waits for it (timers, event handlers) are left to the code.
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: false }],
      "@typescript-eslint/await-thenable": "error",
    },
  },
  { files: ["components/**"], rules: { "no-restricted-imports": ["error", { patterns: [noApp, noServerModules] }] } },
  {
    files: ["db/**"],
    ignores: ["db/**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [noApp, dbImportsOnlyEnv] }] },
  },
);
