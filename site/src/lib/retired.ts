import { sitePathProblem, type RetiredPage, type RetiredRule } from '@newsroom/shared-types';
import { itemPath, PAGE_TYPES, type PageType } from './routes';

/**
 * The rules for the addresses the CMS recorded as retired, in a stable order (builds are
 * compared byte for byte). A live page at the same address wins: the item came back.
 * Both ends go into server configuration, so an address that is not a plain path of this
 * site is never written: a redirect to one answers 410 instead (the item is gone either
 * way), and `warn` says which record to correct.
 */
export function retiredRules(
  retired: Array<Pick<RetiredPage, 'contentType' | 'pageLocale' | 'slug' | 'reason' | 'redirectTo'>>,
  livePaths: Set<string>,
  warn: (message: string) => void = () => {},
): RetiredRule[] {
  const rules = new Map<string, RetiredRule>();
  for (const r of retired) {
    if (!PAGE_TYPES.includes(r.contentType as PageType)) continue;
    const path = itemPath(r.contentType as PageType, r.pageLocale, r.slug);
    if (livePaths.has(path)) continue;
    const pathProblem = sitePathProblem(path);
    if (pathProblem) {
      warn(`retired page ${JSON.stringify(path)} left out of _redirects and _retired.map: ${pathProblem}`);
      continue;
    }
    const to = r.reason === 'consolidated' ? r.redirectTo?.trim() : undefined;
    const toProblem = to ? sitePathProblem(to) : null;
    if (toProblem)
      warn(`retired page ${path} answers 410 instead of redirecting to ${JSON.stringify(to)}: ${toProblem}`);
    rules.set(path, to && !toProblem ? { path, status: 301, to } : { path, status: 410 });
  }
  return [...rules.values()].sort((a, b) => a.path.localeCompare(b.path));
}
