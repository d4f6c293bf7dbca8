import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs. Only ids and codes go in; free text typed by people (notes, reasons, names of young people) never does,
 * and the redaction list is a second fence for fields that must never be written.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    redact: {
      paths: ['*.text', '*.reason', '*.note', '*.value', '*.card', '*.firstName', '*.dateOfBirth', '*.reference', 'activity'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** What of a failure may go in a log line: its kind and the library's message, never the objects it carries. */
export function errorFields(error: unknown): { name?: string; message?: string } {
  return error instanceof Error ? { name: error.name, message: error.message } : {};
}
