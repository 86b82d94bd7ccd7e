import fs from 'node:fs';
import path from 'node:path';
import type { SiteFiles } from '@newsroom/shared-types';

/** A live site over HTTP(S). */
export const httpSiteFiles = (site: string): SiteFiles => ({
  async get(sitePath) {
    const response = await fetch(new URL(sitePath, site));
    if (response.status === 404 || response.status === 410) return null;
    if (!response.ok) throw new Error(`${site} answered ${response.status} for ${sitePath}`);
    return new Uint8Array(await response.arrayBuffer());
  },
});

/** A build folder (the builder's, or a mirror's copy of the site); a path never leaves it. */
export const folderSiteFiles = (dir: string): SiteFiles => ({
  get(sitePath) {
    const root = path.resolve(dir);
    const file = path.resolve(root, `.${path.posix.normalize(`/${decodeURIComponent(sitePath)}`)}`);
    const inside = file.startsWith(`${root}${path.sep}`) && fs.existsSync(file) && fs.statSync(file).isFile();
    return Promise.resolve(inside ? new Uint8Array(fs.readFileSync(file)) : null);
  },
});
