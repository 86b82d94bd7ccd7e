/**
 * What the other workspaces' tests and the benchmark use from the CMS, imported as
 * `@newsroom/cms/testing`: a real Strapi on its own database, signed-in admins, fixtures,
 * and the few services a test drives directly.
 */
export { startStrapi, type TestStrapi } from './strapi';
export { adminAs } from './admin-users';
export { createRelease, releaseData } from './fixtures/release';
export { seedSubscribers } from './fixtures/subscribers';
export { startSmtp, recipientOf, type TestSmtp } from './smtp';
export { seedDemo } from '../src/seed';
export { drawPhoto } from '../src/seed/media';
export { sendOutbox } from '../src/mail/worker';
export { runAlerts } from '../src/alerts/cron';
export { HITS } from '../src/intake/guard';
export { t as intakeText } from '../src/intake/answer';
export { takeStep } from '../src/requests/desk';
export { hasChromium, launchChromium } from './chromium';
