import { describe, expect, it } from 'vitest';
import logger from '../config/logger';

/** winston's keys for the formatted line and the level (triple-beam's MESSAGE and LEVEL). */
const MESSAGE = Symbol.for('message');
const LEVEL = Symbol.for('level');
const SECRETS = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
];

/** The console transport the configuration makes with this LOG_LEVEL (and made-up secrets, which the configuration checks). */
const console = (env: { LOG_LEVEL?: string }) => {
  const saved = { ...process.env };
  for (const key of SECRETS) process.env[key] = 'a-secret-of-at-least-16';
  if (env.LOG_LEVEL === undefined) delete process.env.LOG_LEVEL;
  else process.env.LOG_LEVEL = env.LOG_LEVEL;
  try {
    return logger().transports[0] as unknown as {
      level: string;
      format: { transform(info: object): false | Record<string | symbol, unknown> };
    };
  } finally {
    process.env = saved;
  }
};

describe("the CMS's log", () => {
  it('shows errors and warnings at every level, and a line per request only at http', () => {
    for (const LOG_LEVEL of [undefined, 'warn', 'http']) {
      const transport = console({ LOG_LEVEL });
      const shown = transport.format.transform({ level: 'error', [LEVEL]: 'error', message: 'Mail to x given up' });
      expect(shown, String(LOG_LEVEL)).not.toBe(false);
      expect(String((shown as Record<symbol, unknown>)[MESSAGE])).toContain('Mail to x given up');
    }
    expect(console({}).level).toBe('info');
    expect(console({ LOG_LEVEL: 'http' }).level).toBe('http');
  });
});
