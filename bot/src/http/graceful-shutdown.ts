import { Server } from 'node:http';

/**
 * Stops accepting connections, lets requests in flight finish (closing keep-alive connections as
 * they go idle), and resolves when the server is closed. After `graceMs` the stragglers are cut.
 */
export function closeGracefully(server: Server, graceMs: number, onOvertime?: () => void): Promise<void> {
  return new Promise((done) => {
    const force = setTimeout(() => {
      onOvertime?.();
      server.closeAllConnections();
    }, graceMs);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      done();
    });
    server.closeIdleConnections();
  });
}
