import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { INTAKE_MAX_BYTES } from '@newsroom/shared-types';

/** Docker cannot run here: the compose file is checked by reading it against the repo. */
const root = path.resolve(import.meta.dirname, '..', '..');
const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8')) as {
  services: Record<
    string,
    {
      build?: { context: string; dockerfile: string };
      image?: string;
      command?: string[];
      working_dir?: string;
      volumes?: string[];
      environment?: Record<string, string>;
      healthcheck?: unknown;
    }
  >;
  volumes: Record<string, unknown>;
};
/** The image copies the repo to /app. */
const inRepo = (containerPath: string) => path.join(root, path.relative('/app', containerPath));

describe('docker-compose.yml', () => {
  it('has the postgres, cms, builder and web services', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['builder', 'cms', 'postgres', 'web']);
    expect(compose.services.postgres.healthcheck).toBeDefined();
  });

  it('builds on Node 24 LTS, the production runtime', () => {
    const dockerfile = fs.readFileSync(path.join(root, 'deploy', 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM node:24-bookworm-slim /m);
  });

  it('builds from a Dockerfile that exists', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (!service.build) continue;
      expect(fs.existsSync(path.join(root, service.build.context, service.build.dockerfile)), name).toBe(true);
    }
  });

  it('runs commands whose files and scripts exist in the repo', () => {
    const cms = compose.services.cms;
    expect(cms.command).toEqual(['npx', 'strapi', 'start']);
    expect(fs.existsSync(path.join(inRepo(cms.working_dir!), 'package.json'))).toBe(true);
    expect(fs.existsSync(path.join(root, 'node_modules', '.bin', 'strapi'))).toBe(true);
    const builder = compose.services.builder;
    const script = builder.command!.find((part) => part.endsWith('.ts'))!;
    expect(fs.existsSync(path.join(inRepo(builder.working_dir!), script))).toBe(true);
    expect(fs.existsSync(path.join(root, 'node_modules', '.bin', 'tsx'))).toBe(true);
  });

  it('mounts only files that exist and volumes that are declared', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const volume of service.volumes ?? []) {
        const [source] = volume.split(':');
        if (source.startsWith('.')) expect(fs.existsSync(path.join(root, source)), `${name}: ${source}`).toBe(true);
        else expect(Object.keys(compose.volumes), `${name}: ${source}`).toContain(source);
      }
    }
  });

  it('takes every secret from the environment and commits none', () => {
    const cms = compose.services.cms.environment!;
    for (const key of [
      'APP_KEYS',
      'API_TOKEN_SALT',
      'ADMIN_JWT_SECRET',
      'TRANSFER_TOKEN_SALT',
      'JWT_SECRET',
      'ENCRYPTION_KEY',
      'BUILDER_WEBHOOK_SECRET',
    ]) {
      expect(cms[key], key).toMatch(/^\$\{[A-Z_]+(:\?[^}]*)?\}$/);
    }
    expect(compose.services.builder.environment!.BUILDER_WEBHOOK_SECRET).toMatch(/^\$\{BUILDER_WEBHOOK_SECRET/);
  });

  it('serves the builder’s live build through nginx with security headers', () => {
    const web = compose.services.web;
    expect(web.volumes).toContain('builds:/srv/builds:ro');
    expect(compose.services.builder.environment!.BUILDS_DIR).toBe('/srv/builds');
    const nginx = fs.readFileSync(path.join(root, 'deploy', 'nginx.conf'), 'utf8');
    expect(nginx).toContain('root /srv/builds/current;');
    for (const header of [
      'Content-Security-Policy',
      'X-Content-Type-Options',
      'Referrer-Policy',
      'Strict-Transport-Security',
    ])
      expect(nginx).toContain(`add_header ${header}`);
    expect(nginx).toMatch(/gzip on;/);
  });

  it('lets a form with its attachment through nginx to the CMS, which holds the exact limit', () => {
    const nginx = fs.readFileSync(path.join(root, 'deploy', 'nginx.conf'), 'utf8');
    const intake = /location \^~ \/intake\/ \{([^}]*)\}/.exec(nginx)![1];
    const [, size, unit] = /client_max_body_size (\d+)([km]?);/.exec(intake)!;
    expect(Number(size) * ({ '': 1, k: 1024, m: 1024 * 1024 } as Record<string, number>)[unit]).toBeGreaterThanOrEqual(
      INTAKE_MAX_BYTES,
    );
    expect(compose.services.cms.volumes).toContain('private-files:/srv/cms-private');
    expect(compose.services.cms.environment!.PRIVATE_FILES_DIR).toBe('/srv/cms-private');
  });
});
