import fs from 'node:fs';
import { parseArgs } from 'node:util';
import {
  auditLog,
  sha256Hex,
  verifyPublication,
  type LogHead,
  type SiteFiles,
  type Verdict,
  type VerifyInput,
} from '@newsroom/shared-types';
import { folderSiteFiles, httpSiteFiles } from './site-files';

const USAGE = `Verifies that the office published a page, a text or a file, with the same checks as the site's verify page.

  npm run verify -- <address of a page>
  npm run verify -- <file> --site <site address>
  npm run verify -- --text <file with the text, or - for standard input> --site <site address>
  npm run verify -- --log --site <site address> [--since <an earlier head.json>]

--build <folder> reads a build folder instead of a site (its address is still needed for page addresses).
Exits 0 when authentic (or the log is whole), 1 when not, 2 on a usage error.`;

/** The verdict as lines for a terminal: the same facts the verify page words. */
export function describeVerdict(verdict: Verdict): string[] {
  const lines = [`${verdict.outcome.toUpperCase()}: ${verdict.reason}`];
  const record = verdict.record;
  if (record) lines.push(`  ${record.title}`, `  ${record.url} (${record.type}, ${record.locale})`);
  if (verdict.firstPublished) lines.push(`  first published ${verdict.firstPublished}`);
  if (verdict.state)
    lines.push(`  this version: ${verdict.state}${verdict.state === 'current' ? '' : ` on ${verdict.stateAt}`}`);
  if (verdict.key) lines.push(`  key ${verdict.key.keyId}, fingerprint ${verdict.key.fingerprint}`);
  if (verdict.logIndex !== undefined)
    lines.push(`  log entry ${verdict.logIndex + 1} of ${verdict.logSize}, entered ${verdict.versionLogged}`);
  for (const t of verdict.translations ?? []) lines.push(`  ${t.locale}: ${t.url}`);
  return lines;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      site: { type: 'string' },
      build: { type: 'string' },
      text: { type: 'string' },
      log: { type: 'boolean' },
      since: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const target = positionals[0];
  const siteUrl = values.site ?? (target && /^https?:\/\//.test(target) ? new URL(target).origin : undefined);
  if (values.help || !siteUrl || (!target && !values.text && !values.log)) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const files: SiteFiles = values.build ? folderSiteFiles(values.build) : httpSiteFiles(siteUrl);
  if (values.log) {
    const earlier = values.since ? (JSON.parse(fs.readFileSync(values.since, 'utf8')) as LogHead) : undefined;
    const audit = await auditLog(files, earlier);
    console.log(audit.ok ? `LOG OK: ${audit.size} entries chained and signed` : `LOG NOT OK: ${audit.problem}`);
    return audit.ok ? 0 : 1;
  }
  let input: VerifyInput;
  if (values.text !== undefined) input = { text: fs.readFileSync(values.text === '-' ? 0 : values.text, 'utf8') };
  else if (/^https?:\/\//.test(target) || target.startsWith('/')) input = { address: target };
  else input = { fileSha256: await sha256Hex(new Uint8Array(fs.readFileSync(target))), name: target };
  const verdict = await verifyPublication(files, input, siteUrl);
  for (const line of describeVerdict(verdict)) console.log(line);
  return verdict.outcome === 'authentic' ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`verify: ${error.message}`);
    process.exit(2);
  },
);
