// Prettier's defaults (double quotes, semicolons, trailing commas), with lines
// as wide as this code already has them, and Tailwind classes in Tailwind's order.
/** @type {import("prettier").Config} */
export default {
  printWidth: 160,
  plugins: ["prettier-plugin-tailwindcss"],
  tailwindStylesheet: "./app/globals.css",
};
