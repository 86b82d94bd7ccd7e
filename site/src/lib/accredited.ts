import type { AccreditedOutlets } from '@newsroom/shared-types';
import { config } from '../config';
import { getJson } from '../loaders/cms-client';
import { recorded } from './reads';

/**
 * The outlets accredited today, read once per build; unpublished unless the office turned the
 * list on in the CMS. A recorded query (lib/reads.ts): asked again each build, its pages render
 * again only when the answer differs.
 */
export const accreditedOutlets = recorded(
  'accreditedOutlets',
  async () => (await getJson<{ data: AccreditedOutlets }>(`${config.CMS_URL}/api/newsroom/accredited-outlets`)).data,
);
