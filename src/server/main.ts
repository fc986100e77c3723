// SPDX-License-Identifier: EUPL-1.2
import { existsSync } from "node:fs";
import path from "node:path";
import { serve } from "@hono/node-server";
import { DEMO_PASSWORD, DEMO_USERS } from "../domain/demo/demo-programme.ts";
import { createApp } from "./app.ts";
import { type Database, openPglite, openPostgres } from "./db/client.ts";
import { readEnv } from "./env.ts";
import { logger, setLogLevel } from "./logger.ts";
import { prepareDatabase } from "./setup.ts";
import { smtpMailer, startNotifier } from "./workspace/notifications.ts";

const env = (() => {
  try {
    return readEnv();
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  }
})();
setLogLevel(env.logLevel);

const database: Database = env.databaseUrl
  ? await openPostgres(env.databaseUrl, { appUrl: env.databaseAppUrl })
  : await openPglite(path.join(env.dataDir, "pglite"));
await prepareDatabase(database, { demoSeed: env.demoSeed, admin: env.admin });

const clientDir = path.relative(process.cwd(), path.resolve(import.meta.dirname, "../../dist/client"));
const clientBuilt = existsSync(clientDir);
if (!clientBuilt) logger.warn("web app not built: run `npm run build` (the API works without it)");

const mailer = env.smtp ? smtpMailer(env.smtp.url, env.smtp.from) : null;
const app = createApp(
  {
    database,
    policy: { idleMinutes: env.sessionIdleMinutes, maxHours: env.sessionMaxHours },
    secureCookies: env.secureCookies,
    trustProxy: env.trustProxy,
    securityContact: env.securityContact,
    pagopa: env.pagopa,
    oidc: env.oidc,
    mailer,
    now: () => new Date(),
  },
  clientBuilt ? { clientDir } : {},
);

const server = serve({ fetch: app.fetch, port: env.port, hostname: env.host }, (info) => {
  const url = `http://${env.host}:${info.port}`;
  logger.info(`CasaComune is running at ${url} (database: ${database.kind})`);
  logger.info(`API docs at ${url}/api/docs`);
  if (env.demoSeed) {
    logger.info(
      `demo logins (password "${DEMO_PASSWORD}"):\n${DEMO_USERS.map((u) => `  ${u.role.padEnd(24)} ${u.email}`).join("\n")}`,
    );
  }
});

// What awaits the partners (overdue actions, referrals, offers) becomes notifications, and pending
// e-mails leave, every few minutes.
const notifier = startNotifier({ database, mailer, publicUrl: env.publicUrl, now: () => new Date() });
if (mailer === null) logger.info("no SMTP_URL: notifications stay in the app, without e-mail");

// Node closes an idle kept-alive connection after 5 s; a client (a browser, a reverse proxy) that
// reuses it at that moment gets a reset. Keep idle connections longer than clients and proxies do
// (60 s is nginx's and most load balancers' default), and read headers for a little longer still.
if ("keepAliveTimeout" in server) {
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
}

// A file-backed PGlite left open keeps Node alive: close everything on the way out.
let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    logger.info(`${signal}: shutting down`);
    notifier.stop();
    server.close(() => {
      database.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
    setTimeout(() => process.exit(1), 5000).unref();
  });
}
