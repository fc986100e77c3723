// SPDX-License-Identifier: EUPL-1.2
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { hasPermission, type Permission, type Role } from "../../domain/auth/roles.ts";
import {
  type NoticeParams,
  type NoticeValues,
  noticeEmail,
  noticeTitle,
} from "../../domain/workspace/notices.ts";
import type { NotificationKind } from "../../domain/workspace/workspace.ts";
import type { Database, Db } from "../db/client.ts";
import { governanceMembers, notifications, users } from "../db/schema.ts";
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

/** A notice of one kind with the values of its sentence, its subject (once per account) and its page. */
export type Notice = NoticeValues & { subjectKey: string; link: string };

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
        title: noticeTitle(notice, "it"),
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

/** The organisations represented on `day` in the memberships of governance body `bodyId`. */
export async function organisationsSittingIn(db: Db, bodyId: string, day: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: governanceMembers.organisationId })
    .from(governanceMembers)
    .where(
      and(
        eq(governanceMembers.bodyId, bodyId),
        sql`${governanceMembers.fromOn} <= ${day}::date`,
        sql`(${governanceMembers.toOn} is null or ${governanceMembers.toOn} >= ${day}::date)`,
      ),
    );
  return rows.map((r) => r.id);
}

type Awaiting<K extends NotificationKind> = {
  organisationId: string;
  subjectKey: string;
  params: NoticeParams<K>;
  link: string;
};

/**
 * What awaits a partner today, each to the accounts of its organisation that act on it: an open action
 * past its due day (`governance:act` or `governance:write`), a referral not yet answered
 * (`referrals:answer`), an offer not yet answered (`offers:answer`). Run in a scope that sees them all.
 * Returns how many notifications it added.
 */
export async function sweepNotifications(db: Db, today: string, email: boolean): Promise<number> {
  const [actions, referrals, offers] = [
    await rowsOf<Awaiting<"action_overdue">>(
      db,
      sql`select a.owner_organisation_id as "organisationId", 'action_overdue:' || a.id as "subjectKey",
          json_build_object('title', a.title, 'dueOn', a.due_on::text) as "params",
          '/governance/azioni' as "link"
        from governance_actions a where a.status = 'open' and a.due_on < ${today}::date`,
    ),
    await rowsOf<Awaiting<"referral_awaiting">>(
      db,
      sql`select r.partner_id as "organisationId", 'referral_awaiting:' || r.id as "subjectKey",
          json_build_object('reference', h.reference) as "params",
          '/nuclei/' || h.id as "link"
        from referrals r join households h on h.id = r.household_id where r.status = 'pending'`,
    ),
    await rowsOf<Awaiting<"offer_awaiting">>(
      db,
      sql`select u.managing_partner_id as "organisationId", 'offer_awaiting:' || o.id as "subjectKey",
          json_build_object('unit', u.code, 'dueOn', o.due_on::text) as "params",
          '/assegnazione/proposte' as "link"
        from allocation_offers o join units u on u.id = o.unit_id
        where o.status = 'pending' and u.managing_partner_id is not null`,
    ),
  ];
  const groups: [Awaiting<NotificationKind>[], NotificationKind, Permission[]][] = [
    [actions, "action_overdue", ["governance:act", "governance:write"]],
    [referrals, "referral_awaiting", ["referrals:answer"]],
    [offers, "offer_awaiting", ["offers:answer"]],
  ];
  // The active accounts once, each with its organisation and role; the sweep's count once before and after.
  const accounts = await db
    .select({ id: users.id, organisationId: users.organisationId, role: users.role })
    .from(users)
    .where(eq(users.active, true));
  const before = await countNotifications(db);
  for (const [items, kind, permissions] of groups) {
    const actingIn = (organisationId: string) =>
      accounts
        .filter(
          (a) =>
            a.organisationId === organisationId && permissions.some((p) => hasPermission(a.role as Role, p)),
        )
        .map((a) => a.id);
    for (const { organisationId, ...item } of items)
      await notify(db, actingIn(organisationId), { kind, ...item } as Notice, email);
  }
  return (await countNotifications(db)) - before;
}

/** Every notification the scope sees (the sweep's, the system scope: all of them). */
async function countNotifications(db: Db) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(notifications);
  return row?.n ?? 0;
}

/**
 * Send the pending e-mails (oldest first, at most `limit`), each in its own short transaction of
 * `scoped` (the system scope), and record each outcome: sent, or failed with the server's answer.
 * Each message says its notice in Italian and in English, with the page's address under `publicUrl`.
 */
export async function dispatchEmails(
  scoped: <T>(fn: (db: Db) => Promise<T>) => Promise<T>,
  mailer: Mailer,
  options: { publicUrl: string; limit?: number },
): Promise<{ sent: number; failed: number }> {
  const { publicUrl, limit = 100 } = options;
  const pending = await scoped((db) =>
    db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        params: notifications.params,
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
      const notice = { kind: n.kind as NotificationKind, params: n.params, title: n.title };
      await mailer.send({ to: n.email, ...noticeEmail(notice, n.name, new URL(n.link, publicUrl).href) });
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
export function startNotifier(options: {
  database: Database;
  mailer: Mailer | null;
  publicUrl: string;
  now: () => Date;
}) {
  const { database, mailer, publicUrl, now } = options;
  const scoped = <T>(fn: (db: Db) => Promise<T>) => database.scoped(SYSTEM_SCOPE, fn);
  let running = false;
  const round = async () => {
    if (running) return;
    running = true;
    try {
      const added = await scoped((db) => sweepNotifications(db, romeDate(now()), mailer !== null));
      if (added > 0) logger.info(`notifications: ${added} added`);
      if (mailer !== null) {
        const { sent, failed } = await dispatchEmails(scoped, mailer, { publicUrl });
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
