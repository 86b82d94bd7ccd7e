import type { Builder } from './builder';
import { cmsDigests, PUBLIC_TYPES } from './cms-digest';

/**
 * The safety net: a webhook that is lost or refused (a wrong secret, the builder down
 * during a publish) must delay the site by minutes, never forever. Every `intervalMs` the
 * builder compares the CMS's listings with the ones its live build was made from (their
 * digests, which the site's loader records), and builds when one differs and nothing is
 * already on its way.
 */
export class CmsCheck {
  private timer: NodeJS.Timeout | null = null;
  private checking = false;

  constructor(
    private readonly builder: Builder,
    private readonly cmsUrl: () => string,
    private readonly intervalMs: number,
    private readonly log: (line: string) => void = console.log,
  ) {}

  start() {
    if (this.intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.check(), this.intervalMs);
    this.timer.unref();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One comparison; returns whether it asked for a build. */
  async check(): Promise<boolean> {
    if (this.checking || this.builder.busy()) return false;
    this.checking = true;
    try {
      const live = this.builder.liveRecord();
      const built = live?.listings ?? {};
      const types = Object.keys(built).length > 0 ? Object.keys(built) : PUBLIC_TYPES;
      const now = await cmsDigests(this.cmsUrl(), types);
      if (types.every((type) => built[type] === now[type]) || this.builder.busy()) return false;
      this.log(
        `the CMS changed without a webhook reaching the builder (live build ${live?.id ?? 'none'}); building now`,
      );
      this.builder.accept({ event: 'cms.changed' });
      return true;
    } catch (error) {
      this.log(`could not compare the site with the CMS: ${(error as Error).message}`);
      return false;
    } finally {
      this.checking = false;
    }
  }
}
