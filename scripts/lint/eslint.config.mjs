// ESLint for the site's scripts, run by scripts/lint.py (DEVELOPING.md, "Lint"). Every script under
// docs/assets/ is an ES module (loaded with <script type="module"> or imported by one), linted as
// one. Snowball's generated stemmer (docs/assets/search/snowball-english.js) is vendored code,
// kept as its compiler wrote it, and not linted.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["docs/assets/search/snowball-english.js"] },
  js.configs.recommended,
  {
    files: ["docs/assets/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser },
    },
    rules: {
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
      eqeqeq: ["error", "smart"],
      // Deliberate: `[\x00-\x7f]` tests for ASCII (search/words.js).
      "no-control-regex": "off",
    },
  },
];
