#!/usr/bin/env node
// Loads the compiled CMS headless with SEED_DEMO on: bootstrap fills the demo content.
// CommonJS on purpose: Strapi's ESM build does not load under plain Node.
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

async function main() {
  const appDir = path.resolve(__dirname, '..');
  process.env.SEED_DEMO = 'true';
  const strapi = await createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  await strapi.destroy();
  console.log('Demo content is in place.');
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
