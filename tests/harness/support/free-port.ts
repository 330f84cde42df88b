import { createServer } from 'node:net';

/** Thrown when the OS does not hand out a free port. */
export class FreePortError extends Error {
  override readonly name = 'FreePortError';
}

/**
 * Asks the OS for a currently free TCP port on a loopback address: bind port 0, read the port, release it.
 * The caller binds it a moment later, so another process can win the race in between; callers that start
 * servers on it should treat "address already in use" as a reason to try again with a new port.
 */
export function freeLoopbackPort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (error) =>
      reject(new FreePortError(`cannot bind a free port on ${host}`, { cause: error })),
    );
    server.listen({ port: 0, host, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolvePort(port) : reject(new FreePortError(`no port on ${host}`))));
    });
  });
}

/** Several distinct free loopback ports (held together while choosing, so they never repeat). */
export async function freeLoopbackPorts(count: number, host = '127.0.0.1'): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => {
      const server = createServer();
      server.unref();
      return new Promise<ReturnType<typeof createServer>>((resolveServer, reject) => {
        server.once('error', (error) =>
          reject(new FreePortError(`cannot bind a free port on ${host}`, { cause: error })),
        );
        server.listen({ port: 0, host, exclusive: true }, () => resolveServer(server));
      });
    }),
  );
  const ports = servers.map((server) => {
    const address = server.address();
    return typeof address === 'object' && address !== null ? address.port : 0;
  });
  await Promise.all(servers.map((server) => new Promise<void>((done) => server.close(() => done()))));
  if (ports.some((port) => port === 0)) throw new FreePortError(`no ports on ${host}`);
  return ports;
}
