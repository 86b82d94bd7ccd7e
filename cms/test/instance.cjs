#!/usr/bin/env node
// A second CMS instance for the tests: the compiled app on the database the environment
// names (the test's own), with its cron, as another process behind a balancer would run it.
// CommonJS on purpose: Strapi's ESM build does not load under plain Node.
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

async function main() {
  const appDir = path.resolve(__dirname, '..');
  const strapi = await createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  await new Promise((resolve) => strapi.server.listen(0, '127.0.0.1', resolve));
  // Strapi stops itself on SIGTERM and SIGINT (finishing the mail it is sending): a second
  // handler here would destroy it twice.
  console.log(`instance ready on ${strapi.server.httpServer.address().port}`);
}

main().catch((error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
