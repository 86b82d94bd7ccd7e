import nodemailer, { type Transporter } from 'nodemailer';
import type { Core } from '@strapi/strapi';
import type { Env } from '../env';
import { claim, markFailed, markSent, type OutboxRow } from './outbox';

type MailEnv = Pick<
  Env,
  'SMTP_HOST' | 'SMTP_PORT' | 'SMTP_SECURE' | 'SMTP_USER' | 'SMTP_PASS' | 'SMTP_MAX_CONNECTIONS' | 'MAIL_FROM'
>;

/** The office's relay, pooled; without SMTP_HOST (local runs) messages are written to the log instead. */
export function mailTransport(env: MailEnv): Transporter {
  if (!env.SMTP_HOST) return nodemailer.createTransport({ jsonTransport: true });
  return nodemailer.createTransport({
    host: env.SMTP_HOST,
    port: env.SMTP_PORT,
    secure: env.SMTP_SECURE,
    auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASS } : undefined,
    pool: true,
    maxConnections: env.SMTP_MAX_CONNECTIONS,
    // A pooled connection sends this many messages, then is replaced (relays limit messages per session).
    maxMessages: 1000,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

export interface Worker {
  transport: Transporter;
  from: string;
  logOnly: boolean;
  stopping: boolean;
  inFlight: Set<Promise<unknown>>;
  stopped?: Promise<void>;
}

/** The worker lives in Strapi's container, so every copy of this module (the app's, a test's) finds the one of this instance. */
const SERVICE = 'newsroom-mail-worker';
export const workerOf = (strapi: Core.Strapi): Worker | undefined =>
  strapi.has(SERVICE) ? strapi.get<Worker>(SERVICE) : undefined;

export function startMailWorker(strapi: Core.Strapi, env: MailEnv) {
  if (strapi.has(SERVICE)) return;
  strapi.add(SERVICE, {
    transport: mailTransport(env),
    from: env.MAIL_FROM,
    logOnly: !env.SMTP_HOST,
    stopping: false,
    inFlight: new Set(),
  } satisfies Worker);
}

/** 5xx: the server refused the message or the address for good (a bounce at the door); anything else is tried again. */
export const isPermanent = (error: { responseCode?: number }) =>
  typeof error.responseCode === 'number' && error.responseCode >= 500 && error.responseCode < 600;

async function deliver(strapi: Core.Strapi, worker: Worker, row: OutboxRow) {
  try {
    await worker.transport.sendMail({
      from: worker.from,
      to: row.to,
      subject: row.subject,
      text: row.text,
      html: row.html,
      messageId: `<outbox-${row.id}-${row.key.replace(/[^\w.-]/g, '.')}@newsroom>`,
    });
    if (worker.logOnly)
      strapi.log.info(
        `Mail to ${row.to} written here, not sent (set SMTP_HOST to send it): ${row.subject}\n${row.text}`,
      );
    await markSent(strapi, row.id, Date.now());
    return 'sent' as const;
  } catch (error) {
    const failure = error as Error & { responseCode?: number; response?: string };
    const outcome = await markFailed(
      strapi,
      row,
      failure.response ?? failure.message,
      isPermanent(failure),
      Date.now(),
    );
    const message = `Mail to ${row.to} ("${row.subject}") ${outcome === 'failed' ? 'given up' : 'will be tried again'}: ${failure.response ?? failure.message}`;
    if (outcome === 'failed') strapi.log.error(message);
    else strapi.log.warn(message);
    return outcome;
  }
}

/** One round of the outbox: claims what is due, one message at a time, and sends it; returns what happened to each. */
export async function sendOutbox(
  strapi: Core.Strapi,
  now = Date.now(),
  limit = 50,
): Promise<Array<'sent' | 'retry' | 'failed'>> {
  const worker = workerOf(strapi);
  if (!worker) return [];
  const outcomes: Array<'sent' | 'retry' | 'failed'> = [];
  while (!worker.stopping && outcomes.length < limit) {
    const [row] = await claim(strapi, now, 1);
    if (!row) break;
    const sending = deliver(strapi, worker, row);
    worker.inFlight.add(sending);
    try {
      outcomes.push(await sending);
    } finally {
      worker.inFlight.delete(sending);
    }
  }
  return outcomes;
}

/**
 * On shutdown: no new message is started, and the one being sent is finished and marked,
 * so a restart sends nothing twice. (A process killed outright mid-send may send that one
 * message again after its claim expires: never lost, at worst once more.)
 */
export function stopMailWorker(strapi: Core.Strapi): Promise<void> {
  const worker = workerOf(strapi);
  if (!worker) return Promise.resolve();
  // Strapi may be destroyed twice at once (its own signal handler and a runner's): both wait for the same stop.
  worker.stopped ??= (async () => {
    worker.stopping = true;
    await Promise.allSettled([...worker.inFlight]);
    worker.transport.close();
  })();
  return worker.stopped;
}
