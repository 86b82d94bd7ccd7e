import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import {
  ACCEPTED_LANGUAGE,
  BUILDING_PAGE,
  FORMS,
  LOCALE_CODES,
  REFERENCE_ECHO,
  homeForLanguages,
  nginxMap,
  thanksPath,
  type FormKind,
  type RetiredRule,
} from '@newsroom/shared-types';
import { localNginxConfig, nginxBinary, nginxRefuses } from './nginx-config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * deploy/nginx.conf, run by a real nginx (Debian's package; .ci/run installs it) over a
 * small build laid out as the builder lays it out: builds/<id>/ and the `current` link.
 */
const NGINX = nginxBinary() ?? '/usr/sbin/nginx';
let nginx: ChildProcess;
let base: string;
/** The CMS's intake, as nginx reaches it. */
const intakeSeen: Array<{ method: string; url: string; body: string; forwardedFor?: string }> = [];
const cms = http.createServer((req, res) => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    intakeSeen.push({
      method: req.method!,
      url: req.url!,
      body,
      forwardedFor: req.headers['x-forwarded-for'] as string | undefined,
    });
    res
      .writeHead(303, { Location: 'https://site.example/sq/kerkese-per-dokumente/faleminderit/?ref=DR-2026-7KQ4XM' })
      .end();
  });
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** Addresses as long as real releases', and as many as years of unpublishing make, through the site's own writer. */
const LONG_SLUG = 'kryeministri-takon-shefin-e-zyres-se-be-se-per-hapat-e-ardhshem-te-integrimit';
function realisticRules(): RetiredRule[] {
  const rules: RetiredRule[] = [
    { path: '/en/press-releases/in-error/', status: 410 },
    { path: '/sr/saopstenja/spojeno/', status: 301, to: '/sr/saopstenja/novo/' },
    { path: `/sq/komunikata/${LONG_SLUG}/`, status: 410 },
    { path: `/sq/komunikata/${'a'.repeat(250)}/`, status: 301, to: `/sq/komunikata/${'b'.repeat(250)}/` },
  ];
  for (let i = 0; i < 5000; i += 1) {
    const path = numbered(i);
    rules.push(i % 3 === 0 ? { path, status: 301, to: `/en/press-releases/${i}-replacement/` } : { path, status: 410 });
  }
  return rules;
}
const numbered = (i: number) => `/en/press-releases/${i}-${LONG_SLUG.slice(0, 20 + (i % 50))}/`;

/** The test's folder: nginx's configuration, and the builds with their `current` link. */
let dir: string;

