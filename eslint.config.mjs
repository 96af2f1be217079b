// ESLint for the whole repository: `npm run lint` (no warnings allowed).
//
// - typescript-eslint with type information (the project service reads
//   tsconfig.json), so promises that are neither awaited nor handled, promises
//   passed where nothing awaits them, and switches that miss a case are errors.
// - React: the React team's hooks rules (with the React Compiler's checks), and
//   @eslint-react for JSX and DOM mistakes (missing keys, leaked `0 &&` renders).
// - Next.js: @next/eslint-plugin-next's core-web-vitals set, used directly:
//   Next 16 has no `next lint`, and eslint-config-next 16 still brings
//   eslint-plugin-react, -import and -jsx-a11y, none of which runs on ESLint 10.

// Node's types, for import.meta.dirname: TypeScript 6 and 7 load no @types by themselves.
/// <reference types="node" />
import js from "@eslint/js";
import reactPlugin from "@eslint-react/eslint-plugin";
import nextPlugin from "@next/eslint-plugin-next";
import { defineConfig, globalIgnores } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// @eslint-react has its own copies of some react-hooks rules; react-hooks is the
// React team's and stays, so each problem is reported once.
const reactHooksDuplicates = Object.fromEntries(
  Object.keys(reactPlugin.configs["disable-conflict-eslint-plugin-react-hooks"].rules).map((rule) => [rule.replace(/^react-hooks\//, "@eslint-react/"), "off"]),
);

export default defineConfig(
  globalIgnores([".next/", ".data/", "lib/db/generated/", "tests/artifacts/", "next-env.d.ts"]),
  {
    linterOptions: { reportUnusedDisableDirectives: "error", reportUnusedInlineConfigs: "error" },
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // The config files at the root are plain JavaScript outside tsconfig.json.
        projectService: { allowDefaultProject: ["*.js", "*.mjs"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    rules: {
      // A `let` assigned once but read earlier by a closure (a shutdown handler) cannot be a const.
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "all", ignoreRestSiblings: true }],
    },
  },
  {
    files: ["**/*.{ts,tsx}"],
    extends: [reactHooks.configs.flat["recommended-latest"]],
  },
  {
    files: ["**/*.tsx"],
    extends: [reactPlugin.configs["recommended-type-checked"]],
    rules: reactHooksDuplicates,
  },
  {
    files: ["tests/**"],
    rules: {
      // Vitest types its asymmetric matchers as `any` so they fit anywhere: every
      // toMatchObject({ id: expect.any(String) }) would be an "unsafe assignment". Reading
      // an untyped value stays an error (no-unsafe-member-access, -call, -argument, -return).
      "@typescript-eslint/no-unsafe-assignment": "off",
    },
  },
  {
    files: ["app/**", "components/**", "proxy.ts", "instrumentation.ts", "next.config.js"],
    extends: [nextPlugin.configs["core-web-vitals"]],
  },
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: globals.node },
  },
);
