import path from 'node:path';
import { z } from 'zod';

/**
 * The CMS's configuration, validated once at start-up. A missing or malformed value is
 * one clear error naming the variable, not a crash deep inside Strapi.
 */
const secret = (name: string) =>
  z
    .string({ error: `${name} is required (a long random string; see .env.example)` })
    .min(16, `${name} must be at least 16 characters`);

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

const schema = z
  .object({
    NODE_ENV: z.string().default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(1337),
    PUBLIC_URL: z.url().optional(),
    APP_KEYS: secret('APP_KEYS').transform((s) => s.split(',').map((k) => k.trim())),
    API_TOKEN_SALT: secret('API_TOKEN_SALT'),
    ADMIN_JWT_SECRET: secret('ADMIN_JWT_SECRET'),
    TRANSFER_TOKEN_SALT: secret('TRANSFER_TOKEN_SALT'),
    JWT_SECRET: secret('JWT_SECRET'),
    ENCRYPTION_KEY: secret('ENCRYPTION_KEY'),
    DATABASE_URL: z.url().optional(),
    DATABASE_SSL: flag,
    DATABASE_FILENAME: z.string().default('.tmp/data.db'),
    /** Where uploads are written (`<PUBLIC_DIR>/uploads`); a volume in production. */
    PUBLIC_DIR: z.string().default('public'),
    BUILDER_WEBHOOK_URL: z.url().optional(),
    BUILDER_WEBHOOK_SECRET: z.string().min(16, 'BUILDER_WEBHOOK_SECRET must be at least 16 characters').optional(),
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(8, 'ADMIN_PASSWORD must be at least 8 characters').optional(),
    SEED_DEMO: flag,
    /** Scheduled publishing and embargo rebuilds; tests turn it off and run the task themselves. */
    CRON_ENABLED: z
      .enum(['true', 'false', '1', '0'])
      .default('true')
      .transform((v) => v === 'true' || v === '1'),
    /** How often the scheduled-publishing task runs (a divisor of 60). */
    SCHEDULE_EVERY_SECONDS: z.coerce
      .number()
      .int()
      .refine(
        (n) => n >= 1 && n <= 60 && 60 % n === 0,
        'SCHEDULE_EVERY_SECONDS must divide 60 (1, 2, 3, 5, 10, 15, 20, 30 or 60)',
      )
      .default(15),
    /** The builder's address: the admin's Preview button opens drafts there. */
    PREVIEW_URL: z.url().optional(),
    PREVIEW_SECRET: z.string().min(16, 'PREVIEW_SECRET must be at least 16 characters').optional(),
    /**
     * Behind the site's nginx: take the client's address from X-Forwarded-For (the last one,
     * which nginx sets), so the intake's limits count each visitor, not nginx.
     */
    TRUST_PROXY: flag,
    /** The public site: the public's forms end on its thank-you pages. */
    SITE_URL: z.url().default('http://127.0.0.1:4321'),
    /** The office's mail relay; without SMTP_HOST mail is written to the log instead of sent (local runs). */
    SMTP_HOST: z.string().optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    SMTP_SECURE: flag,
    SMTP_USER: z.string().optional(),
    SMTP_PASS: z.string().optional(),
    /** Connections the mail pool keeps open to the relay at most. */
    SMTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(50).default(5),
    MAIL_FROM: z.string().default('Zyra për Komunikim Publik <no-reply@newsroom.example>'),
    /** Where the office is told of each new request, question or message. */
    OFFICE_EMAIL: z.email().optional(),
    /** How often the outbox is sent (a divisor of 60). */
    MAIL_EVERY_SECONDS: z.coerce
      .number()
      .int()
      .refine((n) => n >= 1 && n <= 60 && 60 % n === 0, 'MAIL_EVERY_SECONDS must divide 60')
      .default(5),
    /** When the daily alert digest goes out, office time (Europe/Belgrade), HH:mm. */
    ALERTS_DIGEST_TIME: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'ALERTS_DIGEST_TIME must be a time of day, HH:mm (e.g. 08:00)')
      .default('08:00'),
    /** The mail provider's bounce and complaint feedback posts to /newsroom/alerts/feedback with this bearer token. */
    ALERTS_FEEDBACK_SECRET: z.string().min(16, 'ALERTS_FEEDBACK_SECRET must be at least 16 characters').optional(),
    /** Publish the list of accredited outlets (never people) on the site. */
    ACCREDITED_OUTLETS_PUBLIC: flag,
    /** Where files the public attaches are kept: never under PUBLIC_DIR, never served by the site. */
    PRIVATE_FILES_DIR: z.string().default('private-files'),
    /** Months after its answer that a submission's personal data is kept (then erased; the anonymous record stays). */
    RETENTION_MONTHS: z.coerce.number().int().min(1, 'RETENTION_MONTHS must be at least 1').max(120).default(24),
    LOG_LEVEL: z.enum(['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly']).default('info'),
  })
  .refine((e) => !e.BUILDER_WEBHOOK_URL || e.BUILDER_WEBHOOK_SECRET, {
    message: 'BUILDER_WEBHOOK_SECRET is required when BUILDER_WEBHOOK_URL is set',
    path: ['BUILDER_WEBHOOK_SECRET'],
  })
  .refine((e) => !e.PREVIEW_URL || e.PREVIEW_SECRET, {
    message: 'PREVIEW_SECRET is required when PREVIEW_URL is set',
    path: ['PREVIEW_SECRET'],
  })
  .refine(
    (e) => !`${path.resolve(e.PRIVATE_FILES_DIR)}${path.sep}`.startsWith(`${path.resolve(e.PUBLIC_DIR)}${path.sep}`),
    {
      message: 'PRIVATE_FILES_DIR must not be inside PUBLIC_DIR: the public could download what people attach',
      path: ['PRIVATE_FILES_DIR'],
    },
  )
  .refine((e) => Boolean(e.ADMIN_EMAIL) === Boolean(e.ADMIN_PASSWORD), {
    message: 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together',
    path: ['ADMIN_PASSWORD'],
  });

export type Env = z.infer<typeof schema>;

/** Empty strings count as unset, as they do in a `.env` file with `KEY=`. */
function withoutEmpty(source: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  );
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = schema.safeParse(withoutEmpty(source));
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  - ${i.path.join('.') || 'configuration'}: ${i.message}`);
  throw new Error(`Invalid CMS configuration:\n${lines.join('\n')}`);
}
