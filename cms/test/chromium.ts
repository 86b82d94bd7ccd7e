import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, driven by playwright-core (never a downloaded browser). Without it the
 * browser suites say why and skip, except in CI (CI=true), where a missing browser fails the run.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium && process.env.CI === 'true')
  throw new Error(`Chromium is required in CI: not found at ${CHROMIUM} (apt-get install -y chromium)`);
if (!hasChromium)
  console.warn(
    `Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH).`,
  );

/** Headless, with no network of its own: this machine's closed network refuses Chromium's background calls. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });

/** Where the browser tests leave screenshots to check by eye (the repository's screenshots/, ignored by git). */
export function screenshotsFolder(): string {
  const folder = path.resolve(import.meta.dirname, '..', '..', 'screenshots');
  fs.mkdirSync(folder, { recursive: true });
  return folder;
}
