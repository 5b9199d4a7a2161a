// ESLint for the site's scripts, run by scripts/lint.py (DEVELOPING.md, "Lint"). The older scripts
// are classic browser scripts loaded by overrides/main.html; the newer ones (the reading list, the
// link previews) are ES modules, linted as modules.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["docs/assets/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser },
    },
    rules: {
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
      eqeqeq: ["error", "smart"],
      "no-var": "off",
      // Deliberate in these scripts: `[\x00-\x7f]` tests for ASCII, and the `hasOwnProperty`
      // lookups are on object literals the scripts build themselves (no `Object.create(null)`).
      "no-control-regex": "off",
      "no-prototype-builtins": "off",
    },
  },
  {
    files: ["docs/assets/reading-list/**/*.js", "docs/assets/papernotes-preview.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
  },
];
