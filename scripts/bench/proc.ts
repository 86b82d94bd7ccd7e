import fs from 'node:fs';
import { execFileSync } from 'node:child_process';

export interface ProcessFigures {
  pid: number;
  ppid: number;
  /** The process group. */
  pgrp: number;
  rssBytes: number;
}

let pageBytes = 0;

/**
 * Every process's parent, group and resident memory, read from /proc. The benchmark samples
 * memory four times a second; starting `ps` for each sample forked the benchmark's own process
 * (which serves the CMS) and took a fifth of a core from the builds it measured.
 */
export function processes(): ProcessFigures[] {
  pageBytes ||= Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim());
  const found: ProcessFigures[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // it ended since the folder was listed
    }
    // After the command's name in parentheses: state, ppid, pgrp, … rss (in pages) is the 22nd.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    found.push({
      pid: Number(name),
      ppid: Number(fields[1]),
      pgrp: Number(fields[2]),
      rssBytes: Number(fields[21]) * pageBytes,
    });
  }
  return found;
}

/**
 * Resident memory of a process group, in bytes (a build and the Pagefind it starts): all of
 * it, and its largest process's.
 */
export function groupRss(pgrp: number): { groupBytes: number; processBytes: number } {
  const sizes = processes()
    .filter((p) => p.pgrp === pgrp)
    .map((p) => p.rssBytes);
  return { groupBytes: sizes.reduce((sum, b) => sum + b, 0), processBytes: Math.max(0, ...sizes) };
}

/** The most memory seen of a process group, sampled; `note` samples it once more. */
export class PeakMemory {
  groupBytes = 0;
  processBytes = 0;

  note(pgrp: number) {
    const now = groupRss(pgrp);
    this.groupBytes = Math.max(this.groupBytes, now.groupBytes);
    this.processBytes = Math.max(this.processBytes, now.processBytes);
  }
}

/** A process's command line, or '' when it has ended. */
export function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}
