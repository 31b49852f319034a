import { Server } from 'node:http';
import { createServices, httpDepsFor, startChannels } from './composition';
import { ConfigError, loadConfig } from './config/config';
import { closeGracefully } from './http/graceful-shutdown';
import { createHttpApp } from './http/server';
import { createLogger } from './logger';

/** Drain in-flight requests for at most this long after SIGTERM (ECS waits 30 s before SIGKILL). */
const SHUTDOWN_GRACE_MS = 25_000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  const services = await createServices(config, log).catch((error: Error) => {
    log.fatal({ err: error }, `start-up failed: ${error.message}`);
    process.exit(1);
  });
  const app = createHttpApp(httpDepsFor(config, services, log));
  const server: Server = app.listen(config.port, config.host, () => {
    const { port } = server.address() as { port: number };
    log.info({ host: config.host, port, localChat: config.localChat ? `http://localhost:${port}/` : 'off', telegram: config.telegram?.mode ?? 'off' }, 'listening');
    void startChannels(config, services, log);
  });
  server.on('error', (error) => {
    log.fatal({ err: error }, 'cannot listen');
    void services.close().finally(() => process.exit(1));
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: no new connections, finishing requests in flight');
    void closeGracefully(server, SHUTDOWN_GRACE_MS, () => log.warn('requests still in flight after the grace period; closing them'))
      .then(() => services.close())
      .then(() => {
        log.info('stopped');
        process.exit(0);
      });
  };
  // A promise some library forgot to handle is logged, never a crash of every conversation in flight.
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
