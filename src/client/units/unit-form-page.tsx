// SPDX-License-Identifier: EUPL-1.2
import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { scopeOfRole } from "../../domain/auth/roles.ts";
import { canManageCategory } from "../../domain/organisations/organisation.schema.ts";
import { ENERGY_CLASSES, UnitCreate } from "../../domain/units/unit.schema.ts";
import { isApiError } from "../api.ts";
import { useCan, useMe } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { CheckboxField, FieldSet, SelectField, TextAreaField, TextField } from "../components/form-field.tsx";
import { Loading } from "../components/loading.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { useMessage } from "../i18n/translate-message.ts";
import { Link, navigate } from "../router.tsx";
import {
  asNumber,
  asNumberOrNull,
  asTextOrNull,
  EMPTY,
  FIELD_NAMES,
  type FormName,
  type FormValues,
  isFieldName,
  valuesOf,
} from "./unit-form-values.ts";
import { useUnitLabels } from "./unit-labels.ts";
import {
  type UnitDetail,
  unitKeys,
  useCreateUnit,
  useOrganisations,
  useStockSummary,
  useUnit,
  useUpdateUnit,
} from "./units-api.ts";

function UnitForm({ unit }: { unit?: UnitDetail }) {
  const { t } = useTranslation();
  const labels = useUnitLabels();
  const message = useMessage();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const { data: organisations = [] } = useOrganisations();
  const summary = useStockSummary();
  const create = useCreateUnit();
  const update = useUpdateUnit(unit?.id ?? "");
  const [conflict, setConflict] = useState(false);
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);

  const {
    register,
    handleSubmit,
    watch,
    setValue,
    getValues,
    setError,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<FormValues, unknown, z.output<typeof UnitCreate>>({
    resolver: zodResolver(UnitCreate),
    defaultValues: unit ? valuesOf(unit) : EMPTY,
  });

  const category = watch("category");
  // Area B roles manage only their own organisation's units: offer only their organisation.
  const ownOrganisation = me && scopeOfRole(me.role) === "own_organisation" ? me.organisation.code : null;
  const managers = useMemo(
    () =>
      organisations.filter(
        (o) =>
          category !== undefined &&
          canManageCategory(o, category) &&
          (ownOrganisation === null || o.code === ownOrganisation),
      ),
    [organisations, category, ownOrganisation],
  );
  const partners = organisations.filter((o) => o.kind === "partner");
  const towns = summary.data ? Object.keys(summary.data.byTown).sort() : [];

  // A partner that does not manage the chosen category cannot stay selected.
  useEffect(() => {
    const current = getValues("managingPartnerCode");
    if (organisations.length === 0 || current === null || current === undefined) return;
    if (!managers.some((o) => o.code === current)) setValue("managingPartnerCode", null);
  }, [managers, organisations.length, getValues, setValue]);

  const showServerErrors = (error: unknown) => {
    if (!isApiError(error)) return;
    if (error.status === 409 && error.errors.some((e) => e.path === "version")) {
      setConflict(true);
      return;
    }
    const loose: string[] = [];
    let first: FormName | null = null;
    for (const issue of error.errors) {
      const path = issue.path.split(".")[0] ?? "";
      if (isFieldName(path)) {
        setError(path, { type: "server", message: issue.message });
        first ??= path;
      } else loose.push(issue.message);
    }
    setOtherErrors(loose.length > 0 || first !== null ? loose : [error.detail]);
    if (first !== null) setFocus(first);
    else summaryRef.current?.focus();
  };

  const submit = handleSubmit(async (values) => {
    setConflict(false);
    setOtherErrors([]);
    try {
      if (unit) {
        const { code: _code, status: _status, ...fields } = values;
        await update.mutateAsync({ ...fields, version: unit.version });
        navigate(`/alloggi/${unit.id}`);
      } else {
        const created = await create.mutateAsync(values);
        navigate(`/alloggi/${created.id}`);
      }
    } catch (e) {
      showServerErrors(e);
    }
  });

  const reload = async () => {
    if (!unit) return;
    await queryClient.invalidateQueries({ queryKey: unitKeys.detail(unit.id) });
  };

  const errorOf = (name: FormName) => {
    const text = errors[name]?.message;
    return typeof text === "string" ? message(text) : undefined;
  };
  const invalid = FIELD_NAMES.filter((name) => errors[name]?.message);
  const unexpected = !isApiError(create.error ?? update.error) ? (create.error ?? update.error) : null;

  const field = (name: FormName) => ({ id: `unit-${name}`, label: labels.field(name), error: errorOf(name) });

  return (
    <form noValidate onSubmit={submit} aria-describedby="required-note">
      <p id="required-note" className="small">
        {t("form.requiredNote")}
      </p>
      {conflict ? (
        <div className="alert alert-warning" role="alert">
          <p>{t("form.conflict")}</p>
          <button type="button" className="btn btn-primary btn-sm" onClick={reload}>
            {t("form.reload")}
          </button>
        </div>
      ) : null}
      {unexpected ? <ErrorAlert error={unexpected} /> : null}
      {submitCount > 0 ? (
        <ErrorSummary
          summaryRef={summaryRef}
          id="form-errors"
          items={[
            ...invalid.map((name) => ({
              key: name,
              href: `#unit-${name}`,
              focus: () => setFocus(name),
              text: errorOf(name) ?? "",
            })),
            ...otherErrors.map((text) => ({ key: text, text: message(text) })),
          ]}
        />
      ) : null}

      <FieldSet legend={t("form.sections.identity")}>
        <div className="row">
          <TextField
            {...field("code")}
            className="col-12 col-md-4"
            required
            readOnly={unit !== undefined}
            hint={unit ? t("form.hints.codeFixed") : t("form.hints.code")}
            registration={register("code")}
          />
          <TextField
            {...field("address")}
            className="col-12 col-md-8"
            required
            autoComplete="off"
            registration={register("address")}
          />
          <div className="col-12 col-md-4">
            <TextField
              {...field("town")}
              required
              list="unit-town-list"
              autoComplete="off"
              registration={register("town")}
            />
            <datalist id="unit-town-list">
              {towns.map((town) => (
                <option key={town} value={town} />
              ))}
            </datalist>
          </div>
          <SelectField
            {...field("municipio")}
            className="col-12 col-md-4"
            hint={t("form.hints.municipio")}
            empty="—"
            options={[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ value: String(n), label: String(n) }))}
            registration={register("municipio", { setValueAs: asNumberOrNull })}
          />
          <TextField
            {...field("buildingCode")}
            className="col-12 col-md-4"
            hint={t("form.hints.buildingCode")}
            registration={register("buildingCode", { setValueAs: asTextOrNull })}
          />
        </div>
      </FieldSet>

      <FieldSet legend={t("form.sections.features")}>
        <div className="row">
          <TextField
            {...field("surfaceM2")}
            className="col-12 col-md-4"
            required
            inputMode="decimal"
            hint={t("form.hints.surface")}
            registration={register("surfaceM2", { setValueAs: asNumber })}
          />
          <TextField
            {...field("rooms")}
            className="col-6 col-md-2"
            type="number"
            min={1}
            max={20}
            required
            registration={register("rooms", { setValueAs: asNumber })}
          />
          <TextField
            {...field("bedrooms")}
            className="col-6 col-md-2"
            type="number"
            min={0}
            max={15}
            required
            registration={register("bedrooms", { setValueAs: asNumber })}
          />
          <TextField
            {...field("floor")}
            className="col-6 col-md-2"
            type="number"
            min={-3}
            max={60}
            required
            registration={register("floor", { setValueAs: asNumber })}
          />
          <SelectField
            {...field("energyClass")}
            className="col-6 col-md-2"
            empty="—"
            options={ENERGY_CLASSES.map((c) => ({ value: c, label: c }))}
            registration={register("energyClass", { setValueAs: asTextOrNull })}
          />
          <SelectField
            {...field("condition")}
            className="col-12 col-md-4"
            required
            options={labels.conditionOptions}
            registration={register("condition")}
          />
          <div className="col-12 col-md-8 d-flex flex-wrap gap-4 align-items-start pt-2">
            <CheckboxField {...field("lift")} registration={register("lift")} />
            <CheckboxField {...field("stepFree")} registration={register("stepFree")} />
            <CheckboxField {...field("wheelchairAdapted")} registration={register("wheelchairAdapted")} />
          </div>
        </div>
      </FieldSet>

      <FieldSet legend={t("form.sections.management")}>
        <div className="row">
          <SelectField
            {...field("origin")}
            className="col-12 col-md-6"
            required
            options={labels.originOptions}
            registration={register("origin")}
          />
          <SelectField
            {...field("category")}
            className="col-12 col-md-6"
            required
            options={labels.categoryOptions}
            registration={register("category")}
          />
          <SelectField
            {...field("managingPartnerCode")}
            className="col-12 col-md-6"
            hint={t("form.hints.managingPartner")}
            empty={t("form.noPartner")}
            options={managers.map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }))}
            registration={register("managingPartnerCode", { setValueAs: asTextOrNull })}
          />
          <SelectField
            {...field("comodatoPartnerCode")}
            className="col-12 col-md-6"
            empty={t("form.noPartner")}
            options={partners.map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }))}
            registration={register("comodatoPartnerCode", { setValueAs: asTextOrNull })}
          />
          <TextField
            {...field("comodatoStart")}
            className="col-12 col-md-6"
            type="date"
            registration={register("comodatoStart", { setValueAs: asTextOrNull })}
          />
          <TextField
            {...field("comodatoEnd")}
            className="col-12 col-md-6"
            type="date"
            registration={register("comodatoEnd", { setValueAs: asTextOrNull })}
          />
          {unit ? null : (
            <SelectField
              {...field("status")}
              className="col-12 col-md-6"
              hint={t("form.hints.status")}
              options={labels.statusOptions}
              registration={register("status")}
            />
          )}
          <TextAreaField {...field("notes")} className="col-12" registration={register("notes")} />
        </div>
      </FieldSet>

      <div className="d-flex flex-wrap gap-2">
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {isSubmitting ? t("form.saving") : unit ? t("form.saveChanges") : t("form.create")}
        </button>
        <Link to={unit ? `/alloggi/${unit.id}` : "/alloggi"} className="btn btn-outline-secondary">
          {t("form.cancel")}
        </Link>
      </div>
    </form>
  );
}

/** Nuovo alloggio (no id) or Modifica alloggio (with id), on the shared UnitCreate schema. */
export function UnitFormPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const canWrite = useCan("units:write");
  const editing = id !== undefined;
  const unit = useUnit(id ?? "", { enabled: editing });
  const title = editing ? t("form.editTitle", { code: unit.data?.code ?? "…" }) : t("form.createTitle");
  return (
    <>
      <PageTitle title={title} />
      {!canWrite ? (
        <div className="alert alert-warning" role="alert">
          {t("errors.forbidden")}
        </div>
      ) : !editing ? (
        <UnitForm />
      ) : unit.data ? (
        <UnitForm key={unit.data.version} unit={unit.data} />
      ) : unit.error ? (
        <ErrorAlert error={unit.error} onRetry={() => unit.refetch()} />
      ) : (
        <Loading />
      )}
    </>
  );
}
