/**
 * Refused webhooks, logged with their status and reason without letting a flood of them
 * (a CMS with the wrong secret retries nothing, but an attacker might) fill the log: the
 * first of each kind at once, then at most one line per window with how many were left out.
 */
export function refusalLog(log: (line: string) => void, windowMs = 60_000, now = () => Date.now()) {
  const kinds = new Map<string, { loggedAt: number; skipped: number }>();
  return (status: number, reason: string, from?: string) => {
    const key = `${status} ${reason}`;
    const seen = kinds.get(key);
    const t = now();
    if (seen && t - seen.loggedAt < windowMs) {
      seen.skipped += 1;
      return;
    }
    const more = seen?.skipped ? ` (and ${seen.skipped} more like it since the last line)` : '';
    log(`refused a webhook with ${status}: ${reason}${from ? ` (from ${from})` : ''}${more}`);
    kinds.set(key, { loggedAt: t, skipped: 0 });
  };
}
