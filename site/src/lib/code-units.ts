/**
 * Orders strings by their UTF-16 code units. ISO dates, documentIds (lowercase letters and
 * digits) and file paths sort alike this way, and much faster than by locale; builds must
 * order them the same on every machine.
 */
export const byCodeUnits = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
