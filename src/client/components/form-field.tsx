// SPDX-License-Identifier: EUPL-1.2
import type { HTMLInputTypeAttribute, ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";

// Form fields in Bootstrap Italia markup. Each field links its hint and its error to the control
// with aria-describedby and marks itself aria-invalid, so the message is read with the field.

type FieldBase = {
  id: string;
  label: string;
  /** The message to show, already in the interface language. */
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  className?: string;
};

function ariaOf(id: string, error: string | undefined, hint: string | undefined) {
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described === "" ? undefined : described,
  } as const;
}

function Label({ id, label, required }: { id: string; label: string; required?: boolean | undefined }) {
  return (
    <label htmlFor={id} className="active">
      {label}
      {required ? (
        <span className="text-danger ms-1" aria-hidden="true">
          *
        </span>
      ) : null}
    </label>
  );
}

function Messages({
  id,
  error,
  hint,
}: {
  id: string;
  error?: string | undefined;
  hint?: string | undefined;
}) {
  return (
    <>
      {hint ? (
        <small id={`${id}-hint`} className="form-text">
          {hint}
        </small>
      ) : null}
      {error ? (
        <div id={`${id}-error`} className="field-error">
          {error}
        </div>
      ) : null}
    </>
  );
}

type TextFieldProps = FieldBase & {
  registration: UseFormRegisterReturn;
  type?: HTMLInputTypeAttribute;
  inputMode?: "text" | "decimal" | "numeric" | "email" | "search";
  autoComplete?: string;
  readOnly?: boolean;
  /** Id of a datalist with suggestions. */
  list?: string;
  min?: number;
  max?: number;
  step?: number | "any";
};

export function TextField(props: TextFieldProps) {
  const { id, label, error, hint, required, className, registration, type = "text", ...rest } = props;
  return (
    <div className={`form-group ${className ?? ""}`}>
      <Label id={id} label={label} required={required} />
      <input
        type={type}
        className={`form-control${error ? " is-invalid" : ""}`}
        aria-required={required || undefined}
        {...ariaOf(id, error, hint)}
        {...rest}
        {...registration}
      />
      <Messages id={id} error={error} hint={hint} />
    </div>
  );
}

type TextAreaFieldProps = FieldBase & { registration: UseFormRegisterReturn; rows?: number };

export function TextAreaField(props: TextAreaFieldProps) {
  const { id, label, error, hint, required, className, registration, rows = 3 } = props;
  return (
    <div className={`form-group ${className ?? ""}`}>
      <Label id={id} label={label} required={required} />
      <textarea
        className={`form-control${error ? " is-invalid" : ""}`}
        rows={rows}
        {...ariaOf(id, error, hint)}
        {...registration}
      />
      <Messages id={id} error={error} hint={hint} />
    </div>
  );
}

export type Option = { value: string; label: string };

type SelectFieldProps = FieldBase & {
  registration: UseFormRegisterReturn;
  options: readonly Option[];
  /** Label of an empty first option, for optional fields. */
  empty?: string;
};

export function SelectField(props: SelectFieldProps) {
  const { id, label, error, hint, required, className, registration, options, empty } = props;
  return (
    <div className={`select-wrapper form-group ${className ?? ""}`}>
      <Label id={id} label={label} required={required} />
      <select
        className={error ? "is-invalid" : undefined}
        aria-required={required || undefined}
        {...ariaOf(id, error, hint)}
        {...registration}
      >
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Messages id={id} error={error} hint={hint} />
    </div>
  );
}

type CheckboxFieldProps = FieldBase & { registration: UseFormRegisterReturn };

export function CheckboxField(props: CheckboxFieldProps) {
  const { id, label, error, hint, className, registration } = props;
  return (
    <div className={`form-check ${className ?? ""}`}>
      <input type="checkbox" {...ariaOf(id, error, hint)} {...registration} />
      <label htmlFor={id}>{label}</label>
      <Messages id={id} error={error} hint={hint} />
    </div>
  );
}

/** A group of fields with a visible legend. */
export function FieldSet({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="form-section mb-4">
      <legend className="h5">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** The form's main button: disabled while the form is being sent, and saying so. */
export function SubmitButton({
  submitting,
  label,
  busyLabel,
}: {
  submitting: boolean;
  label: string;
  /** What it says while sending; `form.saving` unless told. */
  busyLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <button type="submit" className="btn btn-primary" disabled={submitting}>
      {submitting ? (busyLabel ?? t("form.saving")) : label}
    </button>
  );
}
