import fs from 'node:fs';
import path from 'node:path';

/** V8's CPU profile (`--cpu-prof`, or the inspector's Profiler.stop). */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The repository, left out of the files' names. */
const root = `${path.resolve(import.meta.dirname, '..', '..')}/`;

const label = (frame: CpuProfile['nodes'][number]['callFrame']) =>
  `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^file:\/\//, '').replace(root, '')}:${frame.lineNumber + 1}`;

/**
 * Where a profile's time went: the functions with the most time on the stack (inclusive)
 * and at its top (self), in milliseconds, without idle time and the garbage collector
 * counted apart.
 */
export function summarizeProfile(profile: CpuProfile, top = 40) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let idleMs = 0;
  let busyMs = 0;
  profile.samples.forEach((sample, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(sample)!;
    if (node.callFrame.functionName === '(idle)') {
      idleMs += ms;
      return;
    }
    busyMs += ms;
    self.set(label(node.callFrame), (self.get(label(node.callFrame)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const name = label(byId.get(id)!.callFrame);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
  });
  const ranked = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms: Math.round(ms) }));
  return {
    wallMs: Math.round((profile.endTime - profile.startTime) / 1000),
    busyMs: Math.round(busyMs),
    idleMs: Math.round(idleMs),
    inclusive: ranked(inclusive),
    self: ranked(self),
  };
}

export const readProfile = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;

/** A summary as lines to print. */
export function profileLines(title: string, summary: ReturnType<typeof summarizeProfile>): string[] {
  const row = ({ name, ms }: { name: string; ms: number }) => `${String(ms).padStart(8)}  ${name}`;
  return [
    `${title}: ${summary.wallMs} ms, busy ${summary.busyMs} ms, idle ${summary.idleMs} ms`,
    '  most time on the stack:',
    ...summary.inclusive.map(row),
    '  most time at the top:',
    ...summary.self.map(row),
  ];
}
