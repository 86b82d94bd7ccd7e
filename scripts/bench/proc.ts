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

/** Resident memory of a process group, in bytes (a build and the Pagefind it starts). */
export const groupRss = (pgrp: number) =>
  processes()
    .filter((p) => p.pgrp === pgrp)
    .reduce((sum, p) => sum + p.rssBytes, 0);

/** A process's command line, or '' when it has ended. */
export function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}
