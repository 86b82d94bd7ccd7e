import fs from 'node:fs';
import path from 'node:path';
import {
  CONTENT_TYPE_KEYS,
  CONTENT_TYPES,
  stopwatch,
  type BuildPlan,
  type BuildReport,
  type ContentTypeKey,
  type WebhookPayload,
} from '@newsroom/shared-types';
import { planEnvironment, readBuildReport } from './build-plan';
import { assembleBuild, discardCarrying, startCarrying, type CarriedBy, type Carrying } from './assemble';
import { BuildQueue, type Timers } from './coalesce';
import {
  buildDir,
  keptBuilds,
  liveBuildId,
  newBuildId,
  retain,
  searchBundlesDir,
  spareBuildDir,
  spareBuildId,
  stagingDir,
  switchCurrent,
} from './deploy';
import { changesBetween, forgetDeltas, outermost, recordDelta } from './deltas';
import { runCommand } from './run-command';
import { verifyBuild } from './verify';
import { checkNginxMap } from './nginx-check';
import { sealBuild, sealChange } from './seal';
import { repositoryRoot, siteWorkerScript, type BuilderConfig } from './config';
import { RECYCLE_AFTER_BUILDS, SiteWorker, siteCodeStamp } from './site-worker';
import { syncAlgolia } from '../search/algolia';
import { readJsonState, writeJsonAtomic } from '../lib/json-state';
import { recordsOfSite } from '../search/records';
import { Authenticity, authenticityStore, type AuthenticityReport } from '../authenticity/authenticate';
import { readSigningKey, signingKeyFrom } from '../authenticity/keys';

export interface TriggerEvent {
  event: string;
  uid?: string;
  documentId?: string;
  locale?: string | null;
  receivedAt: string;
}

export interface BuildRecord {
  id: string;
  trigger: TriggerEvent[];
  startedAt: string;
  durationMs?: number;
  pages?: number;
  /** Entries the CMS listed for this build. */
  listed?: number;
  /** The digest of each type's listing this build was made from (the safety net compares them with the CMS's). */
  listings?: Record<string, string>;
  /** Incremental: only the pages the change affects were rendered, the rest linked from the live build. */
  mode?: 'incremental' | 'full';
  /** Why a build was full, when it was not the first. */
  fullBecause?: string;
  /** Files the site rendered, and files of the live build carried into this one. */
  files?: BuildReport['files'];
  /** How an incremental build's folder was made from the live build (assemble.ts). */
  carriedBy?: CarriedBy;
  /** Where the build's time went, by phase: the site build's (from its report) and the builder's own steps. */
  timingsMs?: Record<string, number>;
  result: 'running' | 'live' | 'failed';
  error?: string;
  /** What the build signed and logged (see scripts/authenticity). */
  authenticity?: AuthenticityReport;
  /** The hosted search sync of a live build; its failure never holds back the site. */
  search?: { result: 'synced'; updated: number; deleted: number } | { result: 'failed'; error: string };
}

const HISTORY = 20;

/** Webhook events in, verified builds out; the state /status reports, kept across restarts. */
export class Builder {
  readonly queue: BuildQueue<TriggerEvent>;
  private history: BuildRecord[];
  private readonly historyFile: string;
  /** The site build, kept running between builds; BUILD_COMMAND replaces it with a command per build. */
  private readonly worker: SiteWorker;
  /** Signs and logs each build's records; null when no signing key is configured. */
  private readonly authenticity: Authenticity | null;

  constructor(
    private readonly config: BuilderConfig,
    private readonly log: (line: string) => void = console.log,
    timers?: Timers,
  ) {
    fs.mkdirSync(config.BUILDS_DIR, { recursive: true });
    this.worker = new SiteWorker(
      siteWorkerScript(),
      RECYCLE_AFTER_BUILDS,
      () => siteCodeStamp(repositoryRoot()),
      config.BUILD_HEAP_MB,
    );
    this.historyFile = path.join(config.BUILDS_DIR, 'history.json');
    this.history = readJsonState<BuildRecord[]>(this.historyFile, [], log);
    const key = config.SIGNING_KEY_FILE
      ? readSigningKey(config.SIGNING_KEY_FILE, config.BUILDS_DIR)
      : config.SIGNING_KEY
        ? signingKeyFrom(config.SIGNING_KEY)
        : null;
    this.authenticity = key ? new Authenticity(authenticityStore(config.BUILDS_DIR), key, log) : null;
    if (!key) log('No SIGNING_KEY_FILE or SIGNING_KEY: builds are not signed and the site has no public log');
    for (const record of this.history)
      if (record.result === 'running')
        Object.assign(record, { result: 'failed', error: 'the builder stopped during this build' });
    this.queue = new BuildQueue((id, events) => this.build(id, events), {
      quietMs: config.QUIET_MS,
      maxWaitMs: config.MAX_WAIT_MS,
      newId: () => newBuildId(),
      timers,
    });
  }

  accept(payload: WebhookPayload | { event: string }): string {
    const entry = 'entry' in payload ? payload.entry : null;
    return this.queue.push({
      event: payload.event,
      uid: 'uid' in payload ? payload.uid : undefined,
      documentId: entry?.documentId,
      locale: entry?.locale,
      receivedAt: new Date().toISOString(),
    });
  }

