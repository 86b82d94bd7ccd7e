import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureEnvFile, generatedDefaults, parseEnv, resolveSettings } from './local-env.mjs';

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-env-')), '.env');

describe('the local env file', () => {
  it('is created with every generated secret on first start', () => {
    const file = tempFile();
    const values = ensureEnvFile(file, generatedDefaults());
    expect(Object.keys(parseEnv(fs.readFileSync(file, 'utf8')))).toEqual(Object.keys(generatedDefaults()));
    expect(values.APP_KEYS.split(',')).toHaveLength(4);
    expect(values.ADMIN_PASSWORD).toMatch(/[a-z]/);
    expect(values.ADMIN_PASSWORD).toMatch(/[A-Z]/);
    expect(values.ADMIN_PASSWORD).toMatch(/[0-9]/);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
  });

  it('keeps its secrets on the next start and only adds what is missing', () => {
    const file = tempFile();
    fs.writeFileSync(file, 'JWT_SECRET="mine"\nPORT=1400\n');
    const first = ensureEnvFile(file, generatedDefaults());
    const second = ensureEnvFile(file, generatedDefaults());
    expect(first.JWT_SECRET).toBe('mine');
    expect(second).toEqual(first);
    expect(second.PORT).toBe('1400');
  });

  it('generates different secrets for different clones', () => {
    expect(generatedDefaults().APP_KEYS).not.toBe(generatedDefaults().APP_KEYS);
  });

  it('gives way to a variable set in the shell, so every process gets one value per setting', () => {
    const file = tempFile();
    const values = ensureEnvFile(file, generatedDefaults());
    const shell = {
      BUILDER_WEBHOOK_SECRET: 'from-the-shell-0123456789',
      ADMIN_EMAIL: 'me@office.example',
      ADMIN_PASSWORD: '',
      UNRELATED: 'x',
    };
    const resolved = resolveSettings(values, shell);
    expect(resolved.BUILDER_WEBHOOK_SECRET).toBe('from-the-shell-0123456789');
    expect(resolved.ADMIN_EMAIL).toBe('me@office.example');
    // An empty variable does not count as set, as for Strapi's configuration.
    expect(resolved.ADMIN_PASSWORD).toBe(values.ADMIN_PASSWORD);
    expect(resolved).not.toHaveProperty('UNRELATED');
    expect(parseEnv(fs.readFileSync(file, 'utf8')).BUILDER_WEBHOOK_SECRET).toBe(values.BUILDER_WEBHOOK_SECRET);
  });
});
