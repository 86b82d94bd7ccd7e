import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const root = path.resolve(import.meta.dirname, '..', '..');

/** Debian's nginx, or NGINX_PATH; null when this machine has none. */
export function nginxBinary(): string | null {
  const candidate = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
  return fs.existsSync(candidate) ? candidate : null;
}

/**
 * deploy/nginx.conf made runnable by an unprivileged nginx with its files in `dir`: the
 * server block as production has it, listening on `port`, serving `siteRoot` and reading
 * the retired-address map from `mapDir` (production: /srv/builds/current for both), and
 * passing the forms' intake to `cmsUrl` (production: the cms service).
 * Returns the path of the main configuration file.
 */
export function localNginxConfig(options: {
  dir: string;
  port: number;
  siteRoot: string;
  mapDir: string;
  cmsUrl?: string;
}): string {
  const { dir, port, siteRoot, mapDir, cmsUrl = 'http://127.0.0.1:9' } = options;
  const server = fs
    .readFileSync(path.join(root, 'deploy', 'nginx.conf'), 'utf8')
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
    .replace('root /srv/builds/current;', `root ${siteRoot};`)
    .replace('include /srv/builds/current/', `include ${mapDir}/`)
    .replace('http://cms:1337', cmsUrl);
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events {}
http { include /etc/nginx/mime.types; access_log off; client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
${server} }`,
  );
  return conf;
}

/** `nginx -t` on a configuration: null when nginx accepts it, else what nginx said. */
export function nginxRefuses(nginx: string, conf: string, dir: string): string | null {
  const check = spawnSync(nginx, ['-t', '-c', conf, '-p', dir], { encoding: 'utf8' });
  if (check.status === 0) return null;
  return (
    (check.stderr || check.stdout || `nginx -t exited with ${check.status}`)
      .split('\n')
      .filter((l) => /emerg|error|failed/.test(l))
      .join('; ') || check.stderr.trim()
  );
}
