// SPDX-License-Identifier: EUPL-1.2
import { createHash } from "node:crypto";
import type { Role } from "../../domain/auth/roles.ts";
import {
  DEMO_CLAIMS,
  DEMO_EXPENSE_BUDGETS,
  type DemoClaim,
  tinyPdf,
} from "../../domain/demo/demo-expenses.ts";
import type { Db } from "../db/client.ts";
import { expenseBudgets, expenseClaims, expenseDocuments, expenseLines } from "../db/schema.ts";

/** Noon in Milan on a demo day, as the moment a move was made. */
const at = (day: string | null) => (day === null ? null : new Date(`${day}T10:00:00Z`));

/**
 * The demo programme's expense claims: the budgets of the Area A and Area B partners, and claims at
 * each stage with their cost lines and documents (small generated PDFs). A rejected claim's documents
 * are released, as a review would leave them.
 */
export async function insertDemoExpenses(
  tx: Db,
  partnerId: (code: string | null) => string | null,
  userOf: Map<Role, string>,
): Promise<void> {
  const reviewer = userOf.get("comune_admin") ?? null;
  const authorOf = (code: string) =>
    (code === "ETS-A" ? userOf.get("area_a") : code === "ETS-B1" ? userOf.get("area_b_manager") : null) ??
    null;
  await tx.insert(expenseBudgets).values(
    DEMO_EXPENSE_BUDGETS.map(({ partnerCode, ...b }) => ({
      ...b,
      partnerId: partnerId(partnerCode) as string,
      createdBy: reviewer,
    })),
  );
  for (const claim of DEMO_CLAIMS)
    await insertClaim(
      tx,
      claim,
      partnerId(claim.partnerCode) as string,
      authorOf(claim.partnerCode),
      reviewer,
    );
}

async function insertClaim(
  tx: Db,
  claim: DemoClaim,
  partnerId: string,
  author: string | null,
  reviewer: string | null,
) {
  const decided = claim.decidedOn !== null;
  const [row] = await tx
    .insert(expenseClaims)
    .values({
      partnerId,
      line: claim.line,
      fundingSource: claim.fundingSource,
      periodFrom: claim.periodFrom,
      periodTo: claim.periodTo,
      title: claim.title,
      status: claim.status,
      submittedAt: at(claim.submittedOn),
      submittedBy: claim.submittedOn === null ? null : author,
      decidedAt: at(claim.decidedOn),
      decidedBy: decided ? reviewer : null,
      decisionNote: claim.decisionNote,
      reimbursementRequestedAt: at(claim.reimbursementRequestedOn),
      paidOn: claim.paidOn,
      paidCents:
        claim.paidOn === null ? null : claim.lines.reduce((sum, l) => sum + (l.approvedCents ?? 0), 0),
      createdBy: author,
      // Drafted with its last cost, submitted a few days later.
      createdAt:
        at(
          claim.lines
            .map((l) => l.incurredOn)
            .sort()
            .at(-1) ?? claim.periodFrom,
        ) ?? undefined,
    })
    .returning({ id: expenseClaims.id });
  const claimId = row?.id as string;
  for (const [i, { documents, ...line }] of claim.lines.entries()) {
    const [stored] = await tx
      .insert(expenseLines)
      .values({ claimId, position: i + 1, ...line })
      .returning({ id: expenseLines.id });
    if (documents.length === 0) continue;
    await tx.insert(expenseDocuments).values(
      documents.map((d) => {
        const content = tinyPdf([
          `${d.kind === "invoice" ? "Fattura" : d.kind === "timesheet" ? "Timesheet" : "Quietanza di pagamento"} ${d.number}`,
          d.issuer,
          `Data: ${d.issuedOn}`,
          `Voce: ${line.description}`,
          `Importo: ${(line.amountCents / 100).toFixed(2)} EUR`,
          "Documento fittizio del programma dimostrativo",
        ]);
        return {
          lineId: stored?.id as string,
          claimId,
          ...d,
          fileName: `${d.number}.pdf`,
          contentType: "application/pdf",
          sizeBytes: content.length,
          sha256: createHash("sha256").update(content).digest("hex"),
          content: Buffer.from(content),
          inUse: claim.status !== "rejected",
          uploadedBy: author,
          uploadedAt: at(line.incurredOn) ?? undefined,
        };
      }),
    );
  }
}
