import type { Core } from '@strapi/strapi';
import { CHANGES, DELIVERIES } from './tables';

/**
 * What the desk shows of alerts, beside the office's other mail: how many wait, since
 * when, and the ones given up (an address refused for good is also suppressed).
 */
interface FailedAlert {
  id: number;
  to: string;
  title: string | null;
  key: string;
  attempts: number;
  last_error: string | null;
  created_at: number | string;
}

export async function alertsReport(strapi: Core.Strapi) {
  const knex = strapi.db.connection;
  const [{ n: pending }] = await knex(DELIVERIES)
    .where('state', 'pending')
    .count<Array<{ n: number | string }>>({ n: '*' });
  const oldest = await knex<{ created_at: number | string }>(DELIVERIES)
    .where('state', 'pending')
    .orderBy('created_at')
    .first('created_at');
  const failed: FailedAlert[] = await knex(`${DELIVERIES} as d`)
    .join('newsroom_alert_subscribers as s', 's.id', 'd.subscriber_id')
    .leftJoin(`${CHANGES} as c`, 'c.id', 'd.change_id')
    .where('d.state', 'failed')
    .orderBy('d.id', 'desc')
    .limit(20)
    .select<FailedAlert[]>('d.id', 's.email as to', 'c.title', 'd.key', 'd.attempts', 'd.last_error', 'd.created_at');
  return {
    pending: Number(pending),
    oldestPendingAt: oldest ? new Date(Number(oldest.created_at)).toISOString() : null,
    failed: failed.map((f) => ({
      id: f.id,
      to: f.to,
      subject: `Alert: ${f.title ?? `digest of ${f.key.slice(1)}`}`,
      attempts: f.attempts,
      last_error: f.last_error,
      created_at: Number(f.created_at),
    })),
  };
}

type MailReport = Awaited<ReturnType<typeof alertsReport>>;

/** The office's mail and the alerts as one report: the desk lists what failed, newest first, whichever it was. */
export function mailWithAlerts(mail: MailReport, alerts: MailReport): MailReport {
  const oldest =
    [mail.oldestPendingAt, alerts.oldestPendingAt].filter((d): d is string => d !== null).sort()[0] ?? null;
  return {
    pending: mail.pending + alerts.pending,
    oldestPendingAt: oldest,
    failed: [...mail.failed, ...alerts.failed].sort((a, b) => b.created_at - a.created_at).slice(0, 20),
  };
}
