import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { staticServer } from './static-server';
import { currentLink } from './deploy';
import { Builder } from './builder';
import { FAKE_SITE, testConfig } from './test-support';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { BUILDING_PAGE, BUILDING_RETRY_SECONDS, REFERENCE_ECHO, thanksPath } from '@newsroom/shared-types';

let app: FastifyInstance;
let buildsDir: string;
const intakeSeen: Array<{ url: string; body: string; forwardedFor?: string }> = [];
const cms = http.createServer((req, res) => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    intakeSeen.push({ url: req.url!, body, forwardedFor: req.headers['x-forwarded-for'] as string | undefined });
    res
      .writeHead(303, {
        Location: 'http://site.example/en/request-documents/thank-you/?ref=DR-2026-7KQ4XM',
        'Set-Cookie': 'not=passed',
      })
      .end();
  });
});

beforeAll(async () => {
  const config = testConfig({
    BUILD_COMMAND: `${FAKE_SITE}
for p in sq sr en; do mkdir -p "$OUT/$p/404" "$OUT/$p/410"; echo "<p>404 $p</p>" > "$OUT/$p/404/index.html"; echo "<p>410 $p</p>" > "$OUT/$p/410/index.html"; done
printf '%s\n' '/en/press-releases/in-error/ /en/press-releases/in-error/ 410' '/sr/saopstenja/spojeno/ /sr/saopstenja/novo/ 301' '/en/elsewhere/ //evil.example/ 301' '/en/variable/ /en/$host/ 301' > "$OUT/_redirects"
mkdir -p "$OUT/en/agenda" "$OUT/en/decisions"
echo "BEGIN:VCALENDAR" > "$OUT/en/agenda/calendar.ics"
echo "[]" > "$OUT/en/decisions/decisions.json"
echo "a,b" > "$OUT/en/decisions/decisions.csv"
mkdir -p "$OUT${thanksPath('documentRequest', 'en')}"
printf '%s' '<p><strong>${REFERENCE_ECHO}</strong></p>' > "$OUT${thanksPath('documentRequest', 'en')}index.html"`,
  });
  buildsDir = config.BUILDS_DIR;
  await new Builder(config, () => {}).build('20260101T000000Z-base', []);
  await new Promise<void>((resolve) => cms.listen(0, '127.0.0.1', resolve));
  app = staticServer(buildsDir, { cmsUrl: `http://127.0.0.1:${(cms.address() as AddressInfo).port}` });
  await app.ready();
});

afterAll(() => {
  cms.close();
  return app?.close();
});

describe('the local static server', () => {
  it('serves index.html for folders', async () => {
    const res = await app.inject('/sq/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('lang=sq');
  });

  it('answers every address with the page saying the site is being built, until the first build is live', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-no-build-'));
    const early = staticServer(empty);
    try {
      for (const url of ['/', '/sq/', '/en/press-releases/']) {
        const res = await early.inject(url);
        expect(res.statusCode, url).toBe(503);
        expect(res.headers['retry-after']).toBe(String(BUILDING_RETRY_SECONDS));
        expect(res.body).toBe(BUILDING_PAGE);
      }
    } finally {
      await early.close();
      fs.rmSync(empty, { recursive: true, force: true });
    }
    expect((await app.inject('/sq/')).statusCode).toBe(200);
  });

  it("sends the root to the reader's language, and shows the chooser to a reader with none of ours", async () => {
    const serbian = await app.inject({ url: '/', headers: { 'accept-language': 'de-DE,sr-Latn;q=0.8,en;q=0.5' } });
    expect(serbian.statusCode).toBe(302);
    expect(serbian.headers.location).toBe('/sr/');
    expect(serbian.headers.vary).toBe('Accept-Language');
    const french = await app.inject({ url: '/', headers: { 'accept-language': 'fr' } });
    expect(french.statusCode).toBe(200);
    expect(french.body).toContain('root');
  });

  it('gives feeds, calendars and data their content types', async () => {
    expect((await app.inject('/en/rss.xml')).headers['content-type']).toBe('application/xml; charset=utf-8');
    expect((await app.inject('/en/agenda/calendar.ics')).headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect((await app.inject('/en/decisions/decisions.json')).headers['content-type']).toBe(
      'application/json; charset=utf-8',
    );
    expect((await app.inject('/en/decisions/decisions.csv')).headers['content-type']).toBe('text/csv; charset=utf-8');
  });

  it('answers an unknown path with the 404 page of its language', async () => {
    const sr = await app.inject('/sr/nema-ovoga/');
    expect(sr.statusCode).toBe(404);
    expect(sr.body).toContain('404 sr');
    expect((await app.inject('/nothing-here')).body).toContain('404 sq');
  });

  it('answers the address of an item published in error with 410 Gone in its language', async () => {
    const res = await app.inject('/en/press-releases/in-error/');
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('410 en');
  });

  it('answers a removed address however its letters are encoded, and a malformed encoding as a client error', async () => {
    expect((await app.inject('/en/press-releases/in-%65rror/')).statusCode).toBe(410);
    const malformed = await app.inject('/en/press-releases/in-%E0%A4%A/');
    expect(malformed.statusCode).toBeGreaterThanOrEqual(400);
    expect(malformed.statusCode).toBeLessThan(500);
  });

  it('redirects the address of a consolidated item to the item that replaced it', async () => {
    const res = await app.inject('/sr/saopstenja/spojeno/?utm=x');
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/sr/saopstenja/novo/');
  });

  it("ignores a line of _redirects that is not a plain rule of this site, as nginx's map would never hold it", async () => {
    for (const url of ['/en/elsewhere/', '/en/variable/']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers.location, url).toBeUndefined();
    }
  });

  it("passes the forms' intake to the CMS with the client's address and hands back its answer", async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/intake/document-request',
      payload: 'name=Arta&language=en',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('http://site.example/en/request-documents/thank-you/?ref=DR-2026-7KQ4XM');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(intakeSeen.at(-1)).toEqual({
      url: '/intake/document-request',
      body: 'name=Arta&language=en',
      forwardedFor: '127.0.0.1',
    });
    const big = await app.inject({
      method: 'POST',
      url: '/intake/document-request',
      payload: 'x'.repeat(2 * 1024 * 1024),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(big.statusCode).toBe(413);
    expect(intakeSeen).toHaveLength(1);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/releases',
          payload: '{}',
          headers: { 'content-type': 'application/json' },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('shows a well-formed reference on a thank-you page, as nginx does, and nothing else', async () => {
    const page = thanksPath('documentRequest', 'en');
    expect((await app.inject(`${page}?ref=DR-2026-7KQ4XM`)).body).toBe('<p><strong>DR-2026-7KQ4XM</strong></p>');
    expect((await app.inject(`${page}?ref=%3Cscript%3E`)).body).toBe('<p><strong></strong></p>');
    expect((await app.inject(page)).body).toBe('<p><strong></strong></p>');
  });

  it('serves a new build as soon as current switches', async () => {
    const next = path.join(buildsDir, '20260101T000001Z-next');
    fs.cpSync(fs.realpathSync(currentLink(buildsDir)), next, { recursive: true });
    fs.writeFileSync(path.join(next, 'sq', 'index.html'), '<html lang=sq>new</html>');
    fs.symlinkSync('20260101T000001Z-next', path.join(buildsDir, '.tmp-link'));
    fs.renameSync(path.join(buildsDir, '.tmp-link'), currentLink(buildsDir));
    expect((await app.inject('/sq/')).body).toContain('new');
  });
});
