import path from 'node:path';
import { loadEnv } from '../src/env';

/** PostgreSQL when DATABASE_URL is set (production, CI's second pass); SQLite otherwise. */
export default () => {
  const env = loadEnv();
  if (env.DATABASE_URL) {
    return {
      connection: {
        client: 'postgres',
        connection: {
          connectionString: env.DATABASE_URL,
          ssl: env.DATABASE_SSL ? { rejectUnauthorized: false } : false,
        },
        pool: { min: 0, max: 10 },
      },
    };
  }
  // Compiled to dist/config: the app root is two levels up.
  const appRoot = path.join(__dirname, '..', '..');
  return {
    connection: {
      client: 'sqlite',
      connection: { filename: path.resolve(appRoot, env.DATABASE_FILENAME) },
      useNullAsDefault: true,
      // A write waits up to 30 s for another process's (a second instance, a backup) instead of
      // better-sqlite3's 5 s: on a busy machine a write of another instance's cron can hold it longer.
      pool: {
        afterCreate: (connection: { pragma(source: string): unknown }, done: (error: Error | null) => void) => {
          connection.pragma('busy_timeout = 30000');
          done(null);
        },
      },
    },
  };
};
