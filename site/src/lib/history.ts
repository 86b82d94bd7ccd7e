import type { Government } from '@newsroom/shared-types';

/**
 * History mode: the government an item was published under, when that government is no
 * longer in office. Dates compare as ISO days; a government without an end is current.
 */
export function formerGovernmentAt(
  date: string | undefined,
  governments: Array<Pick<Government, 'name' | 'startsOn' | 'endsOn'>>,
) {
  if (!date) return undefined;
  const day = date.slice(0, 10);
  const under = governments.find((g) => g.startsOn <= day && (!g.endsOn || day <= g.endsOn));
  return under?.endsOn ? under : undefined;
}