  /** A build running or waiting. */
  busy(): boolean {
    return this.queue.isRunning || this.queue.queued.length > 0;
  }

  /** The record of the live build, if the builder made it. */
  liveRecord(): BuildRecord | null {
    const liveId = liveBuildId(this.config.BUILDS_DIR);
    return this.history.find((b) => b.id === liveId) ?? null;
  }

  status() {
    const liveId = liveBuildId(this.config.BUILDS_DIR);
    return {
      live: this.history.find((b) => b.id === liveId) ?? (liveId ? { id: liveId } : null),
      running: this.history.find((b) => b.result === 'running') ?? null,
      signing: this.authenticity ? { keyId: this.authenticity.keyId } : null,
      queued: this.queue.queued,
      builds: this.history.slice(0, HISTORY),
    };
  }

  /** Stops the site's build worker once it has written what its last build left (the builder is shutting down). */
  async close() {
    await this.worker.retire();
  }

  /**
   * Switches back to a kept build (only a name the builder gave one of the builds it keeps),
   * once any running build has ended, so that build cannot undo it by going live after.
   */
  async rollback(id: string): Promise<BuildRecord | { id: string }> {
    const check = () => {
      if (!keptBuilds(this.config.BUILDS_DIR).includes(id)) throw new Error(`No kept build ${JSON.stringify(id)}`);
    };
    check();
    return this.queue.exclusive(() => {
      check();
      switchCurrent(this.config.BUILDS_DIR, id);
      this.log(`rolled back to build ${id}`);
      return this.history.find((b) => b.id === id) ?? { id };
    });
  }

  async build(id: string, trigger: TriggerEvent[]): Promise<void> {
    const record: BuildRecord = { id, trigger, startedAt: new Date().toISOString(), result: 'running' };
    this.history.unshift(record);
    this.history = this.history.slice(0, 100);
    this.save();
    const started = Date.now();
    const out = buildDir(this.config.BUILDS_DIR, id);
    const planFile = path.join(this.config.BUILDS_DIR, '.plans', `${id}.json`);
    // The content store moves with every sync, even a failed build's: only a build that follows
    // the live one directly may take its files, or a change synced by a failed build would be lost.
    const previous = this.history.find((b) => b.id !== id);
    const liveId =
      previous?.result === 'live' && previous.id === liveBuildId(this.config.BUILDS_DIR) ? previous.id : null;
    this.log(`build ${id} started (${trigger.length} event${trigger.length === 1 ? '' : 's'})`);
    let carrying: Carrying | null = null;
    try {
      const plan: BuildPlan = {
        id,
        outDir: out,
        cacheDir: path.join(this.config.BUILDS_DIR, '.cache'),
        reportFile: planFile.replace(/\.json$/, '.report.json'),
        ...(liveId ? { base: buildDir(this.config.BUILDS_DIR, liveId) } : {}),
        searchBundles: searchBundlesDir(this.config.BUILDS_DIR),
        refetch: trigger.some((e) => e.event.startsWith('media.')) ? 'all' : 'changed',
      };
      // Only after a build that went live: a failed build may have synced a type and lost its change.
      const named = liveId ? typesNamed(trigger) : null;
      if (named) plan.changedTypes = named;
      const env = planEnvironment(plan, planFile, { ...process.env, CMS_URL: this.config.CMS_URL });
      // The live build's files are linked while the site builds; the site reports what to leave out.
      const sinceSpare = liveId
        ? changesBetween(this.config.BUILDS_DIR, spareBuildId(this.config.BUILDS_DIR), liveId)
        : null;
      carrying = startCarrying(
        plan.base,
        stagingDir(this.config.BUILDS_DIR),
        spareBuildDir(this.config.BUILDS_DIR),
        sinceSpare && outermost(sinceSpare),
      );
      if (this.config.BUILD_COMMAND)
        await runCommand(['/bin/sh', '-c', this.config.BUILD_COMMAND], {
          timeoutMs: this.config.BUILD_TIMEOUT_MS,
          env,
        });
      else await this.worker.run(env, this.config.BUILD_TIMEOUT_MS);
      const lap = stopwatch(started);
      const report = readBuildReport(plan);
      const { records: recordChanges, timingsMs: site, ...stats } = figuresOf(report);
      Object.assign(record, stats);
      // From the first event's arrival: the quiet window and any build before this one.
      const arrived = Math.min(...trigger.map((e) => Date.parse(e.receivedAt)).filter(Number.isFinite));
      const timingsMs: Record<string, number> = Number.isFinite(arrived)
        ? { 'waiting to start': started - arrived }
        : {};
      timingsMs['site build'] = lap();
      for (const [phase, ms] of Object.entries(site ?? {})) timingsMs[`site build: ${phase}`] = ms;
      const change = await assembleBuild(out, report, carrying, plan.searchBundles);
      carrying = null;
      if (change) record.carriedBy = change.carriedBy;
      timingsMs.assemble = lap();
      if (this.authenticity)
        record.authenticity = this.authenticity.run(out, {
          changes:
            recordChanges && liveId ? { base: buildDir(this.config.BUILDS_DIR, liveId), ...recordChanges } : undefined,
        });
      timingsMs.sign = lap();
      const live = this.history.find((b) => b.id === liveBuildId(this.config.BUILDS_DIR) && b.pages !== undefined);
      record.pages = verifyBuild(
        out,
        live ? { pages: live.pages!, listed: live.listed } : null,
        record.listed,
        this.config.MAX_PAGE_DROP,
        change && plan.base && live?.id === liveId ? sealChange(out, plan.base, live.pages!, change) : sealBuild(out),
      );
      timingsMs['seal and verify'] = lap();
      checkNginxMap(out);
      timingsMs['nginx check'] = lap();
      switchCurrent(this.config.BUILDS_DIR, id);
      timingsMs.switch = lap();
      record.timingsMs = timingsMs;
      record.result = 'live';
      if (change && liveId) recordDelta(this.config.BUILDS_DIR, id, { base: liveId, changed: change.changed });
      retain(this.config.BUILDS_DIR, this.config.KEEP_BUILDS).catch((error: Error) =>
        this.log(`could not remove an old build: ${error.message}`),
      );
      forgetDeltas(this.config.BUILDS_DIR, keptBuilds(this.config.BUILDS_DIR));
      this.log(`build ${id} is live (${record.mode ?? 'full'}): ${record.pages} pages in ${Date.now() - started} ms`);
      if (this.config.ALGOLIA_APP_ID) record.search = await this.syncSearch(out);
    } catch (error) {
      record.result = 'failed';
      record.error = (error as Error).message;
      await discardCarrying(carrying);
      fs.rmSync(out, { recursive: true, force: true });
      this.log(`build ${id} failed; the live site is unchanged: ${record.error}`);
    } finally {
      fs.rmSync(planFile, { force: true });
      fs.rmSync(planFile.replace(/\.json$/, '.report.json'), { force: true });
      record.durationMs = Date.now() - started;
      this.save();
    }
  }

