import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { assertPortFree } from './processes.mjs';

describe('assertPortFree', () => {
  it('passes for a free port and names a taken one', async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as net.AddressInfo;
    await expect(assertPortFree(port, '127.0.0.1', 'the site')).rejects.toThrow(
      `Port ${port} (the site) is already in use on 127.0.0.1`,
    );
    await new Promise((r) => server.close(r));
    await expect(assertPortFree(port, '127.0.0.1', 'the site')).resolves.toBeUndefined();
  });
});
