import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Core } from '@strapi/strapi';
import { suppress } from './sender';

/**
 * Bounces that arrive after the relay accepted a message, and complaints ("this is spam"),
 * reach the office through its mail provider's feedback: the provider (or a small script
 * reading the bounce mailbox) posts them here, server to server, with a shared secret.
 * Each suppresses the address on every list.
 */
const schema = z.object({
  email: z.email().max(320),
  type: z.enum(['bounce', 'complaint']),
  reason: z.string().max(500).optional(),
});

const sameSecret = (given: string, expected: string) => {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
};

type Ctx = {
  status: number;
  body: unknown;
  request: { body?: unknown; headers: Record<string, string | string[] | undefined> };
};

export function feedbackHandler(strapi: Core.Strapi, secret: string | undefined) {
  return async (ctx: Ctx) => {
    const auth = ctx.request.headers.authorization;
    if (!secret || typeof auth !== 'string' || !auth.startsWith('Bearer ') || !sameSecret(auth.slice(7), secret)) {
      ctx.status = 401;
      ctx.body = {
        error: secret ? 'A bearer token (ALERTS_FEEDBACK_SECRET) is required' : 'ALERTS_FEEDBACK_SECRET is not set',
      };
      return;
    }
    const parsed = schema.safeParse(ctx.request.body);
    if (!parsed.success) {
      ctx.status = 400;
      ctx.body = { error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
      return;
    }
    const { email, type, reason } = parsed.data;
    await suppress(strapi, String(email), `${type}${reason ? `: ${reason}` : ''}`);
    strapi.log.warn(`Alerts: ${email} suppressed on every list (${type}${reason ? `: ${reason}` : ''})`);
    ctx.status = 204;
    ctx.body = null;
  };
}
