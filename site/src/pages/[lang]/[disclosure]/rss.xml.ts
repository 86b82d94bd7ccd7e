import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import type { Locale } from '@newsroom/shared-types';
import { config } from '../../../config';
import { disclosureLog } from '../../../lib/disclosure';
import { selectPaths } from '../../../lib/incremental';
import { channelData, FEED_LIMIT, RSS_NAMESPACES } from '../../../lib/feeds';
import { absolute, disclosureFeedPath, specialPath, specialPageParams } from '../../../lib/routes';
import { t } from '../../../lib/i18n';

export function getStaticPaths() {
  return selectPaths('/[lang]/[disclosure]/rss.xml', specialPageParams('disclosureLog', 'disclosure'));
}

/** The disclosure log as RSS, one item per published request, newest decision first. */
export const GET: APIRoute = async ({ props }) => {
  const locale = props.locale as Locale;
  const tr = t(locale);
  const page = absolute(config.SITE_URL, specialPath('disclosureLog', locale));
  return rss({
    title: `${tr('site.name')}: ${tr('disclosure.title')}`,
    description: tr('disclosure.intro'),
    site: config.SITE_URL,
    xmlns: RSS_NAMESPACES,
    customData: channelData(locale, absolute(config.SITE_URL, disclosureFeedPath(locale))),
    items: (await disclosureLog()).slice(0, FEED_LIMIT).map((e) => ({
      title: `${e.reference}: ${e.summary || tr(`disclosure.outcome.${e.outcome}`)}`,
      link: `${page}#${e.reference}`,
      pubDate: new Date(`${e.decidedOn}T12:00:00Z`),
      description: `${tr('disclosure.outcome')}: ${tr(`disclosure.outcome.${e.outcome}`)}`,
      customData: `<guid isPermaLink="false">${e.reference}-${locale}</guid>`,
    })),
  });
};
