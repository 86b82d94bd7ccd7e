/**
 * Which search bundle an item page belongs to. A page's period is its language and the month
 * of its date (`en-2026-12`; `sq-undated` for a page without one), recorded in the manifest.
 * Items of the month a build is made in have a bundle of their own; every other month's go to
 * their year's (`en-2026`). Most publishes are of this month's items, so a publish indexes
 * about seventy pages again rather than its year's eight hundred. When the month ends, the
 * first build moves its items into their year's bundle.
 */

/** The month a build is made in, as the pages' sort dates give it (UTC, `2026-12`). */
export const monthOf = (at: Date) => at.toISOString().slice(0, 7);

const MONTHLY = /^(.+)-(\d{4})-(\d{2})$/;

/** The bundle of a page of `period` in a build made in `month`. */
export function bundleOf(period: string, month: string): string {
  const parts = MONTHLY.exec(period);
  if (!parts) return period;
  return `${parts[2]}-${parts[3]}` === month ? period : `${parts[1]}-${parts[2]}`;
}

const NAMED = /^(.+?)-(\d{4}(?:-\d{2})?|undated)$/;

/** `sr-latn-2026-12` → language `sr-latn`, period `2026-12`; `en-undated` → `en`, `undated`. */
export function splitBundle(name: string): { language: string; period: string } {
  const parts = NAMED.exec(name);
  if (!parts)
    throw new Error(`${name} is not a search bundle's name (language-year, language-year-month or language-undated)`);
  return { language: parts[1], period: parts[2] };
}
