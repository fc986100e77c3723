// SPDX-License-Identifier: EUPL-1.2
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { hasPermission, type Permission, type Role } from "../../domain/auth/roles.ts";
import type { NotificationKind } from "../../domain/workspace/workspace.ts";
import type { Database, Db } from "../db/client.ts";
import { notifications, users } from "../db/schema.ts";
import { romeDate } from "../households/households.service.ts";
import { SYSTEM_SCOPE } from "../http.ts";
import { logger } from "../logger.ts";
import { rowsOf } from "../security/catalogue.ts";

/*
 * Notifications: one per account and subject, in the app and, when a mail server is configured, by
 * e-mail. Producers call `notify` in their own transaction (a decision recorded, an announcement
 * published); `sweepNotifications` finds what awaits someone (overdue actions, referrals and offers
 * awaiting a partner) and is safe to run again; `dispatchEmails` sends what is pending, one message
 * at a time, and records each outcome.
 */

/** Sends one e-mail. */
export type Mailer = { send(message: { to: string; subject: string; text: string }): Promise<void> };

/** A mailer for an SMTP server given as `smtp://user:password@host:port` (or `smtps://`). */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}

export type Notice = { kind: NotificationKind; subjectKey: string; title: string; link: string };

/** Notify `userIds` of `notice` (once per account and subject); `email`: queue an e-mail too. */
export async function notify(db: Db, userIds: readonly string[], notice: Notice, email: boolean) {
  const recipients = [...new Set(userIds)];
  if (recipients.length === 0) return 0;
  await db
    .insert(notifications)
    .values(
      recipients.map((userId) => ({
        userId,
        ...notice,
        emailStatus: email ? "pending" : "none",
      })),
    )
    .onConflictDoNothing();
  return recipients.length;
}

/** The active accounts of `organisationIds` whose role has `permission`. */
export async function accountsOf(
  db: Db,
  organisationIds: readonly string[],
  permission: Permission,
): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(and(inArray(users.organisationId, [...organisationIds]), eq(users.active, true)));
  return rows.filter((r) => hasPermission(r.role as Role, permission)).map((r) => r.id);
}

type Awaiting = { organisationId: string; subjectKey: string; title: string; link: string };

/**
 * What awaits a partner today, each to the accounts of its organisation that act on it: an open action
 * past its due day (`governance:act` or `governance:write`), a referral not yet answered
 * (`referrals:answer`), an offer not yet answered (`offers:answer`). Run in a scope that sees them all.
 * Returns how many notifications it added.
 */
export async function sweepNotifications(db: Db, today: string, email: boolean): Promise<number> {
  const [actions, referrals, offers] = [
    await rowsOf<Awaiting>(
      db,
      sql`select a.owner_organisation_id as "organisationId", 'action_overdue:' || a.id as "subjectKey",
          'Azione in ritardo: ' || a.title || ' (scadenza ' || to_char(a.due_on, 'DD/MM/YYYY') || ')' as "title",
          '/governance/azioni' as "link"
        from governance_actions a where a.status = 'open' and a.due_on < ${today}::date`,
    ),
    await rowsOf<Awaiting>(
      db,
      sql`select r.partner_id as "organisationId", 'referral_awaiting:' || r.id as "subjectKey",
          'Segnalazione in attesa di risposta: nucleo ' || h.reference as "title",
          '/nuclei/' || h.id as "link"
        from referrals r join households h on h.id = r.household_id where r.status = 'pending'`,
    ),
    await rowsOf<Awaiting>(
      db,
      sql`select u.managing_partner_id as "organisationId", 'offer_awaiting:' || o.id as "subjectKey",
          'Proposta di alloggio in attesa: ' || u.code || ' (entro ' || to_char(o.due_on, 'DD/MM/YYYY') || ')' as "title",
          '/assegnazione/proposte' as "link"
        from allocation_offers o join units u on u.id = o.unit_id
        where o.status = 'pending' and u.managing_partner_id is not null`,
    ),
  ];
  const groups: [Awaiting[], NotificationKind, Permission[]][] = [
    [actions, "action_overdue", ["governance:act", "governance:write"]],
    [referrals, "referral_awaiting", ["referrals:answer"]],
    [offers, "offer_awaiting", ["offers:answer"]],
  ];
  let added = 0;
  for (const [items, kind, permissions] of groups) {
    const organisations = [...new Set(items.map((i) => i.organisationId))];
    const accounts = new Map<string, string[]>();
    for (const organisationId of organisations) {
      const ids = new Set<string>();
      for (const permission of permissions)
        for (const id of await accountsOf(db, [organisationId], permission)) ids.add(id);
      accounts.set(organisationId, [...ids]);
    }
    for (const item of items) {
      const before = await countOf(db, eq(notifications.subjectKey, item.subjectKey));
      await notify(db, accounts.get(item.organisationId) ?? [], { kind, ...item }, email);
      added += (await countOf(db, eq(notifications.subjectKey, item.subjectKey))) - before;
    }
  }
  return added;
}

