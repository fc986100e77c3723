// SPDX-License-Identifier: EUPL-1.2
import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { API_DOCS_STYLE } from "./docs.ts";
import { AppError } from "./errors.ts";

const styleHash = (css: string) => `'sha256-${createHash("sha256").update(css).digest("base64")}'`;

/**
 * Security headers on every response, errors included: a strict Content-Security-Policy (only this
 * origin's scripts and styles, no framing, no `<base>`), nosniff, no referrer, and HSTS when served
 * over HTTPS (`secure`).
 */
export function securityHeaders(secure: boolean): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
      formAction: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", styleHash(API_DOCS_STYLE)],
      imgSrc: ["'self'", "data:"],
      // Bootstrap Italia's style sheet carries one icon font inline, as a data: URI.
      fontSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
    },
    crossOriginEmbedderPolicy: false,
    xFrameOptions: "DENY",
    referrerPolicy: "no-referrer",
    strictTransportSecurity: secure ? "max-age=31536000; includeSubDomains" : false,
  });
}

/**
 * Largest request bodies: an import file; a household's document (its file's own limit, 10 MiB in
 * `DOCUMENT_MAX_BYTES`, plus room for the form, so that a file just over it gets the answer naming
 * `file`); anything else.
 */
export const BODY_LIMITS = {
  importBytes: 64 * 1024 * 1024,
  documentBytes: 11 * 1024 * 1024,
  photoBytes: 6 * 1024 * 1024,
  defaultBytes: 1024 * 1024,
} as const;

const limitOf = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${maxSize / 1024 / 1024} MiB`);
    },
  });
const importLimit = limitOf(BODY_LIMITS.importBytes);
const documentLimit = limitOf(BODY_LIMITS.documentBytes);
const photoLimit = limitOf(BODY_LIMITS.photoBytes);
const defaultLimit = limitOf(BODY_LIMITS.defaultBytes);
const DOCUMENT_UPLOAD =
  /\/(households|tenancies)\/[^/]+\/documents$|\/expenses\/claims\/[^/]+\/lines\/[^/]+\/documents$/;
// A ticket's photo: at most 5 MiB (`TICKET_PHOTO_MAX_BYTES`), so that one just over it gets the answer naming `file`.
const PHOTO_UPLOAD = /\/(maintenance|portal)\/tickets\/[^/]+\/photos$/;

/** Refuse a body larger than its route accepts (by Content-Length, or counted as it arrives). */
export const bodyLimits: MiddlewareHandler = (c, next) => {
  if (c.req.path.endsWith("/import") || c.req.path.endsWith("/ledger/bank-imports"))
    return importLimit(c, next);
  if (DOCUMENT_UPLOAD.test(c.req.path)) return documentLimit(c, next);
  if (PHOTO_UPLOAD.test(c.req.path)) return photoLimit(c, next);
  return defaultLimit(c, next);
};

/** RFC 9116 `security.txt`, valid for six months from when it is served. */
export function securityTxt(contact: string, now: Date): string {
  const expires = new Date(now.getTime() + 182 * 24 * 3_600_000);
  return [
    `Contact: ${contact}`,
    `Expires: ${expires.toISOString().replace(/\.\d{3}Z$/, "Z")}`,
    "Preferred-Languages: it, en",
    "",
  ].join("\n");
}
