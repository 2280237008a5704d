import { logger } from '../observability/logger';

const encoder = new TextEncoder();

/**
 * Streams batches of objects as NDJSON, pulling the next batch only when the client has taken the
 * last one: memory stays at about one batch however long the export. The first batch is read
 * before the stream is returned, so a failure to start (the database unreachable, say) is still
 * an error status rather than a broken 200.
 */
export async function ndjsonStream(batches: AsyncGenerator<unknown[]>, log: { correlationId: string; route: string }) {
  const started = performance.now();
  let lines = 0;
  let first: Promise<IteratorResult<unknown[]>> | null = batches.next();
  await first;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await (first ?? batches.next());
        first = null;
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
