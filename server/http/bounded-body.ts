import { BodyTooLargeError, MAX_BODY_BYTES } from '../errors/body-too-large';

/**
 * The request with its body read into memory, refusing more than MAX_BODY_BYTES whether or not
 * the client declared a Content-Length (a declared length is checked before reading anything).
 */
export async function withBoundedBody(req: Request): Promise<Request> {
  if (!req.body) return req;
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw new BodyTooLargeError();

  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new BodyTooLargeError();
    }
    chunks.push(value);
  }
  return new Request(req.url, { method: req.method, headers: req.headers, body: Buffer.concat(chunks) });
}