async function countOf(db: Db, where: SQL) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(where);
  return row?.n ?? 0;
}

/**
 * Send the pending e-mails (oldest first, at most `limit`), each in its own short transaction of
 * `scoped` (the system scope), and record each outcome: sent, or failed with the server's answer.
 */
export async function dispatchEmails(
  scoped: <T>(fn: (db: Db) => Promise<T>) => Promise<T>,
  mailer: Mailer,
  limit = 100,
): Promise<{ sent: number; failed: number }> {
  const pending = await scoped((db) =>
    db
      .select({
        id: notifications.id,
        title: notifications.title,
        link: notifications.link,
        email: users.email,
        name: users.name,
      })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(eq(notifications.emailStatus, "pending"))
      .orderBy(asc(notifications.createdAt))
      .limit(limit),
  );
  let sent = 0;
  let failed = 0;
  for (const n of pending) {
    let error: string | null = null;
    try {
      await mailer.send({
        to: n.email,
        subject: `[CasaComune] ${n.title}`,
        text: `${n.name},\n\n${n.title}\n\nApri CasaComune: ${n.link}\n\nQuesto messaggio è inviato automaticamente da CasaComune.`,
      });
      sent++;
    } catch (e) {
      error = e instanceof Error ? e.message.slice(0, 500) : String(e);
      failed++;
    }
    await scoped((db) =>
      db
        .update(notifications)
        .set(
          error === null
            ? { emailStatus: "sent", emailedAt: sql`now()`, emailError: null }
            : { emailStatus: "failed", emailError: error },
        )
        .where(eq(notifications.id, n.id)),
    );
  }
  return { sent, failed };
}

/** How often the sweep and the mail dispatcher run. */
export const NOTIFIER_INTERVAL_MS = 5 * 60 * 1000;

/**
 * Run the sweep (and, with a mailer, the dispatcher) now and every `NOTIFIER_INTERVAL_MS`, in the system
 * scope; a failure is logged and the next round tries again.
 */
export function startNotifier(options: { database: Database; mailer: Mailer | null; now: () => Date }) {
  const { database, mailer, now } = options;
  const scoped = <T>(fn: (db: Db) => Promise<T>) => database.scoped(SYSTEM_SCOPE, fn);
  let running = false;
  const round = async () => {
    if (running) return;
    running = true;
    try {
      const added = await scoped((db) => sweepNotifications(db, romeDate(now()), mailer !== null));
      if (added > 0) logger.info(`notifications: ${added} added`);
      if (mailer !== null) {
        const { sent, failed } = await dispatchEmails(scoped, mailer);
        if (sent + failed > 0) logger.info(`notifications: ${sent} e-mail(s) sent, ${failed} failed`);
      }
    } catch (e) {
      logger.warn(`notifications: ${(e as Error).message}`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(round, 5_000);
  const timer = setInterval(round, NOTIFIER_INTERVAL_MS);
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