  private async syncSearch(out: string): Promise<NonNullable<BuildRecord['search']>> {
    try {
      const host = this.config.ALGOLIA_HOST ? new URL(this.config.ALGOLIA_HOST) : null;
      const sent = await syncAlgolia(recordsOfSite(out), {
        appId: this.config.ALGOLIA_APP_ID!,
        adminKey: this.config.ALGOLIA_ADMIN_KEY!,
        indexPrefix: this.config.ALGOLIA_INDEX_PREFIX,
        stateFile: path.join(this.config.BUILDS_DIR, '.search', 'algolia.json'),
        hosts: host ? [{ url: host.host, protocol: host.protocol === 'https:' ? 'https' : 'http' }] : undefined,
      });
      this.log(`search: ${sent.updated} records sent, ${sent.deleted} deleted`);
      return { result: 'synced', ...sent };
    } catch (error) {
      this.log(`search sync failed (the site is live regardless): ${(error as Error).message}`);
      return { result: 'failed', error: (error as Error).message };
    }
  }

  private save() {
    writeJsonAtomic(this.historyFile, this.history);
  }
}

/**
 * The content types a build's events name, each once; null when one names none (the safety
 * net's check, a media change, a rebuild asked for by hand): every type is then synced.
 */
export function typesNamed(trigger: TriggerEvent[]): ContentTypeKey[] | null {
  const named = new Set<ContentTypeKey>();
  for (const event of trigger) {
    const key = event.event.startsWith('entry.')
      ? CONTENT_TYPE_KEYS.find((k) => CONTENT_TYPES[k].uid === event.uid)
      : undefined;
    if (!key) return null;
    named.add(key);
  }
  return named.size > 0 ? [...named] : null;
}

/**
 * What the site's build reported (shared-types' BuildReport): entries listed per type and the
 * listings' digests, incremental or full and why, pages, an incremental build's record files.
 * A BUILD_COMMAND of the operator's own may write none: the build then has no figures.
 */
function figuresOf(report: Partial<BuildReport> | null): Pick<
  BuildRecord,
  'listed' | 'listings' | 'mode' | 'fullBecause' | 'pages' | 'files' | 'timingsMs'
> & {
  records?: BuildReport['records'];
} {
  if (!report) return {};
  const loaders = Object.entries(report.loaders ?? {});
  const listings = Object.fromEntries(loaders.flatMap(([type, s]) => (s.digest ? [[type, s.digest]] : [])));
  return {
    listed: loaders.reduce((sum, [, s]) => sum + (s.listed ?? 0), 0),
    ...(Object.keys(listings).length > 0 ? { listings } : {}),
    ...(report.mode ? { mode: report.mode } : {}),
    ...(report.fullBecause ? { fullBecause: report.fullBecause } : {}),
    ...(report.pages !== undefined ? { pages: report.pages } : {}),
    ...(report.files ? { files: report.files } : {}),
    ...(report.records ? { records: report.records } : {}),
    ...(report.timingsMs ? { timingsMs: report.timingsMs } : {}),
  };
}
