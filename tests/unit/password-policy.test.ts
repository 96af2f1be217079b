import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/lib/auth/password-policy";

describe("password policy", () => {
  it("refuses short passwords", () => {
    expect(passwordProblem("x7#Kq!")).toMatch(/at least 12/);
  });

  it.each(["password1234", "qwertyuiop123", "123456789012", "iloveyou2026!", "P@ssw0rd12345"])("refuses the common password %s", (password) => {
    expect(passwordProblem(password)).toMatch(/too easy to guess/);
  });

  it("refuses a password made of the user's own email", () => {
    expect(passwordProblem("Whitfield-lantern-2026", ["dana.whitfield@example.com", "Dana Whitfield"])).toMatch(/name and email/);
  });

  it("accepts a long phrase and a random password", () => {
    expect(passwordProblem("correct horse battery staple lantern")).toBeNull();
    expect(passwordProblem("vN4q-Tz8p-Lw2k")).toBeNull();
  });
});
