// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";

/**
 * Codice fiscale: 16 letters and digits, stored upper case (omocodia letters included). How a
 * SPID/CIE identity maps to an account.
 */
export const FiscalCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{16}$/, { error: "A fiscal code has 16 letters and digits" });
export type FiscalCode = z.infer<typeof FiscalCode>;

// SPID and CIE prefix the code with the TIN scheme and the country (eIDAS): TINIT-RSSMRA80A01F205X.
const ITALIAN_TIN_PREFIX = "TINIT-";

/**
 * The fiscal code carried by a SPID/CIE fiscal-number claim, or null when the claim carries none (a
 * missing claim, another country's TIN, a malformed value).
 */
export function fiscalCodeOfClaim(value: unknown): FiscalCode | null {
  if (typeof value !== "string") return null;
  const upper = value.trim().toUpperCase();
  const bare = upper.startsWith(ITALIAN_TIN_PREFIX) ? upper.slice(ITALIAN_TIN_PREFIX.length) : upper;
  const parsed = FiscalCode.safeParse(bare);
  return parsed.success ? parsed.data : null;
}

/**
 * Where to land after signing in: a path of this site. One leading `/` and no second one or
 * backslash right after it (`//host` and `/\host` are other sites to a browser), no whitespace or
 * control characters.
 */
export const ReturnPath = z
  .string()
  .max(2000, { error: "The return path is too long" })
  .regex(/^\/(?![/\\])[^\\\s\p{Cc}]*$/u, { error: "The return path must be a path of this site" });
export type ReturnPath = z.infer<typeof ReturnPath>;

/** Whether this installation offers sign-in through the Comune's SPID/CIE gateway. */
export const OidcAvailability = z.object({ enabled: z.boolean() });
export type OidcAvailability = z.infer<typeof OidcAvailability>;
