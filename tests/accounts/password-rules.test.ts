import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS } from "~/domain/accounts/common-passwords";
import { passwordProblem } from "~/domain/accounts/password-rules";
import { signUpSchema } from "~/domain/accounts/validation";

describe("password rules (NIST SP 800-63B)", () => {
  it("ships ten thousand common passwords with the project", () => {
    const list = COMMON_PASSWORDS.split("\n");
    expect(list).toHaveLength(10_000);
    expect(list.slice(0, 2)).toEqual(["123456", "password"]);
  });

  it("wants 12 characters, counted as people see them", () => {
    expect(passwordProblem("eleven-char")).toMatch(/at least 12 characters/);
    expect(passwordProblem("łódź-kraków")).toMatch(/at least 12/); // 11 letters, more bytes
    expect(passwordProblem("łódź-krakówx")).toBeNull();
  });

  it("asks for no composition: lower-case words are fine", () => {
    expect(passwordProblem("tram lines of porto")).toBeNull();
    expect(passwordProblem("a-long-password")).toBeNull(); // what older tests sign up with
  });

  it("refuses common passwords whatever their case, repeats and runs", () => {
    const longCommon = COMMON_PASSWORDS.split("\n").find((p) => p.length >= 12)!;
    expect(passwordProblem(longCommon)).toMatch(/most commonly used/);
    expect(passwordProblem(longCommon.toUpperCase())).toMatch(/most commonly used/);
    expect(passwordProblem("aaaaaaaaaaaaaa")).toMatch(/most commonly used/);
    expect(passwordProblem("abcdefghijklmn")).toMatch(/most commonly used/);
  });

  it("refuses the account's own email and the site's name", () => {
    expect(passwordProblem("maria.kowalska@krakow.pl", { email: "maria.kowalska@krakow.pl" })).toMatch(/email/);
    expect(passwordProblem("maria.kowalska", { email: "maria.kowalska@krakow.pl" })).toMatch(/email/);
    expect(passwordProblem("scale-events-2026")).toMatch(/site's name/);
  });

  it("reports the problem on the password field of the sign-up form", () => {
    const result = signUpSchema.safeParse({ name: "Maria", email: "maria.kowalska@krakow.pl", password: "maria.kowalska" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path[0])).toEqual(["password"]);
    expect(signUpSchema.safeParse({ name: "Maria", email: "m@k.pl", password: "123qweasdzxc" }).success).toBe(false);
  });
});
