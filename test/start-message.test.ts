/**
 * `npm start`'s certificate message names the real cause. office-addin-dev-certs installs its CA with `sudo`; on a
 * machine without sudo its error reads "Unable to install the CA certificate. /bin/sh: 1: sudo: not found" (as seen
 * on this Linux machine), and the message must say so and offer the fixes that work without it.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const { untrustedAdvice } = require("../scripts/start.cjs") as {
  untrustedAdvice: (reason: string, caPath: string, platform: string) => string;
};
const CA = "/home/me/.office-addin-dev-certs/ca.crt";

describe("npm start's certificate message", () => {
  it("without sudo: says there is no sudo, not 'run as administrator', and gives the browser import and --http fixes", () => {
    const text = untrustedAdvice("Unable to install the CA certificate. /bin/sh: 1: sudo: not found", CA, "linux");
    expect(text).toContain("this machine has no `sudo`");
    expect(text).toContain(`import ${CA} as a trusted certificate authority`);
    expect(text).toContain("npm start -- --http");
    expect(text).toContain("scripts/start.cjs");
    expect(text).not.toContain("as an administrator, then");
  });

  it("a refused password: says administrator rights were refused", () => {
    const text = untrustedAdvice("sudo: a password is required", CA, "linux");
    expect(text).toContain("needs administrator rights, which this account was refused");
    expect(text).toContain("`npx office-addin-dev-certs install` as an administrator");
  });

  it("another failure: quotes the library's reason", () => {
    const text = untrustedAdvice("certutil failed with code 5", CA, "win32");
    expect(text).toContain("(certutil failed with code 5)");
  });
});
