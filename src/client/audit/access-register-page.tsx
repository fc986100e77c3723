// SPDX-License-Identifier: EUPL-1.2
import { type FormEvent, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  AUDIT_ACCESS_LIMIT,
  AUDITED_ENTITIES,
  type AuditAccess,
  type AuditRecordsQuery,
} from "../../domain/audit/audit-access.schema.ts";
import { ROLES } from "../../domain/auth/roles.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { LANGUAGES, LOCALES } from "../i18n/i18n.ts";
import { Link, navigate, useLocation } from "../router.tsx";
import { useRecordAccesses } from "./audit-api.ts";

export const ACCESS_REGISTER_PATH = "/registro-accessi";

/** The register's address for one record: `/registro-accessi?entita=units&id=…`. */
export const accessRegisterHref = (entity: string, id: string) =>
  `${ACCESS_REGISTER_PATH}?${new URLSearchParams({ entita: entity, id }).toString()}`;

const isOneOf = <T extends string>(values: readonly T[], v: unknown): v is T => values.some((x) => x === v);

/** The kinds of operation the trail names (`PATCH /units/{id}`), in words; other ones by their method. */
function actionKey(action: string): string {
  switch (action) {
    case "auth.login":
      return "login";
    case "POST /units":
      return "create";
    case "POST /units/import":
      return "import";
    case "POST /units/{id}/transitions":
      return "transition";
    case "GET /audit/records":
      return "register";
  }
  const method = action.split(" ")[0];
  if (method === "GET") return "read";
  if (method === "PATCH" || method === "PUT") return "update";
  if (method === "DELETE") return "delete";
  if (method === "POST") return "submit";
  return "other";
}

/** Date and time to the second, the way the interface language writes them. */
function useDateTimeSeconds() {
  const { i18n } = useTranslation();
  const language = LANGUAGES.find((l) => l === i18n.language) ?? "it";
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(LOCALES[language], {
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    return (iso: string) => format.format(new Date(iso));
  }, [language]);
}

function AccessRow({ access }: { access: AuditAccess }) {
  const { t } = useTranslation();
  const dateTime = useDateTimeSeconds();
  const role = access.actor?.role ?? null;
  return (
    <tr>
      <td className="text-nowrap">
        <time dateTime={access.at}>{dateTime(access.at)}</time>
      </td>
      <td>
        {access.actor === null
          ? t("audit.results.nobody")
          : (access.actor.name ?? t("audit.results.unknownAccount"))}
      </td>
      <td>{role === null ? "—" : isOneOf(ROLES, role) ? t(`audit.roles.${role}`) : role}</td>
      <td>
        {t(`audit.actions.${actionKey(access.action)}`)}
        <br />
        <code className="small text-secondary">{access.action}</code>
      </td>
      <td>{t(`audit.outcomes.${access.outcome}`)}</td>
    </tr>
  );
}

function Accesses({ query }: { query: AuditRecordsQuery }) {
  const { t } = useTranslation();
  const accesses = useRecordAccesses(query);
  const items = accesses.data?.items;
  return (
    <section className="mt-5" aria-labelledby="accesses-title">
      <h2 id="accesses-title" className="h4">
        {t("audit.results.title")}
      </h2>
      {query.entity === "units" ? (
        <p>
          <Link to={`/alloggi/${encodeURIComponent(query.id)}`}>{t("audit.results.openUnit")}</Link>
        </p>
      ) : null}
      {accesses.error ? <ErrorAlert error={accesses.error} onRetry={() => accesses.refetch()} /> : null}
      {accesses.isPending ? <Loading /> : null}
      <p aria-live="polite" aria-atomic="true">
        {items === undefined
          ? ""
          : items.length === 0
            ? t("audit.results.empty")
            : `${t("audit.results.count", { count: items.length })}${
                items.length >= AUDIT_ACCESS_LIMIT
                  ? ` ${t("audit.results.limited", { limit: AUDIT_ACCESS_LIMIT })}`
                  : ""
              }`}
      </p>
      {items && items.length > 0 ? (
        <div className="table-responsive">
          <table className="table access-table">
            <caption className="visually-hidden">{t("audit.results.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("audit.results.when")}</th>
                <th scope="col">{t("audit.results.who")}</th>
                <th scope="col">{t("audit.results.role")}</th>
                <th scope="col">{t("audit.results.action")}</th>
                <th scope="col">{t("audit.results.outcome")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((access) => (
                <AccessRow key={access.seq} access={access} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function RecordForm({ entity, id }: { entity: string; id: string }) {
  const { t } = useTranslation();
  const [idError, setIdError] = useState<string | null>(null);
  const idRef = useRef<HTMLInputElement>(null);
  const entities: readonly string[] = isOneOf(AUDITED_ENTITIES, entity)
    ? AUDITED_ENTITIES
    : [...AUDITED_ENTITIES, entity];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const nextEntity = String(data.get("entita") ?? "").trim();
    const nextId = String(data.get("id") ?? "").trim();
    if (nextId === "") {
      setIdError(t("audit.form.idRequired"));
      idRef.current?.focus();
      return;
    }
    setIdError(null);
    navigate(accessRegisterHref(nextEntity, nextId));
  };

  const described = ["register-id-hint", idError ? "register-id-error" : ""].filter(Boolean).join(" ");
  return (
    <form
      className="card shadow-sm p-3 p-lg-4"
      onSubmit={submit}
      aria-labelledby="register-form-title"
      noValidate
    >
      <h2 id="register-form-title" className="h5 mb-4">
        {t("audit.form.title")}
      </h2>
      <div className="row g-3">
        <div className="col-12 col-md-4 select-wrapper form-group">
          <label htmlFor="register-entity">{t("audit.form.entity")}</label>
          <select id="register-entity" name="entita" defaultValue={entity}>
            {entities.map((e) => (
              <option key={e} value={e}>
                {isOneOf(AUDITED_ENTITIES, e) ? t(`audit.entities.${e}`) : e}
              </option>
            ))}
          </select>
        </div>
        <div className="col-12 col-md-8 form-group">
          <label htmlFor="register-id" className="active">
            {t("audit.form.id")}
          </label>
          <input
            ref={idRef}
            id="register-id"
            name="id"
            type="text"
            className={`form-control${idError ? " is-invalid" : ""}`}
            defaultValue={id}
            autoComplete="off"
            spellCheck={false}
            aria-required="true"
            aria-invalid={idError ? true : undefined}
            aria-describedby={described}
          />
          <small id="register-id-hint" className="form-text">
            {t("audit.form.idHint")}
          </small>
          {idError ? (
            <div id="register-id-error" className="field-error">
              {idError}
            </div>
          ) : null}
        </div>
      </div>
      <div>
        <button type="submit" className="btn btn-primary">
          {t("audit.form.submit")}
        </button>
      </div>
    </form>
  );
}

/** Registro degli accessi: who consulted or changed one record, from the audit trail. */
export function AccessRegisterPage() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const entity = search.get("entita")?.trim() || AUDITED_ENTITIES[0];
  const id = search.get("id")?.trim() ?? "";
  const query = id === "" ? null : { entity, id };
  return (
    <>
      <PageTitle title={t("audit.title")} lead={t("audit.lead")} />
      {/* A new address (another record) starts the form afresh from it. */}
      <RecordForm key={`${entity}/${id}`} entity={entity} id={id} />
      {query ? <Accesses query={query} /> : <p className="mt-4">{t("audit.results.prompt")}</p>}
    </>
  );
}
