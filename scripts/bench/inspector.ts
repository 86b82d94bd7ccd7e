import net from 'node:net';
import { once } from 'node:events';
import WebSocket from 'ws';
import type { CpuProfile } from './cpu-profile';

/** A port no one listens on now, for a child's inspector. */
export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The sampling profiler of another Node process started with `--inspect=127.0.0.1:<port>`,
 * through the DevTools protocol: `profile(run)` profiles that process while `run` runs.
 */
export async function profileProcess(port: number, run: () => Promise<void>): Promise<CpuProfile> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{
    webSocketDebuggerUrl: string;
  }>;
  const socket = new WebSocket(targets[0]!.webSocketDebuggerUrl);
  await once(socket, 'open');
  let last = 0;
  const waiting = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
    if (message.id) waiting.get(message.id)?.(message);
  });
  const post = <T>(method: string, params: object = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = (last += 1);
      waiting.set(id, (message) => {
        waiting.delete(id);
        if (message.error) reject(new Error(`${method}: ${message.error.message}`));
        else resolve(message.result as T);
      });
      socket.send(JSON.stringify({ id, method, params }));
    });
  try {
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 200 });
    await post('Profiler.start');
    await run();
    return (await post<{ profile: CpuProfile }>('Profiler.stop')).profile;
  } finally {
    socket.close();
  }
}
