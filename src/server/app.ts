// SPDX-License-Identifier: EUPL-1.2

import { serveStatic } from "@hono/node-server/serve-static";
import { OpenAPIHono } from "@hono/zod-openapi";
import { getCookie } from "hono/cookie";
import { HTTPException } from "hono/http-exception";
import { designationRoutes } from "./allocation/designation.routes.ts";
import { equityRoutes } from "./allocation/equity.routes.ts";
import { holdRoutes } from "./allocation/holds.routes.ts";
import { offerRoutes } from "./allocation/offers.routes.ts";
import { allocationRulesRoutes } from "./allocation/rules.routes.ts";
import { allocationRunRoutes } from "./allocation/runs.routes.ts";
import { arrearsRoutes } from "./arrears/arrears.routes.ts";
import { auditRequests } from "./audit/audit.middleware.ts";
import { auditRoutes } from "./audit/audit.routes.ts";
import { authRoutes, sessionCookieName } from "./auth/auth.routes.ts";
import { resolveSession } from "./auth/auth.service.ts";
import { oidcRoutes } from "./auth/oidc.routes.ts";
import { renderApiDocs } from "./docs.ts";
import { AppError } from "./errors.ts";
import { expenseRoutes } from "./expenses/expenses.routes.ts";
import { financeRoutes } from "./finance/finance.routes.ts";
import { fundRoutes } from "./fund/fund.routes.ts";
import { fundingRoutes } from "./funding/funding.routes.ts";
import { governanceRoutes } from "./governance/governance.routes.ts";
import { consentRoutes } from "./households/consents.routes.ts";
import { documentRoutes } from "./households/documents.routes.ts";
import { householdRoutes } from "./households/households.routes.ts";
import {
  API_BASE,
  type AppDeps,
  type AppEnv,
  problemResponseOf,
  SYSTEM_SCOPE,
  sameOriginOnly,
} from "./http.ts";
import { ledgerRoutes } from "./ledger/ledger.routes.ts";
import { logger } from "./logger.ts";
import { maintenanceRoutes } from "./maintenance/maintenance.routes.ts";
import { monitoringRoutes } from "./monitoring/monitoring.routes.ts";
import { monitoringReportRoutes } from "./monitoring/reports.routes.ts";
import { openDataRoutes } from "./open-data/open-data.routes.ts";
import { organisationRoutes } from "./organisations/organisations.routes.ts";
import { staffRoutes } from "./organisations/staff.routes.ts";
import { ownersRoutes } from "./owners/owners.routes.ts";
import { portalRoutes } from "./portal/portal.routes.ts";
import { bodyLimits, securityHeaders, securityTxt } from "./security.ts";
import { caseloadRoutes } from "./support-plans/caseload.routes.ts";
import { exitRoutes } from "./support-plans/exits.routes.ts";
import { interventionRoutes } from "./support-plans/interventions.routes.ts";
import { supportPlanRoutes } from "./support-plans/support-plans.routes.ts";
import { tenancyRoutes } from "./tenancies/tenancies.routes.ts";
import { timelineRoutes } from "./timeline/timeline.routes.ts";
import { unitRoutes } from "./units/units.routes.ts";
import { welfareRoutes } from "./welfare/welfare.routes.ts";
import { worksRoutes } from "./works/works.routes.ts";
import { workspaceRoutes } from "./workspace/workspace.routes.ts";

/** A file the web app's build named by its content: `/assets/<name>-<8-character hash>.<extension>`. */
const HASHED_ASSET = /^\/assets\/[^/]+-[\w-]{8}\.[a-z0-9]+$/;

