// SPDX-License-Identifier: EUPL-1.2

import path from "node:path";
import { z } from "zod";
import { PASSWORD_MIN_LENGTH } from "../domain/auth/roles.ts";
import type { OidcSettings } from "./auth/oidc.service.ts";
import type { PagoPaSettings } from "./ledger/ledger.service.ts";

const flag = z
  .enum(["true", "false", "1", "0"], { error: "Use true or false" })
  .transform((v) => v === "true" || v === "1");

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
const isHttpsOrLoopback = (url: URL) => url.protocol === "https:" || LOOPBACK_HOSTS.has(url.hostname);
/** An https URL; plain http only on this machine (a development gateway). */
const webUrl = (name: string) =>
  z
    .url({ protocol: /^https?$/, error: `${name} must be an https:// URL` })
    .refine((v) => !URL.canParse(v) || isHttpsOrLoopback(new URL(v)), {
      error: `${name} must use https (plain http only on localhost)`,
    });

/** The SPID/CIE sign-in is configured with all of these or none. */
const OIDC_REQUIRED = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_REDIRECT_URI"] as const;

const EnvSchema = z
  .object({
    PORT: z.coerce
      .number({ error: "PORT must be a port number" })
      .int({ error: "PORT must be a port number" })
      .min(0, { error: "PORT must be a port number" })
      .max(65535, { error: "PORT must be a port number" })
      .default(3000),
    HOST: z.string().default("localhost"),
    DATA_DIR: z.string().default("./data"),
    DATABASE_URL: z.url({ error: "DATABASE_URL must be a postgres:// URL" }).optional(),
    /** The connection of the application role `casacomune_app`; default: DATABASE_URL as that role. */
    DATABASE_APP_URL: z.url({ error: "DATABASE_APP_URL must be a postgres:// URL" }).optional(),
    ADMIN_EMAIL: z.email({ error: "ADMIN_EMAIL must be an e-mail address" }).optional(),
    ADMIN_PASSWORD: z
      .string()
      .min(PASSWORD_MIN_LENGTH, { error: `ADMIN_PASSWORD needs at least ${PASSWORD_MIN_LENGTH} characters` })
      .optional(),
    /** Seed the demo programme into an empty database; default on for PGlite, off for a server. */
    DEMO_SEED: flag.optional(),
    /** Mark cookies Secure (set it when served over HTTPS, as behind a reverse proxy). */
    SECURE_COOKIES: flag.default(false),
    /** Behind a reverse proxy: trust its X-Forwarded-For for the caller's address. */
    TRUST_PROXY: flag.default(false),
    SECURITY_CONTACT: z
      .string()
      .regex(/^(mailto|https):/, { error: "SECURITY_CONTACT must be a mailto: or https: URI" })
      .default("mailto:security@casacomune.example"),
    // The Comune as pagoPA creditor. The IBAN default is the well-known sample IBAN: set the real one.
    PAGOPA_CREDITOR_FISCAL_CODE: z
      .string()
      .regex(/^\d{11}$/, { error: "PAGOPA_CREDITOR_FISCAL_CODE has 11 digits" })
      .default("01199250158"),
    PAGOPA_CREDITOR_NAME: z.string().min(1).default("Comune di Milano"),
    PAGOPA_SEGREGATION_CODE: z
      .string()
      .regex(/^\d{2}$/, { error: "PAGOPA_SEGREGATION_CODE has 2 digits" })
      .default("01"),
    PAGOPA_IBAN: z
      .string()
      .regex(/^IT\d{2}[A-Z]\d{10}[0-9A-Z]{12}$/, { error: "PAGOPA_IBAN must be an Italian IBAN" })
      .default("IT60X0542811101000000123456"),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
    SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    /** The Comune's SPID/CIE gateway (OpenID Connect issuer). */
    OIDC_ISSUER: webUrl("OIDC_ISSUER").optional(),
    OIDC_CLIENT_ID: z.string().optional(),
    OIDC_CLIENT_SECRET: z.string().optional(),
    /** Our callback as registered at the gateway: `https://<host>/api/v1/auth/oidc/callback`. */
    OIDC_REDIRECT_URI: webUrl("OIDC_REDIRECT_URI").optional(),
    /** The mail server notifications are sent through: `smtp://user:password@host:587` or `smtps://…`. */
    SMTP_URL: z
      .url({ protocol: /^smtps?$/, error: "SMTP_URL must be an smtp:// or smtps:// URL" })
      .optional(),
    /** The address people open the app at, for the links in e-mails: `https://casacomune.example.it`. */
    PUBLIC_URL: webUrl("PUBLIC_URL").optional(),
    /** The sender of notification e-mails. */
    MAIL_FROM: z.email({ error: "MAIL_FROM must be an e-mail address" }).default("casacomune@localhost"),
    OIDC_FISCAL_CODE_CLAIM: z
      .string()
      .regex(/^\S+$/, { error: "OIDC_FISCAL_CODE_CLAIM must be a claim name" })
      .default("fiscal_number"),
  })
  .refine((e) => (e.ADMIN_EMAIL === undefined) === (e.ADMIN_PASSWORD === undefined), {
    path: ["ADMIN_PASSWORD"],
    error: "Set ADMIN_EMAIL and ADMIN_PASSWORD together",
  })
  .superRefine((e, ctx) => {
    const missing = OIDC_REQUIRED.filter((key) => e[key] === undefined);
    if (missing.length === 0 || missing.length === OIDC_REQUIRED.length) return;
    for (const key of missing) {
      ctx.addIssue({
        code: "custom",
        path: [key],
        message: `Missing: the SPID/CIE sign-in needs ${OIDC_REQUIRED.join(", ")} together`,
      });
    }
  });

export type Env = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  databaseAppUrl: string | null;
  admin: { email: string; password: string } | null;
  demoSeed: boolean;
  secureCookies: boolean;
  trustProxy: boolean;
  securityContact: string;
  pagopa: PagoPaSettings;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  /** Sign-in through the Comune's SPID/CIE gateway; null when not configured. */
  oidc: OidcSettings | null;
  /** The mail server for notifications; null when not configured (notifications stay in the app). */
  smtp: { url: string; from: string } | null;
  /** Where the app is reached, without a trailing slash (links in e-mails). */
  publicUrl: string;
};

/** Parse the configuration once; the only place that reads `process.env`. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(
    Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== "")),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    databaseAppUrl: e.DATABASE_APP_URL ?? null,
    admin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : null,
    demoSeed: e.DEMO_SEED ?? e.DATABASE_URL === undefined,
    secureCookies: e.SECURE_COOKIES,
    trustProxy: e.TRUST_PROXY,
    securityContact: e.SECURITY_CONTACT,
    pagopa: {
      fiscalCode: e.PAGOPA_CREDITOR_FISCAL_CODE,
      name: e.PAGOPA_CREDITOR_NAME,
      segregationCode: e.PAGOPA_SEGREGATION_CODE,
      iban: e.PAGOPA_IBAN,
    },
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    logLevel: e.LOG_LEVEL,
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.MAIL_FROM } : null,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET && e.OIDC_REDIRECT_URI
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            redirectUri: e.OIDC_REDIRECT_URI,
            fiscalCodeClaim: e.OIDC_FISCAL_CODE_CLAIM,
          }
        : null,
  };
}
