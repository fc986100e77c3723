// SPDX-License-Identifier: EUPL-1.2
import { useTranslation } from "react-i18next";
import {
  LibraryDocumentFields,
  type LibraryFolder,
  LibraryVersionFields,
} from "../../domain/workspace/workspace.ts";
import type { LibraryDocumentView } from "../../domain/workspace/workspace-api.schema.ts";
import { useCan } from "../auth/session.ts";
import { SubmitButton } from "../components/form-field.tsx";
import { ListStatus } from "../components/list-status.tsx";
import { useFormat } from "../format.ts";
import { FormCard, TableScroll, useDone } from "../funding/funding-form.tsx";
import { useBodies } from "../governance/governance-api.ts";
import { useAddDocument, useAddVersion, useLibrary, versionHref } from "./workspace-api.ts";
import { chosenFile, UploadFile, useWorkspaceForm } from "./workspace-form.tsx";
import { useWorkspaceLabels, useWorkspaceT } from "./workspace-i18n.ts";
import { byFolder, documentId, folderId } from "./workspace-paths.ts";

/** La biblioteca dei documenti: the documents by folder, each with its versions; the forms to add. */
export function Library() {
  const { t } = useWorkspaceT();
  const labels = useWorkspaceLabels();
  const canWrite = useCan("library:write");
  const library = useLibrary();
  const done = useDone();
  const items = library.data?.items;
  return (
    <section className="mb-5" aria-labelledby="biblioteca">
      <h2 id="biblioteca" className="h3">
        {t("library.title")}
      </h2>
      <p>{t("library.lead")}</p>
      <ListStatus query={library} count={items?.length} empty={<p>{t("library.empty")}</p>} />
      {canWrite ? done.node : null}
      {items
        ? byFolder(items).map(({ folder, documents }) => (
            <section key={folder} className="mb-4" aria-labelledby={folderId(folder)}>
              <h3 id={folderId(folder)} className="h4">
                {labels.folder(folder)}
              </h3>
              {documents.map((d) => (
                <LibraryDocument key={d.id} document={d} canWrite={canWrite} onSaved={done.say} />
              ))}
            </section>
          ))
        : null}
      {canWrite ? <NewDocumentForm onSaved={done.say} /> : null}
    </section>
  );
}

