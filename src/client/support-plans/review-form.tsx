// SPDX-License-Identifier: EUPL-1.2
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { HouseholdDetail } from "../../domain/households/household-api.schema.ts";
import { PLAN_DOMAINS, type SupportPlan } from "../../domain/support-plans/support-plan.schema.ts";
import { isApiError } from "../api.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { TextAreaField, TextField } from "../components/form-field.tsx";
import { showServerErrors } from "../components/server-errors.ts";
import { useFormat } from "../format.ts";
import { useMessage } from "../i18n/translate-message.ts";
import {
  emptyReview,
  type ReviewFormOutput,
  type ReviewFormValues,
  reviewResolver,
} from "./plan-form-values.ts";
import { AUTONOMY_SCORES, useSupportPlanLabels } from "./support-plan-labels.ts";
import { useAddReview } from "./support-plans-api.ts";

const isReviewField = (path: string): path is "date" | "notes" => path === "date" || path === "notes";

/** Una verifica: its date, notes and the autonomy in each domain, 1 to 5 or not assessed. */
export function ReviewForm({ household, plan }: { household: HouseholdDetail; plan: SupportPlan }) {
  const { t } = useTranslation();
  const labels = useSupportPlanLabels();
  const message = useMessage();
  const format = useFormat();
  const add = useAddReview(household.id);
  const [done, setDone] = useState<string | null>(null);
  const [loose, setLoose] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<ReviewFormValues, unknown, ReviewFormOutput>({
    resolver: reviewResolver,
    defaultValues: emptyReview(),
  });

  const submit = handleSubmit(
    async (values) => {
      setDone(null);
      setLoose(null);
      try {
        await add.mutateAsync(values);
        reset(emptyReview());
        setDone(values.date);
      } catch (e) {
        if (!isApiError(e) || showServerErrors(e, isReviewField, setError, setFocus)) return;
        setLoose(e.status === 403 ? t("errors.forbidden") : message(e.errors[0]?.message ?? e.detail));
      }
    },
    (invalid) => {
      if (invalid.date) setFocus("date");
      else if (invalid.notes) setFocus("notes");
    },
  );

  const dateError = errors.date?.message;
  const notesError = errors.notes?.message;
  return (
    <form noValidate onSubmit={submit} aria-describedby="review-intro">
      <p id="review-intro" className="small">
        {t("plans.reviews.intro", { date: format.date(plan.nextReviewDate) })}
      </p>
      <div aria-live="polite">
        {done ? (
          <div className="alert alert-success" tabIndex={-1} ref={focusOnMount}>
            {t("plans.reviews.saved", { date: format.date(done) })}
          </div>
        ) : null}
        {loose ? <div className="alert alert-danger">{loose}</div> : null}
      </div>
      {add.error && !isApiError(add.error) ? <ErrorAlert error={add.error} /> : null}
      <div className="row">
        <TextField
          id="review-date"
          label={t("plans.reviews.date")}
          className="col-12 col-md-4"
          type="date"
          required
          error={dateError ? message(dateError) : undefined}
          registration={register("date")}
        />
      </div>
      <fieldset className="form-section mb-3" aria-describedby="review-scale-hint">
        <legend className="h6">{t("plans.reviews.autonomy")}</legend>
        <p id="review-scale-hint" className="small">
          {t("plans.reviews.scaleHint")}
        </p>
        {PLAN_DOMAINS.map((domain) => (
          <fieldset key={domain} className="score-group">
            <legend>{labels.domain(domain)}</legend>
            <div className="form-check">
              <input
                id={`review-autonomy-${domain}-none`}
                type="radio"
                value=""
                {...register(`autonomy.${domain}`)}
              />
              <label htmlFor={`review-autonomy-${domain}-none`}>{t("plans.reviews.notAssessed")}</label>
            </div>
            {AUTONOMY_SCORES.map((n) => (
              <div className="form-check" key={n}>
                <input
                  id={`review-autonomy-${domain}-${n}`}
                  type="radio"
                  value={String(n)}
                  {...register(`autonomy.${domain}`)}
                />
                <label htmlFor={`review-autonomy-${domain}-${n}`}>{labels.score(n)}</label>
              </div>
            ))}
          </fieldset>
        ))}
      </fieldset>
      <TextAreaField
        id="review-notes"
        label={t("plans.reviews.notes")}
        rows={4}
        error={notesError ? message(notesError) : undefined}
        hint={t("plans.reviews.notesHint")}
        registration={register("notes")}
      />
      <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
        {isSubmitting ? t("form.saving") : t("plans.reviews.submit")}
      </button>
    </form>
  );
}
