import { build } from 'astro';
const base = process.argv[2];
for (const [i, out] of ['/tmp/tw-1', '/tmp/tw-2', '/tmp/tw-3'].entries()) {
  Object.assign(process.env, { SITE_OUT_DIR: out, INCREMENTAL_BASE: i === 0 ? base : ['/tmp/tw-1', '/tmp/tw-2'][i - 1], LOADER_CHANGES_FILE: `${out}.changes.json`, LOADER_STATS_FILE: `${out}.stats.json` });
  const t = performance.now();
  await build({ root: '/work/main/site', logLevel: 'warn' });
  console.log('build', i, Math.round(performance.now() - t), 'ms', (process.memoryUsage().rss / 2 ** 20).toFixed(0), 'MiB');
}
