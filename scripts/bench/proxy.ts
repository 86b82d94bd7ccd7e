import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A pass-through HTTP proxy in front of the CMS: the benchmark counts the requests a build
 * makes and the time the CMS takes to answer them, without touching the CMS or the site.
 */
export async function countingProxy(target: string) {
  const upstream = new URL(target);
  let requests = 0;
  let busyMs = 0;
  const server = http.createServer((req, res) => {
    const started = performance.now();
    requests += 1;
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('end', () => {
          busyMs += performance.now() - started;
        });
      },
    );
    forward.on('error', (error) => {
      res.writeHead(502).end(error.message);
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    take() {
      const counted = { requests, cmsMs: Math.round(busyMs) };
      requests = 0;
      busyMs = 0;
      return counted;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
