import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-limits";

// What a password a person chooses must be: long, and not one that a
// cracker's lists and patterns would find soon (zxcvbn, which knows the most
// common passwords, names, words, dates, keyboard runs and l33t spellings).

let checker: ZxcvbnFactory | undefined;
const zxcvbn = () =>
  (checker ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  }));

/** Why a new password will not do, or null when it will. `personal` are the user's own email and name. */
export function passwordProblem(password: string, personal: string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  // The whole email and name, and their parts: "dana.whitfield@…" also gives "dana" and "whitfield".
  const inputs = personal.flatMap((value) => [value, ...value.split(/[^\p{L}\p{N}]+/u)]).filter((word) => word.length >= 4);
  if (inputs.some((word) => password.toLowerCase().includes(word.toLowerCase()))) return "Leave your name and email out of your password.";
  const result = zxcvbn().check(password, inputs);
  if (result.score >= 3) return null;
  const hint = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(" ");
  return `This password is too easy to guess.${hint ? ` ${hint}` : ""}`;
}
