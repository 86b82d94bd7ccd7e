/**
 * Kosovo's public holidays (Law No. 03/L-064 on Official Holidays and Remembrance Days), per
 * year: the fixed ones, and the movable Easters and Eids as the government announces them.
 * A holiday on a Sunday is also observed on the Monday after. The office checks each new
 * year against the government's decision and adds it here before January.
 */
const FIXED = ['01-01', '01-02', '01-07', '02-17', '04-09', '05-01', '05-09', '12-25'];

/**
 * Catholic and Orthodox Easter Monday (one day when they fall together), Eid al-Fitr and
 * Eid al-Adha: the Eids as expected from the calendar, confirmed each year by the government.
 */
const MOVABLE: Record<number, string[]> = {
  2025: ['04-21', '03-31', '06-06'],
  2026: ['04-06', '04-13', '03-20', '05-27'],
  2027: ['03-29', '05-03', '03-10', '05-17'],
  2028: ['04-17', '02-26', '05-05'],
};

export const HOLIDAY_YEARS = Object.keys(MOVABLE).map(Number);

const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();
const nextDay = (date: string) => new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function holidaysOf(year: number): Set<string> {
  if (!MOVABLE[year])
    throw new Error(
      `Kosovo's public holidays for ${year} are not in cms/src/requests/holidays.ts yet: add them from the government's decision`,
    );
  const days = [...FIXED, ...MOVABLE[year]].map((d) => `${year}-${d}`);
  const observed = days.filter((d) => weekday(d) === 0).map(nextDay);
  return new Set([...days, ...observed]);
}

const cache = new Map<number, Set<string>>();

/** Whether a date (`YYYY-MM-DD`) is a public holiday in Kosovo. */
export function isHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  const holidays = cache.get(year) ?? holidaysOf(year);
  cache.set(year, holidays);
  return holidays.has(date);
}
