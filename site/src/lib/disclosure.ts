import { stringify } from 'csv-stringify/sync';
import { STATISTICS_COLUMNS, type DisclosureEntry, type MonthStatistics } from '@newsroom/shared-types';
import { config } from '../config';
import { getJson } from '../loaders/cms-client';
import { openMediaFiles } from '../loaders/media-files';
import { buildCacheDir } from './build-scope';
import { recorded } from './reads';

/**
 * The disclosure log and the request statistics, read once per build from the CMS's open
 * data (requests/open-data.ts there): only what the office chose to publish, never who asked.
 * Recorded queries (lib/reads.ts): no loader says when they change, so each build asks them
 * again, and their pages render again only when the answers differ.
 */
export const disclosureLog = recorded('disclosureLog', async () => {
  const { data } = await getJson<{ data: DisclosureEntry[] }>(`${config.CMS_URL}/api/newsroom/disclosure-log`);
  const media = openMediaFiles(buildCacheDir(), config.CMS_URL);
  await media.localize(data);
  media.save();
  return data;
});

export const requestStatistics = recorded(
  'requestStatistics',
  async () => (await getJson<{ data: MonthStatistics[] }>(`${config.CMS_URL}/api/newsroom/request-statistics`)).data,
);

/** One row per month, the outcomes as columns of their own. */
export const statisticsRows = (months: MonthStatistics[]) =>
  months.map(({ outcomes, ...rest }) => ({ ...rest, ...outcomes }));

export const statisticsCsv = (months: MonthStatistics[]) =>
  stringify(
    statisticsRows(months).map((r) => ({ ...r, medianDaysToAnswer: r.medianDaysToAnswer ?? '' })),
    { header: true, columns: [...STATISTICS_COLUMNS] },
  );
