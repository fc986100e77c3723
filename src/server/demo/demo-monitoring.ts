// SPDX-License-Identifier: EUPL-1.2
import { sql } from "drizzle-orm";
import type { Role } from "../../domain/auth/roles.ts";
import type { Db } from "../db/client.ts";

/** The day the demo's stock came into the programme: the convention's first day. */
export const DEMO_STOCK_SINCE = "2026-01-01";

/**
 * The demo units' status history, as the monitoring indicators read it (occupancy, vacancy, units
 * renovated): every unit entered the programme on the convention's first day; the units of a
 * completed works were under renovation until it ended; a let unit was available until its
 * tenancy started. Written after the works and tenancies, from them.
 */
export async function insertDemoMonitoring(
  tx: Db,
  _partnerId: (code: string | null) => string | null,
  _userOf: Map<Role, string>,
): Promise<void> {
  const since = sql`(${DEMO_STOCK_SINCE}::date + time '09:00') at time zone 'Europe/Rome'`;
  const completed = sql`select wu.unit_id, w.completed_on from works_units wu join works w on w.id = wu.works_id
    where w.status = 'completed' and w.completed_on > ${DEMO_STOCK_SINCE}::date`;
  const started = sql`select unit_id, start_on from tenancies
    where status in ('active', 'ended') and start_on > ${DEMO_STOCK_SINCE}::date`;
  // The status each unit had on the first day: what its later events start from.
  await tx.execute(sql`update unit_events e set at = ${since},
      to_status = case
        when exists (select 1 from (${completed}) c where c.unit_id = e.unit_id) then 'renovating'
        when exists (select 1 from (${started}) s where s.unit_id = e.unit_id) then 'available'
        else e.to_status end
    where e.kind = 'imported'`);
  await tx.execute(sql`insert into unit_events (unit_id, at, kind, from_status, to_status, note)
    select c.unit_id, (c.completed_on + time '17:00') at time zone 'Europe/Rome', 'status', 'renovating', 'available',
      'Lavori completati (programma dimostrativo)'
    from (${completed}) c`);
  await tx.execute(sql`insert into unit_events (unit_id, at, kind, from_status, to_status, note)
    select s.unit_id, (s.start_on + time '10:00') at time zone 'Europe/Rome', 'status', 'available', u.status,
      'Inizio del contratto (programma dimostrativo)'
    from (${started}) s join units u on u.id = s.unit_id
    where u.status in ('let', 'vacating', 'let_pending')`);
}
