// SPDX-License-Identifier: EUPL-1.2
import { parseLocaleNumber } from "../../domain/units/unit-file.ts";

/**
 * An amount typed in euro (`336`, `336,50`, `€ 1234.5`) as integer cents for the shared schemas; empty
 * is undefined, and what is not an amount with at most two decimals goes to the schema as it is, so
 * the schema names the problem beside the field.
 */
export function centsOf(text: string): number | string | undefined {
  const trimmed = text.replace(/€|eur/gi, "").trim();
  if (trimmed === "") return undefined;
  const value = parseLocaleNumber(trimmed);
  if (typeof value !== "number") return text;
  const cents = value * 100;
  const rounded = Math.round(cents);
  // 12,345 € is no amount of money: leave a fraction of a cent for the schema to refuse.
  return Math.abs(cents - rounded) < 1e-6 ? rounded : cents;
}

/** Cents as the text of an amount field, in the interface language's way: `336,50` or `336.50`. */
export function euroInput(cents: number, language: string): string {
  const text = (cents / 100).toFixed(2);
  return language === "en" ? text : text.replace(".", ",");
}

/** A number typed the Italian or English way; empty is undefined; anything else stays text. */
export function numberOf(text: string): number | string | undefined {
  if (text.trim() === "") return undefined;
  return parseLocaleNumber(text);
}

/** A fresh key for one submission of a payment (the API's Idempotency-Key). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // Served over plain http from another host, randomUUID is missing; random bytes are not.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}
