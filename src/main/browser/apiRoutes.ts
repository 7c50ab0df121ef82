import type { IncomingMessage, ServerResponse } from 'node:http';
import { fail, ok } from '../../shared/result';
import { createLogger } from '../logger';
import type { Dispatch } from '../ipc/dispatch';
import type { EventStreams } from './eventStream';
import { BodyTooLargeError, readBodyText } from './requestBody';
import { sendJson } from './responses';
import type { UploadStore } from './uploads';

const log = createLogger('browser-api');

/** Requests are small JSON documents; only uploads carry file contents. */
const INVOKE_BODY_LIMIT_BYTES = 1024 * 1024;

/** What the API routes act on. */
export interface ApiContext {
  dispatch: Dispatch;
  events: EventStreams;
  uploads: UploadStore;
}

/**
 * Answers one request under /api/ whose token, host and origin were checked.
 *
 * Contract requests answer HTTP 200 with a Result, failed or not, exactly as
 * Electron IPC would; HTTP errors are kept for what is wrong with the HTTP.
 */
export async function handleApiRequest(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  context: ApiContext,
): Promise<void> {
  const invokePrefix = '/api/invoke/';

  if (url.pathname.startsWith(invokePrefix)) {
    if (request.method !== 'POST') return sendJson(response, 405, methodNotAllowed('POST'));
    const channel = decodeURIComponent(url.pathname.slice(invokePrefix.length));
    return invoke(request, response, channel, context.dispatch);
  }

  if (url.pathname === '/api/events') {
    if (request.method !== 'GET') return sendJson(response, 405, methodNotAllowed('GET'));
    return context.events.attach(response);
  }

  if (url.pathname === '/api/upload') {
    if (request.method !== 'POST') return sendJson(response, 405, methodNotAllowed('POST'));
    const fileName = url.searchParams.get('name') ?? 'upload.log';
    return upload(request, response, fileName, context.uploads);
  }

  sendJson(response, 404, fail('not-found', `No API route ${url.pathname}.`));
}

async function invoke(
  request: IncomingMessage,
  response: ServerResponse,
  channel: string,
  dispatch: Dispatch,
): Promise<void> {
  let rawRequest: unknown;
  try {
    const text = await readBodyText(request, INVOKE_BODY_LIMIT_BYTES);
    rawRequest = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return sendJson(response, 413, fail('invalid-request', error.message));
    }
    return sendJson(response, 400, fail('invalid-request', 'The request body is not JSON.'));
  }

  sendJson(response, 200, await dispatch(channel, rawRequest));
}

async function upload(
  request: IncomingMessage,
  response: ServerResponse,
  fileName: string,
  uploads: UploadStore,
): Promise<void> {
  try {
    sendJson(response, 200, ok(await uploads.receive(request, fileName)));
  } catch (error) {
    log.error('an upload failed:', error);
    sendJson(response, 500, fail('unreadable', `Opsdesk could not receive ${fileName}.`));
  }
}

function methodNotAllowed(method: string) {
  return fail('invalid-request', `Use ${method} for this route.`);
}
