import { logger } from '../observability/logger';

const encoder = new TextEncoder();

/**
 * Streams batches of objects as NDJSON, pulling the next batch only when the client has taken the
 * last one: memory stays at about one batch however long the export.
 */
export function ndjsonStream(batches: AsyncGenerator<unknown[]>, log: { correlationId: string; route: string }) {
  const started = performance.now();
  let lines = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) {
          logger.info({ ...log, lines, durationMs: Math.round(performance.now() - started) }, 'stream complete');
          controller.close();
          return;
        }
        lines += next.value.length;
        controller.enqueue(encoder.encode(next.value.map((line) => `${JSON.stringify(line)}\n`).join('')));
      } catch (error) {
        // The status line is long gone; the missing last line tells the client the stream broke.
        logger.error({ err: error, ...log, lines }, 'stream failed');
        controller.error(error);
      }
    },
    async cancel() {
      logger.info({ ...log, lines }, 'stream cancelled by the client');
      await batches.return(undefined);
    },
  });
}