beforeAll(async () => {
  if (!fs.existsSync(NGINX))
    throw new Error(
      `nginx is needed for this test: apt-get install -y nginx (or set NGINX_PATH); not found at ${NGINX}`,
    );
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-nginx-'));
  const build = path.join(dir, 'builds', '20260101T000000Z-base');
  for (const [file, body] of Object.entries({
    'index.html': '<html>root</html>',
    'sq/index.html': '<html lang="sq">ballina</html>',
    'sq/404/index.html': 'nuk u gjet',
    'sr/404/index.html': 'nije pronađena',
    'en/404/index.html': 'not found',
    'sq/410/index.html': 'u hoq',
    'en/410/index.html': 'removed',
    'sr/410/index.html': 'uklonjeno',
    'en/rss.xml': '<rss/>',
    'en/agenda/calendar.ics': 'BEGIN:VCALENDAR',
    'en/decisions/decisions.csv': 'a,b',
    '_astro/site.abc123.css': 'body{}',
    'media/0123456789abcdef/decision_a1b2.pdf': '%PDF-1.7',
    '.well-known/newsroom-keys.json': '{"format":"newsroom-keys/1","keys":[]}',
  })) {
    fs.mkdirSync(path.dirname(path.join(build, file)), { recursive: true });
    fs.writeFileSync(path.join(build, file), body);
  }
  fs.writeFileSync(path.join(build, '_retired.map'), nginxMap(realisticRules()));
  // The signatures are the builder's store, linked into every build as one folder.
  const signatures = path.join(dir, 'builds', '.authenticity', 'signatures');
  fs.mkdirSync(signatures, { recursive: true });
  fs.writeFileSync(path.join(signatures, `${'ab'.repeat(32)}.json`), '{"alg":"Ed25519"}');
  fs.symlinkSync(signatures, path.join(build, '.well-known', 'newsroom-signatures'));
  for (const kind of Object.keys(FORMS) as FormKind[]) {
    for (const locale of LOCALE_CODES) {
      fs.mkdirSync(path.join(build, thanksPath(kind, locale)), { recursive: true });
      fs.writeFileSync(
        path.join(build, thanksPath(kind, locale), 'index.html'),
        `<p>${locale} <strong>${REFERENCE_ECHO}</strong></p>`,
      );
    }
  }
  await new Promise<void>((resolve) => cms.listen(0, '127.0.0.1', resolve));
  fs.symlinkSync('20260101T000000Z-base', path.join(dir, 'builds', 'current'));
  const port = await freePort();
  const current = path.join(dir, 'builds', 'current');
  const conf = localNginxConfig({
    dir,
    port,
    siteRoot: current,
    mapDir: current,
    cmsUrl: `http://127.0.0.1:${(cms.address() as net.AddressInfo).port}`,
  });
  expect(nginxRefuses(NGINX, conf, dir)).toBeNull();
  nginx = spawn(NGINX, ['-c', conf, '-p', dir, '-g', 'daemon off;'], { stdio: 'ignore' });
  base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i += 1) {
    try {
      await fetch(base);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
});

afterAll(() => {
  nginx?.kill();
  cms.close();
});

describe('deploy/nginx.conf', () => {
  it('serves the live build with the security headers', async () => {
    const res = await fetch(`${base}/sq/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('ballina');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    // Pagefind's search runs WebAssembly; nothing else may execute but our own files.
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('answers the page saying the site is being built, in every language, until a build is live', async () => {
    const conf = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'deploy', 'nginx.conf'), 'utf8');
    expect(conf).toContain(`return 503 '${BUILDING_PAGE}';`);
    const current = path.join(dir, 'builds', 'current');
    fs.renameSync(current, `${current}.away`);
    try {
      for (const url of ['/', '/sq/', '/en/press-releases/']) {
        const res = await fetch(`${base}${url}`);
        expect(res.status, url).toBe(503);
        expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(await res.text()).toBe(BUILDING_PAGE);
      }
    } finally {
      fs.renameSync(`${current}.away`, current);
    }
    expect((await fetch(`${base}/sq/`)).status).toBe(200);
  });

  it("sends the root to the reader's first language the site has, as the builder's server does, and shows the chooser otherwise", async () => {
    const conf = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'deploy', 'nginx.conf'), 'utf8');
    expect(conf).toContain(`"~*${ACCEPTED_LANGUAGE.source}" $first;`);
    const headers = [
      undefined,
      'sq',
      'en-US,en;q=0.9',
      'de-DE,de;q=0.9,sr;q=0.8,en;q=0.5',
      'SR-latn-RS',
      'srx,en',
      'fr',
      'sr-Cyrl-RS,sq;q=0.5',
      ' en ; q=0.5',
      'de,fr;q=0.8',
      'EN',
    ];
    for (const header of headers) {
      const res = await fetch(`${base}/`, {
        redirect: 'manual',
        headers: header === undefined ? {} : { 'Accept-Language': header },
      });
      const home = homeForLanguages(header);
      expect(res.status, String(header)).toBe(home ? 302 : 200);
      if (home) expect(new URL(res.headers.get('location')!, base).pathname, String(header)).toBe(home);
      else expect(await res.text()).toContain('root');
    }
  });

  it('gives feeds, calendars and data their types, and hashed assets and copies of uploads a long cache, keeping the headers', async () => {
    expect((await fetch(`${base}/en/rss.xml`)).headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect((await fetch(`${base}/en/agenda/calendar.ics`)).headers.get('content-type')).toBe(
      'text/calendar; charset=utf-8',
    );
    const csv = await fetch(`${base}/en/decisions/decisions.csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('x-content-type-options')).toBe('nosniff');
    const asset = await fetch(`${base}/_astro/site.abc123.css`);
    expect(asset.headers.get('cache-control')).toMatch(/max-age=315360000/);
    expect(asset.headers.get('content-security-policy')).toBeTruthy();
    const copy = await fetch(`${base}/media/0123456789abcdef/decision_a1b2.pdf`);
    expect(copy.headers.get('content-type')).toBe('application/pdf');
    expect(copy.headers.get('cache-control')).toMatch(/max-age=315360000/);
    expect(copy.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the keys and, through the link to the builder’s store, the signatures as JSON', async () => {
    const keys = await fetch(`${base}/.well-known/newsroom-keys.json`);
    expect(keys.status).toBe(200);
    expect(keys.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const signature = await fetch(`${base}/.well-known/newsroom-signatures/${'ab'.repeat(32)}.json`);
    expect(signature.status).toBe(200);
    expect(await signature.json()).toEqual({ alg: 'Ed25519' });
  });

  it('answers a missing page with the 404 page of its language', async () => {
    const sr = await fetch(`${base}/sr/nema/`);
    expect(sr.status).toBe(404);
    expect(await sr.text()).toBe('nije pronađena');
    expect(await (await fetch(`${base}/en/missing`)).text()).toBe('not found');
    expect(await (await fetch(`${base}/elsewhere`)).text()).toBe('nuk u gjet');
  });

  it('answers the address of an item published in error with 410 Gone, in its language', async () => {
    for (const path of ['/en/press-releases/in-error/', '/en/press-releases/in-error']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(410);
      expect(await res.text()).toBe('removed');
      expect(res.headers.get('content-security-policy')).toBeTruthy();
    }
  });

  it("redirects the address of a consolidated item to its replacement, as the build's map says", async () => {
    const res = await fetch(`${base}/sr/saopstenja/spojeno/`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toMatch(/\/sr\/saopstenja\/novo\/$/);
  });

  it("loads thousands of real-length addresses from the site's own map writer", async () => {
    const long = await fetch(`${base}/sq/komunikata/${LONG_SLUG}/`);
    expect(long.status).toBe(410);
    expect(
      (await fetch(`${base}/sq/komunikata/${'a'.repeat(250)}`, { redirect: 'manual' })).headers.get('location'),
    ).toMatch(new RegExp(`/sq/komunikata/b{250}/$`));
    expect((await fetch(`${base}${numbered(4999)}`)).status).toBe(410);
    const moved = await fetch(`${base}${numbered(4998)}`, { redirect: 'manual' });
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toMatch(/\/en\/press-releases\/4998-replacement\/$/);
  });

  it("passes the forms' intake to the CMS with the client's address, and nothing else of the CMS", async () => {
    const res = await fetch(`${base}/intake/document-request`, {
      method: 'POST',
      redirect: 'manual',
      body: 'name=Arta&language=sq',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': '10.9.9.9' },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/\?ref=DR-2026-7KQ4XM$/);
    expect(intakeSeen.at(-1)).toEqual({
      method: 'POST',
      url: '/intake/document-request',
      body: 'name=Arta&language=sq',
      forwardedFor: '127.0.0.1',
    });
    const seen = intakeSeen.length;
    for (const other of ['/admin', '/api/releases', '/content-manager/x', '/newsroom/editorial'])
      expect((await fetch(`${base}${other}`)).status, other).toBe(404);
    // Other spellings: nginx matches locations case-sensitively, so these stay on the static site.
    for (const spelling of ['/INTAKE/document-request', '/Intake/document-request', '/intakex/document-request']) {
      expect(
        (
          await fetch(`${base}${spelling}`, {
            method: 'POST',
            redirect: 'manual',
            body: 'x=1',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          })
        ).status,
        spelling,
      ).not.toBe(303);
    }
    expect(intakeSeen).toHaveLength(seen);
  });

  it('shows a well-formed reference on every thank-you page, and nothing else from the address', async () => {
    for (const kind of Object.keys(FORMS) as FormKind[]) {
      for (const locale of LOCALE_CODES) {
        const page = thanksPath(kind, locale);
        expect(await (await fetch(`${base}${page}?ref=MI-2026-ABCDEF`)).text(), page).toBe(
          `<p>${locale} <strong>MI-2026-ABCDEF</strong></p>`,
        );
        expect(await (await fetch(`${base}${page}?ref=%3Cscript%3Ealert(1)%3C/script%3E`)).text(), page).toBe(
          `<p>${locale} <strong></strong></p>`,
        );
        expect(await (await fetch(`${base}${page}?ref=MI-2026-ABCDEF%22%3E`)).text(), page).toBe(
          `<p>${locale} <strong></strong></p>`,
        );
      }
    }
  });

  it('does not serve the map itself', async () => {
    expect((await fetch(`${base}/_retired.map`)).status).toBe(404);
  });
});
