import { loadBuilderConfig } from './config';
import { Builder } from './builder';
import { builderServer } from './server';
import { staticServer } from './static-server';
import { liveBuildId } from './deploy';
import { PreviewRenderer } from './preview';
import { CmsCheck } from './cms-check';

/** The long-running builder: webhook API, and the live site for local use. */
async function main() {
  const config = loadBuilderConfig();
  const builder = new Builder(config);
  const preview = config.PREVIEW_SECRET
    ? {
        renderer: new PreviewRenderer(config),
        frameAncestor: config.CMS_PUBLIC_URL ? new URL(config.CMS_PUBLIC_URL).origin : undefined,
      }
    : undefined;
  const api = builderServer(builder, config.BUILDER_WEBHOOK_SECRET, preview);
  const site = staticServer(config.BUILDS_DIR, { cmsUrl: config.CMS_URL });
  await api.listen({ host: config.BUILDER_HOST, port: config.BUILDER_PORT });
  await site.listen({ host: config.SITE_HOST, port: config.SITE_PORT });
  console.log(
    `builder: webhook http://${config.BUILDER_HOST}:${config.BUILDER_PORT}/webhook, site http://${config.SITE_HOST}:${config.SITE_PORT}/`,
  );
  if (!liveBuildId(config.BUILDS_DIR) || process.argv.includes('--build-now'))
    builder.accept({ event: 'builder.start' });
  const check = new CmsCheck(builder, () => config.CMS_URL, config.CMS_CHECK_MS);
  check.start();
  const stop = async () => {
    check.stop();
    await Promise.all([api.close(), site.close()]);
    await builder.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