function LibraryDocument({
  document: d,
  canWrite,
  onSaved,
}: {
  document: LibraryDocumentView;
  canWrite: boolean;
  onSaved: (text: string) => void;
}) {
  const { t } = useWorkspaceT();
  const format = useFormat();
  const id = documentId(d.id);
  const latest = d.versions[0];
  return (
    <article id={id} className="card shadow-sm mb-3" aria-labelledby={`${id}-title`}>
      <div className="card-body">
        <h4 id={`${id}-title`} className="h5">
          {d.title}
        </h4>
        {d.description === "" ? null : <p className="mb-2">{d.description}</p>}
        <p className="small mb-2">
          {t("library.current", { version: d.currentVersion })}
          {latest ? (
            <>
              <span aria-hidden="true"> · </span>
              <span className="visually-hidden">. </span>
              {t("library.latestBy", {
                name: latest.uploadedBy,
                organisation: latest.organisationCode,
                date: format.dateTime(latest.uploadedAt),
              })}{" "}
              <a href={versionHref(d.id, latest.version)}>
                {latest.fileName}
                <span className="visually-hidden"> {t("library.download", { version: latest.version })}</span>
              </a>
            </>
          ) : null}
        </p>
        <details className="workspace-details">
          <summary>
            {t("library.history", { count: d.versions.length })}
            <span className="visually-hidden">: {d.title}</span>
          </summary>
          <TableScroll label={t("library.caption", { title: d.title })} className="workspace-scroll">
            <table className="table table-sm workspace-table">
              <caption>{t("library.caption", { title: d.title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("library.version")}</th>
                  <th scope="col">{t("library.file")}</th>
                  <th scope="col">{t("library.note")}</th>
                  <th scope="col">{t("library.uploadedBy")}</th>
                  <th scope="col">{t("library.organisation")}</th>
                  <th scope="col">{t("library.uploadedAt")}</th>
                </tr>
              </thead>
              <tbody>
                {d.versions.map((v) => (
                  <tr key={v.version}>
                    <th scope="row">{t("library.versionN", { version: v.version })}</th>
                    <td>
                      <a href={versionHref(d.id, v.version)}>
                        {v.fileName}
                        <span className="visually-hidden">
                          {" "}
                          {t("library.download", { version: v.version })}
                        </span>
                      </a>
                    </td>
                    <td>{v.note === "" ? "—" : v.note}</td>
                    <td>{v.uploadedBy}</td>
                    <td>{v.organisationCode}</td>
                    <td>{format.dateTime(v.uploadedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </details>
        {canWrite ? (
          <details className="workspace-details">
            <summary>
              {t("versionForm.open")}
              <span className="visually-hidden">: {d.title}</span>
            </summary>
            <VersionForm document={d} onSaved={onSaved} />
          </details>
        ) : null}
      </div>
    </article>
  );
}

const VERSION_FIELDS = ["file", "note"] as const;
type VersionField = (typeof VERSION_FIELDS)[number];
const VersionUpload = LibraryVersionFields.extend({ file: UploadFile });
type VersionUpload = typeof VersionUpload._output;

/**
 * Carica una nuova versione: the file and a note, sent with the version shown on the page (`basedOn`);
 * when someone uploaded a newer one meanwhile, the API's 409 is shown beside the file.
 */
function VersionForm({
  document: d,
  onSaved,
}: {
  document: LibraryDocumentView;
  onSaved: (text: string) => void;
}) {
  const { t } = useWorkspaceT();
  const { t: common } = useTranslation();
  const upload = useAddVersion(d.id);
  const id = `version-${d.id}`;
  const form = useWorkspaceForm<VersionField, VersionUpload>({
    id,
    schema: VersionUpload,
    fields: VERSION_FIELDS,
    defaults: { file: "", note: "" },
    inputOf: (v) => ({ file: chosenFile(v.file), note: v.note, basedOn: d.currentVersion }),
    labelOf: (f) => t(`versionForm.${f}`),
    // The version read is not a field: a newer one come meanwhile is said beside the file.
    fieldOf: (path) => (path === "basedOn" ? "file" : null),
    resetAfterSave: true,
    save: async (input) => {
      const body = new FormData();
      body.set("basedOn", String(input.basedOn));
      body.set("note", input.note);
      body.set("file", input.file, input.file.name);
      const saved = await upload.mutateAsync(body);
      onSaved(t("versionForm.done", { title: saved.title, version: saved.currentVersion }));
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.submit}
      encType="multipart/form-data"
      aria-label={t("versionForm.title", { title: d.title })}
      className="mt-3"
    >
      <p className="small">
        {t("versionForm.lead", { version: d.currentVersion })} {common("form.requiredNote")}
      </p>
      {form.problems}
      <div className="row">
        {form.file("file", "col-12 col-md-6", t("versionForm.fileHint"))}
        {form.text("note", "col-12 col-md-6")}
      </div>
      <SubmitButton submitting={form.isSubmitting} label={t("versionForm.save")} />
    </form>
  );
}

const DOCUMENT_FIELDS = ["title", "folder", "bodyId", "description", "file", "note"] as const;
type DocumentField = (typeof DOCUMENT_FIELDS)[number];
const DocumentUpload = LibraryDocumentFields.extend({ file: UploadFile });
type DocumentUpload = typeof DocumentUpload._output;

/** Aggiungi un documento: its title, folder, body, description, and its first version's file. */
function NewDocumentForm({ onSaved }: { onSaved: (text: string) => void }) {
  const { t } = useWorkspaceT();
  const { t: common } = useTranslation();
  const labels = useWorkspaceLabels();
  const bodies = useBodies();
  const add = useAddDocument();
  const form = useWorkspaceForm<DocumentField, DocumentUpload>({
    id: "document",
    schema: DocumentUpload,
    fields: DOCUMENT_FIELDS,
    defaults: { title: "", folder: "", bodyId: "", description: "", file: "", note: "" },
    inputOf: (v) => ({
      title: v.title,
      folder: v.folder === "" ? undefined : v.folder,
      bodyId: v.bodyId,
      description: v.description,
      file: chosenFile(v.file),
      note: v.note,
    }),
    labelOf: (f) => t(`documentForm.${f}`),
    resetAfterSave: true,
    save: async (input) => {
      const body = new FormData();
      body.set("title", input.title);
      body.set("folder", input.folder);
      body.set("description", input.description);
      if (input.bodyId !== null) body.set("bodyId", input.bodyId);
      body.set("note", input.note);
      body.set("file", input.file, input.file.name);
      const saved = await add.mutateAsync(body);
      onSaved(
        t("documentForm.done", { title: saved.title, folder: labels.folder(saved.folder as LibraryFolder) }),
      );
    },
  });
  const audiences = (bodies.data?.bodies ?? []).map((b) => ({ value: b.id, label: b.name }));
  return (
    <FormCard id="document-new" level={3} title={t("documentForm.heading")} lead={t("documentForm.lead")}>
      <form
        noValidate
        onSubmit={form.submit}
        encType="multipart/form-data"
        aria-labelledby="document-new-title"
      >
        <p className="small">{common("form.requiredNote")}</p>
        {form.problems}
        <div className="row">
          {form.text("title", "col-12 col-md-6", { required: true })}
          {form.select("folder", "col-12 col-md-3", labels.folderOptions, {
            required: true,
            empty: t("documentForm.choose"),
          })}
          {form.select("bodyId", "col-12 col-md-3", audiences, { empty: t("documentForm.noBody") })}
          {form.area("description", "col-12", { rows: 3 })}
          {form.file("file", "col-12 col-md-6", t("versionForm.fileHint"))}
          {form.text("note", "col-12 col-md-6")}
        </div>
        <SubmitButton submitting={form.isSubmitting} label={t("documentForm.save")} />
      </form>
    </FormCard>
  );
}
