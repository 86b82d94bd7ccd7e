import type { AccreditedOutlets } from '@newsroom/shared-types';
import { config } from '../config';
import { getJson } from '../loaders/cms-client';
import { perBuild } from './build-scope';

/** The outlets accredited today, read once per build; unpublished unless the office turned the list on in the CMS. */
export const accreditedOutlets = () =>
  perBuild(
    'accredited-outlets',
    async () => (await getJson<{ data: AccreditedOutlets }>(`${config.CMS_URL}/api/newsroom/accredited-outlets`)).data,
  );
