// SPDX-License-Identifier: EUPL-1.2
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { Role } from "../../domain/auth/roles.ts";
import { DEMO_ANNOUNCEMENTS, DEMO_LIBRARY } from "../../domain/demo/demo-workspace.ts";
import type { Db } from "../db/client.ts";
import { announcements, governanceBodies, libraryDocuments, libraryVersions } from "../db/schema.ts";

/** A one-page PDF saying what it is: the demo library's files. */
async function demoPdf(lines: string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  lines.forEach((line, i) => {
    page.drawText(line, { x: 56, y: 780 - i * 20, size: 12, font });
  });
  // A fixed date keeps the file the same from one seed to the next.
  pdf.setCreationDate(new Date("2026-01-01T00:00:00Z"));
  pdf.setModificationDate(new Date("2026-01-01T00:00:00Z"));
  return pdf.save();
}

/** The demo's announcements and library documents with their versions. */
export async function insertDemoWorkspace(
  tx: Db,
  partnerId: (code: string | null) => string | null,
  userOf: Map<Role, string>,
): Promise<void> {
  const [cabina] = await tx
    .select({ id: governanceBodies.id })
    .from(governanceBodies)
    .where(eq(governanceBodies.level, "directive"));
  for (const a of DEMO_ANNOUNCEMENTS) {
    await tx.insert(announcements).values({
      title: a.title,
      body: a.body,
      bodyId: a.toCabina ? (cabina?.id ?? null) : null,
      authorId: userOf.get("comune_admin") ?? null,
      publishedAt: new Date(a.on),
    });
  }
  const uploaderOf = (code: string) =>
    userOf.get(code === "COMUNE-MI" ? "comune_admin" : code === "ETS-A" ? "area_a" : "area_b_manager") ??
    null;
  for (const d of DEMO_LIBRARY) {
    const [row] = await tx
      .insert(libraryDocuments)
      .values({
        title: d.title,
        folder: d.folder,
        description: d.description,
        currentVersion: d.versions.length,
        createdBy: uploaderOf(d.versions[0]?.organisationCode as string),
      })
      .returning({ id: libraryDocuments.id });
    for (const [i, v] of d.versions.entries()) {
      const bytes = await demoPdf([d.title, `Versione ${i + 1}: ${v.note}`, "Documento dimostrativo (demo)"]);
      await tx.insert(libraryVersions).values({
        documentId: row?.id as string,
        version: i + 1,
        fileName: `${d.title
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")
          .replace(/^-|-$/g, "")}-v${i + 1}.pdf`,
        contentType: "application/pdf",
        sizeBytes: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        content: Buffer.from(bytes),
        note: v.note,
        uploadedBy: uploaderOf(v.organisationCode),
        organisationId: partnerId(v.organisationCode) as string,
        uploadedAt: new Date(v.on),
      });
    }
  }
}