/** The HTTP application: API under /api/v1, docs at /api/docs, and the built web app when `clientDir` is set. */
export function createApp(deps: AppDeps, options: { clientDir?: string } = {}) {
  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const errors = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
      return problemResponseOf(c, new AppError("INVALID", "The request has invalid fields", errors));
    },
  });
  const cookie = sessionCookieName(deps.secureCookies);

  api.use("*", async (c, next) => {
    const token = getCookie(c, cookie);
    c.set(
      "actor",
      token
        ? await resolveSession({ database: deps.database, token, now: deps.now(), policy: deps.policy })
        : null,
    );
    await next();
  });
  api.use("*", auditRequests(deps));

  api.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: cookie,
  });

  api.get("/health", async (c) => {
    await deps.database.scoped(SYSTEM_SCOPE, (db) => db.execute("select 1"));
    return c.json({ status: "ok", database: deps.database.kind });
  });
  api.route("/", authRoutes(deps));
  api.route("/", oidcRoutes(deps));
  api.route("/", unitRoutes(deps));
  api.route("/", householdRoutes(deps));
  api.route("/", consentRoutes(deps));
  api.route("/", documentRoutes(deps));
  api.route("/", supportPlanRoutes(deps));
  api.route("/", interventionRoutes(deps));
  api.route("/", exitRoutes(deps));
  api.route("/", caseloadRoutes(deps));
  api.route("/", staffRoutes(deps));
  api.route("/", organisationRoutes(deps));
  api.route("/", auditRoutes(deps));
  api.route("/", allocationRulesRoutes(deps));
  api.route("/", allocationRunRoutes(deps));
  api.route("/", holdRoutes(deps));
  api.route("/", designationRoutes(deps));
  api.route("/", equityRoutes(deps));
  api.route("/", offerRoutes(deps));
  api.route("/", arrearsRoutes(deps));
  api.route("/", tenancyRoutes(deps));
  api.route("/", ledgerRoutes(deps));
  api.route("/", portalRoutes(deps));
  api.route("/", maintenanceRoutes(deps));
  api.route("/", worksRoutes(deps));
  api.route("/", financeRoutes(deps));
  api.route("/", fundingRoutes(deps));
  api.route("/", monitoringRoutes(deps));
  api.route("/", monitoringReportRoutes(deps));
  api.route("/", expenseRoutes(deps));
  api.route("/", timelineRoutes(deps));
  api.route("/", governanceRoutes(deps));
  api.route("/", ownersRoutes(deps));
  api.route("/", workspaceRoutes(deps));
  api.route("/", fundRoutes(deps));
  api.route("/", welfareRoutes(deps));
  api.route("/", openDataRoutes(deps));

  const document = () =>
    api.getOpenAPI31Document({
      openapi: "3.1.0",
      info: {
        title: "CasaComune API",
        version: "1",
        description: "Social housing programme of the Comune di Milano and its Third-Sector partners.",
      },
      servers: [{ url: API_BASE }],
    });
  api.get("/openapi.json", (c) => c.json(document()));

  const app = new OpenAPIHono();
  app.use("*", securityHeaders(deps.secureCookies));
  app.use(`${API_BASE}/*`, sameOriginOnly);
  app.use(`${API_BASE}/*`, bodyLimits);
  app.get("/.well-known/security.txt", (c) =>
    c.text(securityTxt(deps.securityContact, deps.now()), 200, { "cache-control": "max-age=86400" }),
  );
  app.route(API_BASE, api);
  app.get("/api/docs", (c) => c.html(renderApiDocs(document())));
  app.all("/api/*", (c) =>
    problemResponseOf(c, new AppError("NOT_FOUND", `No API route ${c.req.method} ${c.req.path}`)),
  );

  if (options.clientDir) {
    // The build names each file under /assets/ by its content's hash: a browser keeps it for a year
    // without asking again. Everything else, index.html first, is checked on every visit, so a new
    // release reaches the browser at once.
    app.use("*", async (c, next) => {
      await next();
      if (c.res.ok) {
        const hashed = HASHED_ASSET.test(c.req.path);
        c.res.headers.set("cache-control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
      }
    });
    app.use("*", serveStatic({ root: options.clientDir }));
    app.get("*", serveStatic({ root: options.clientDir, path: "index.html" }));
  }

  app.onError((error, c) => {
    if (error instanceof AppError) return problemResponseOf(c, error);
    if (error instanceof HTTPException && error.status < 500) {
      const code = error.status === 401 ? "UNAUTHENTICATED" : error.status === 403 ? "FORBIDDEN" : "INVALID";
      return problemResponseOf(c, new AppError(code, error.message));
    }
    // The stack goes to the log only; the answer says nothing of the code or the database.
    logger.error("unhandled error", {
      path: c.req.path,
      error: String(error),
      stack: (error as Error).stack,
    });
    return c.body(
      JSON.stringify({
        type: "about:blank",
        title: "Internal error",
        status: 500,
        detail: "Something went wrong",
        errors: [],
      }),
      500,
      { "content-type": "application/problem+json" },
    );
  });
  return app;
}
