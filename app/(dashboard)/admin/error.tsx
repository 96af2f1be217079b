"use client";

// Under the admin tabs, so they stay when an admin page fails.
export { default } from "../error";
