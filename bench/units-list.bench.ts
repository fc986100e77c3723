// SPDX-License-Identifier: EUPL-1.2
import { performance } from "node:perf_hooks";
import { UnitListQuery } from "../src/domain/units/unit.schema.ts";
import type { Actor } from "../src/server/auth/auth.service.ts";
import { scopeOfActor } from "../src/server/http.ts";
import { listUnits } from "../src/server/units/units.service.ts";
import { asActorIn, type BenchDatabase } from "./bench-database.ts";
import { type Percentiles, percentiles } from "./measure.ts";

/** One filter combination of the unit list, as the query string would give it. */
export type ListCase = {
  name: string;
  /** The raw query-string values, parsed with `UnitListQuery` as the route does. */
  query: Record<string, string>;
  /** Call as the Area B manager (own units only) instead of the Comune administrator. */
  asPartner?: boolean;
};

/** The cases measured; `deepOffset` is half the stock, so the page is in the middle of the list. */
export function listCases(deepOffset: number): ListCase[] {
  return [
    { name: "no filter", query: {} },
    { name: "status=available", query: { status: "available" } },
    { name: "category+municipio", query: { category: "calmierato", municipio: "3" } },
    { name: "town=Rho", query: { town: "Rho" } },
    { name: "partner=ETS-B2", query: { partner: "ETS-B2" } },
    { name: "accessible=true", query: { accessible: "true" } },
    { name: "q=Glicini (address)", query: { q: "Glicini" } },
    { name: "q=MI3-000042 (code)", query: { q: "MI3-000042" } },
    { name: "sort=-surfaceM2", query: { sort: "-surfaceM2" } },
    { name: `offset=${deepOffset}`, query: { offset: String(deepOffset) } },
    { name: "Area B manager scope", query: {}, asPartner: true },
  ];
}

export type ListFigures = Percentiles & { name: string; calls: number; total: number; pageSize: number };

/** Call `listUnits` `calls` times in a row (after a short warm-up) and return the latency percentiles. */
export async function measureListCase(
  bench: BenchDatabase,
  listCase: ListCase,
  calls: number,
): Promise<ListFigures> {
  const query = UnitListQuery.parse(listCase.query);
  const actor: Actor = listCase.asPartner ? bench.partnerManager : bench.admin;
  // As a request runs it: a transaction as the application role, under row-level security, with the
  // page and the count alongside (at once on PostgreSQL).
  const scope = scopeOfActor(actor);
  const call = () =>
    asActorIn(bench, actor, (db) =>
      listUnits({ db, actor, query, alongside: (tasks) => bench.database.alongside(db, scope, tasks) }),
    );
  let last = await call();
  for (let i = 0; i < 4; i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const start = performance.now();
    last = await call();
    samples.push(performance.now() - start);
  }
  return {
    name: listCase.name,
    calls,
    total: last.total,
    pageSize: last.items.length,
    ...percentiles(samples),
  };
}
