// SPDX-License-Identifier: EUPL-1.2
import { asc } from "drizzle-orm";
import { vatCheckDigit } from "../../domain/works/contractor.ts";
import type { ContractorView, WorksDetail } from "../../domain/works/works-api.schema.ts";
import { contractors, works, worksCostLines, worksPhases, worksUnits } from "../db/schema.ts";
import type { TestClient, TestContext } from "../testing/test-context.ts";

/*
 * The renovation records each partner's accounts attack the other partners' with: a contractor the
 * partner registered (the register is shared: everyone reads it, only its registering organisation
 * or the Comune changes it) and a works on one of its units, awarded, with a phase and a cost.
 */

export type Renovation = { contractor: ContractorView; works: WorksDetail };

/** A partita IVA of 11 digits with its check digit, one per `n`. */
export function vatNumberFor(n: number): string {
  const body = String(7_000_000_000 + n).padStart(10, "0");
  return `${body}${vatCheckDigit(body)}`;
}

async function created<T>(res: Response, what: string): Promise<T> {
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`${what} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function renovationOf(
  manager: TestClient,
  options: { code: string; n: number; unitCode: string },
): Promise<Renovation> {
  const contractor = await created<ContractorView>(
    await manager.post("/contractors", {
      name: `Impresa di prova ${options.code}`,
      vatNumber: vatNumberFor(options.n),
      whiteList: { prefecture: "Prefettura di Milano", registeredOn: "2026-01-10", expiresOn: "2027-01-09" },
      qualifications: ["OG1 II"],
    }),
    "contractor",
  );
  let job = await created<WorksDetail>(
    await manager.post("/works", {
      title: `Lavori di prova ${options.code}`,
      units: [options.unitCode],
      estimateExVatCents: 2_000_000,
      phases: [{ name: "Demolizioni", plannedStart: "2026-09-01", plannedEnd: "2026-09-30" }],
    }),
    "works",
  );
  job = await created<WorksDetail>(
    await manager.post(`/works/${job.id}/award`, {
      contractorId: contractor.id,
      awardedOn: "2026-08-20",
      version: job.version,
    }),
    "award",
  );
  job = await created<WorksDetail>(
    await manager.post(`/works/${job.id}/costs`, {
      description: "Opere edili di prova",
      invoiceNumber: `FT-${options.code}`,
      invoiceDate: "2026-09-30",
      amountExVatCents: 500_000,
      vatCents: 50_000,
      fundingSource: "grant",
    }),
    "cost",
  );
  return { contractor, works: job };
}

/** Every renovation row, read as the owner: what an attack must leave as it was. */
export async function renovationSnapshot(ctx: TestContext) {
  const db = ctx.db;
  return {
    contractors: await db.select().from(contractors).orderBy(asc(contractors.vatNumber)),
    works: await db.select().from(works).orderBy(asc(works.reference)),
    worksUnits: await db.select().from(worksUnits).orderBy(asc(worksUnits.worksId), asc(worksUnits.unitId)),
    worksPhases: await db.select().from(worksPhases).orderBy(asc(worksPhases.id)),
    worksCostLines: await db.select().from(worksCostLines).orderBy(asc(worksCostLines.id)),
  };
}
