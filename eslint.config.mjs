// ESLint: typescript-eslint's recommended rules, plus the one door to Office: `Word` and `Office` only inside src/host.
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "build/**", "node_modules/**", "test-results/**", "coverage/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/host/**"],
    rules: {
      "no-restricted-globals": ["error", { name: "Word", message: "Word.js 只能在 src/host 中调用（唯一的 Office 之门）。" }, { name: "Office", message: "Office.js 只能在 src/host 中调用。" }],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", "Word", "Office", "window", "document", "localStorage", "navigator"],
      "no-restricted-imports": ["error", { patterns: ["react", "react-dom", "@fluentui/*", "node:*", "../host/*", "../taskpane/*"] }],
    },
  },
  {
    files: ["test/**/*.ts", "test/**/*.tsx"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
    languageOptions: { globals: { require: "readonly", module: "writable", process: "readonly", console: "readonly", __dirname: "readonly" } },
  },
);
