import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type TestStrapi } from '../../test/strapi';

const PUBLIC_URL = 'https://cms.gov.example';
let app: TestStrapi;

beforeAll(async () => {
  app = await startStrapi({ listen: true, env: { PUBLIC_URL } });
});

afterAll(async () => {
  await app?.stop();
  delete process.env.PUBLIC_URL;
});

const FOREIGN = 'https://evil.example';
const SIBLING = 'https://news.gov.example';

const request = (path: string, origin: string, init: RequestInit = {}) =>
  fetch(`${app.url}${path}`, { ...init, headers: { Origin: origin, ...(init.headers as Record<string, string>) } });

const preflight = (path: string, origin: string, method: string) =>
  request(path, origin, {
    method: 'OPTIONS',
    headers: { 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': 'content-type' },
  });

describe('cross-origin access to the CMS', () => {
  it('gives a foreign or a sibling-subdomain origin no credentials, on the public API or the admin', async () => {
    for (const origin of [FOREIGN, SIBLING]) {
      for (const path of ['/api/releases', '/API/releases', '/admin/init']) {
        const res = await request(path, origin);
        expect(res.headers.get('access-control-allow-credentials'), `${origin} ${path}`).toBeNull();
      }
      const login = await request('/admin/login', origin, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'a@b.example', password: 'wrong-password' }),
      });
      expect(login.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(login.headers.get('access-control-allow-credentials'), origin).toBeNull();
      // A browser asks first before it posts JSON across origins: the answer is no.
      for (const path of ['/admin/login', '/admin/renew-token', '/api/releases']) {
        const res = await preflight(path, origin, 'POST');
        expect(res.headers.get('access-control-allow-origin'), `${origin} ${path}`).toBeNull();
        expect(res.headers.get('access-control-allow-credentials'), `${origin} ${path}`).toBeNull();
      }
    }
  });

  it('lets anyone read the published content, without credentials', async () => {
    const res = await request('/api/releases', FOREIGN);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeTruthy();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    const ask = await preflight('/api/releases', FOREIGN, 'GET');
    expect(ask.headers.get('access-control-allow-origin')).toBeTruthy();
    expect(ask.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('allows credentials for the admin origin: its own address and PUBLIC_URL', async () => {
    for (const origin of [app.url, PUBLIC_URL]) {
      const ask = await preflight('/admin/login', origin, 'POST');
      expect(ask.headers.get('access-control-allow-origin'), origin).toBe(origin);
      expect(ask.headers.get('access-control-allow-credentials'), origin).toBe('true');
      const res = await request('/admin/init', origin);
      expect(res.headers.get('access-control-allow-credentials'), origin).toBe('true');
    }
  });

  it('does not advertise itself or trust the marketplace host', async () => {
    const res = await request('/api/releases', FOREIGN);
    expect(res.headers.get('x-powered-by')).toBeNull();
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/img-src 'self' data: blob:/);
    expect(csp).not.toMatch(/market-assets|strapi\.io/);
  });
});
