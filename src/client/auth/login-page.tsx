// SPDX-License-Identifier: EUPL-1.2
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { LoginInput } from "../../domain/auth/roles.ts";
import { isApiError } from "../api.ts";
import { TextField } from "../components/form-field.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { useMessage } from "../i18n/translate-message.ts";
import { useLogin } from "./session.ts";

/** Sign-in form. A wrong e-mail or password gets one generic message, never which of the two. */
export function LoginPage() {
  const { t } = useTranslation();
  const message = useMessage();
  const login = useLogin();
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
      </div>
    </div>
  );
}
