import type { Server as HttpServer } from 'node:http';
import { createServer, type Server } from 'node:net';

/** Every request a test makes to an emulator gives up after this long: one never answers unknown calls. */
export const EMULATOR_REQUEST_TIMEOUT_MS = 5_000;

export function listenOnLoopback(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(portOf(server));
    });
  });
}

export function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the server is not listening on TCP');
  return address.port;
}

/** Closes the server and its idle keep-alive connections (the SDK keeps them open). */
export function closeServer(server: HttpServer): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

/** A loopback port nothing listens on: "the service is down". */
export async function closedLoopbackPort(): Promise<number> {
  const probe = createServer();
  const port = await listenOnLoopback(probe);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
