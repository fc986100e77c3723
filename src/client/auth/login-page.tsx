// SPDX-License-Identifier: EUPL-1.2
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { LoginInput } from "../../domain/auth/roles.ts";
import { API_BASE, isApiError, queryString } from "../api.ts";
import { TextField } from "../components/form-field.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { useMessage } from "../i18n/translate-message.ts";
import { type Location, navigate, useLocation } from "../router.tsx";
import { useLogin, useOidcAvailability } from "./session.ts";

/** The gateway's refusal lands on `?errore=spid` (`src/server/auth/oidc.routes.ts`). */
const SPID_ERROR_PARAM = "errore";

/** Where the visitor is, without the refusal marker: where a SPID/CIE sign-in should return. */
function currentPath(location: Location) {
  const search = new URLSearchParams(location.search);
  search.delete(SPID_ERROR_PARAM);
  return `${location.pathname}${search.size > 0 ? `?${search}` : ""}`;
}

/**
 * Sign-in form, and the SPID/CIE link when the gateway is configured. A wrong e-mail or password
 * gets one generic message, never which of the two; a refused SPID/CIE sign-in gets one too.
 */
export function LoginPage() {
  const { t } = useTranslation();
  const message = useMessage();
  const login = useLogin();
  const oidc = useOidcAvailability();
  const location = useLocation();
  const refusedNow = location.search.get(SPID_ERROR_PARAM) === "spid";
  // Say it once, then clear the marker so a reload or a later sign-out does not repeat it.
  const [spidRefused] = useState(refusedNow);
  const returnTo = currentPath(location);
  useEffect(() => {
    if (refusedNow) navigate(returnTo, { replace: true });
  }, [refusedNow, returnTo]);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm({ resolver: zodResolver(LoginInput), defaultValues: { email: "", password: "" } });

  const failure = login.error
    ? isApiError(login.error, 401)
      ? t("login.failed")
      : isApiError(login.error, 0)
        ? t("errors.network")
        : t("errors.generic")
    : null;

  return (
    <div className="row justify-content-center">
      <div className="col-12 col-md-8 col-lg-6">
        <PageTitle title={t("login.title")} lead={t("login.intro")} />
        {spidRefused ? (
          <div className="alert alert-danger" role="alert" id="spid-error">
            {t("login.spidRefused")}
          </div>
        ) : null}
        {failure ? (
          <div className="alert alert-danger" role="alert" id="login-error">
            {failure}
          </div>
        ) : null}
        <form
          noValidate
          onSubmit={handleSubmit((values) => login.mutate(values))}
          aria-describedby={failure ? "login-error" : undefined}
        >
          <div className="card shadow-sm p-4">
            <TextField
              id="login-email"
              label={t("login.email")}
              type="email"
              autoComplete="username"
              required
              registration={register("email")}
              error={errors.email?.message ? message(errors.email.message) : undefined}
            />
            <TextField
              id="login-password"
              label={t("login.password")}
              type="password"
              autoComplete="current-password"
              required
              registration={register("password")}
              error={errors.password?.message ? message(errors.password.message) : undefined}
            />
            <button type="submit" className="btn btn-primary" disabled={login.isPending}>
              {login.isPending ? t("login.submitting") : t("login.submit")}
            </button>
          </div>
        </form>
        {oidc.data?.enabled ? (
          <div className="card shadow-sm p-4 mt-4">
            <p className="mb-3" id="spid-hint">
              {t("login.spidHint")}
            </p>
            <a
              className="btn btn-outline-primary align-self-start"
              href={`${API_BASE}/auth/oidc/start${queryString({ returnTo })}`}
              aria-describedby="spid-hint"
            >
              {t("login.spid")}
            </a>
          </div>
        ) : null}
      </div>
    </div>
  );
}
