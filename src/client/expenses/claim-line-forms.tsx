// SPDX-License-Identifier: EUPL-1.2
import { useTranslation } from "react-i18next";
import { z } from "zod";
import {
  CostLineInput,
  EXPENSE_DOCUMENT_CONTENT_TYPES,
  EXPENSE_DOCUMENT_MAX_BYTES,
  ExpenseDocumentFields,
} from "../../domain/expenses/expenses.ts";
import type { ClaimDetailView, CostLineView } from "../../domain/expenses/expenses-api.schema.ts";
import { SubmitButton } from "../components/form-field.tsx";
import { useFormat } from "../format.ts";
import { FormCard, orUndefined } from "../funding/funding-form.tsx";
import { centsOf } from "../tenancies/money.ts";
import { useAddDocument, useAddLine } from "./expenses-api.ts";
import { useExpenseForm } from "./expenses-form.tsx";
import { useExpenseLabels, useExpensesT } from "./expenses-i18n.ts";

// A draft's cost lines and their supporting documents: a new line (voce di spesa), and a document
// (giustificativo) uploaded to a line, each refused beside its field when it breaks a rule.

const LINE_FIELDS = ["description", "supplier", "incurredOn", "amount"] as const;
type LineField = (typeof LINE_FIELDS)[number];

/** Aggiungi una voce di spesa: what, from whom, when (within the claim's period), how much. */
export function AddLineForm({ claim, onSaved }: { claim: ClaimDetailView; onSaved: (text: string) => void }) {
  const { t } = useExpensesT();
  const { t: common } = useTranslation();
  const format = useFormat();
  const add = useAddLine(claim.id);
  const form = useExpenseForm<LineField, CostLineInput>({
    id: "line-new",
    schema: CostLineInput,
    fields: LINE_FIELDS,
    defaults: { description: "", supplier: "", incurredOn: "", amount: "" },
    inputOf: (v) => ({
      description: v.description,
      supplier: v.supplier,
      incurredOn: v.incurredOn,
      amountCents: centsOf(v.amount),
    }),
    labelOf: (f) => t(`lineForm.${f}`),
    fieldOf: (path) => (path === "amountCents" ? "amount" : null),
    resetAfterSave: true,
    save: async (input) => {
      await add.mutateAsync(input);
      onSaved(t("lineForm.done", { description: input.description }));
    },
  });
  return (
    <FormCard
      id="line-new"
      title={t("lineForm.title")}
      lead={t("lineForm.lead", { from: format.date(claim.periodFrom), to: format.date(claim.periodTo) })}
    >
      <form noValidate onSubmit={form.submit} aria-labelledby="line-new-title">
        <p className="small">{common("form.requiredNote")}</p>
        {form.problems}
        <div className="row">
          {form.text("description", "col-12", { required: true })}
          {form.text("supplier", "col-12 col-md-6")}
          {form.text("incurredOn", "col-12 col-md-3", { required: true, type: "date" })}
          {form.text("amount", "col-12 col-md-3", { required: true, inputMode: "decimal" })}
        </div>
        <SubmitButton submitting={form.isSubmitting} label={t("lineForm.save")} />
      </form>
    </FormCard>
  );
}

// The API's messages for the file's checks, so the `messages` translations apply to both.
const FILE_REQUIRED = "Attach one file in the field `file`";
/** The upload's fields and one file of an accepted type and size, checked before sending. */
const DocumentUpload = ExpenseDocumentFields.extend({
  file: z
    .custom<File>((f) => f instanceof File, { error: FILE_REQUIRED })
    .refine((f) => f.size <= EXPENSE_DOCUMENT_MAX_BYTES, { error: "A file may be at most 10 MiB" })
    .refine((f) => EXPENSE_DOCUMENT_CONTENT_TYPES.some((type) => type === f.type), {
      error: "Attach a PDF, PNG or JPEG file",
    }),
});
type DocumentUpload = z.infer<typeof DocumentUpload>;

const DOCUMENT_FIELDS = ["kind", "issuer", "number", "issuedOn", "file"] as const;
type DocumentField = (typeof DOCUMENT_FIELDS)[number];

/** Aggiungi un giustificativo: an invoice, a proof of payment or a timesheet, with its file. */
export function DocumentForm({
  claim,
  line,
  onSaved,
}: {
  claim: ClaimDetailView;
  line: CostLineView;
  onSaved: (text: string) => void;
}) {
  const { t } = useExpensesT();
  const { t: common } = useTranslation();
  const labels = useExpenseLabels();
  const upload = useAddDocument(claim.id, line.id);
  const id = `line-${line.position}-document`;
  const form = useExpenseForm<DocumentField, DocumentUpload>({
    id,
    schema: DocumentUpload,
    fields: DOCUMENT_FIELDS,
    defaults: { kind: "", issuer: line.supplier, number: "", issuedOn: line.incurredOn, file: "" },
    inputOf: (v) => ({
      kind: orUndefined(v.kind),
      issuer: v.issuer,
      number: v.number,
      issuedOn: v.issuedOn,
      file: (v.file as unknown as FileList | undefined)?.[0],
    }),
    labelOf: (f) => t(`documentForm.${f}`),
    resetAfterSave: true,
    save: async (input) => {
      const body = new FormData();
      body.set("kind", input.kind);
      body.set("issuer", input.issuer);
      body.set("number", input.number);
      body.set("issuedOn", input.issuedOn);
      body.set("file", input.file, input.file.name);
      await upload.mutateAsync(body);
      onSaved(
        t("documentForm.done", {
          kind: labels.documentKind(input.kind),
          number: input.number,
          n: line.position,
        }),
      );
    },
  });
  const fileId = form.fieldId("file");
  const fileError = form.errorOf("file");
  return (
    <FormCard
      id={id}
      level={3}
      title={t("documentForm.title", { n: line.position, description: line.description })}
      lead={t("documentForm.lead")}
    >
      <form noValidate onSubmit={form.submit} encType="multipart/form-data" aria-labelledby={`${id}-title`}>
        <p className="small">{common("form.requiredNote")}</p>
        {form.problems}
        <div className="row">
          {form.select("kind", "col-12 col-md-6", labels.documentKindOptions, {
            required: true,
            empty: t("claimForm.choose"),
          })}
          {form.text("issuer", "col-12 col-md-6", { required: true })}
          {form.text("number", "col-12 col-md-6", { required: true })}
          {form.text("issuedOn", "col-12 col-md-6", { required: true, type: "date" })}
          <div className="form-group col-12">
            <label htmlFor={fileId} className="active">
              {t("documentForm.file")}
              <span className="text-danger ms-1" aria-hidden="true">
                *
              </span>
            </label>
            <input
              id={fileId}
              type="file"
              className={`form-control${fileError ? " is-invalid" : ""}`}
              accept={EXPENSE_DOCUMENT_CONTENT_TYPES.join(",")}
              required
              aria-invalid={fileError ? true : undefined}
              aria-describedby={`${fileId}-hint${fileError ? ` ${fileId}-error` : ""}`}
              {...form.register("file")}
            />
            <small id={`${fileId}-hint`} className="form-text">
              {t("documentForm.fileHint")}
            </small>
            {fileError ? (
              <div id={`${fileId}-error`} className="field-error">
                {fileError}
              </div>
            ) : null}
          </div>
        </div>
        <SubmitButton submitting={form.isSubmitting} label={t("documentForm.save")} />
      </form>
    </FormCard>
  );
}
