import type { IncomingMessage, ServerResponse } from 'node:http';

/** A form or a bulk action is a few KB; anything larger is refused unread. */
const MAX_BODY_BYTES = 64 * 1024;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** A refusal in the product's words: `{ error: { code, message } }`, never a library's text. */
export function sendProblem(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { error: { code, message } });
}

export type BodyRead = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

export async function readJson(req: IncomingMessage): Promise<BodyRead> {
  if ((req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() !== 'application/json') {
    return { ok: false, message: 'Send the form as JSON (Content-Type: application/json).' };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return { ok: false, message: 'The request is too large.' };
    chunks.push(chunk);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { ok: false, message: 'The request could not be read: it is not valid JSON.' };
  }
}
