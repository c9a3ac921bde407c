// HTTP access to the CiteQA API: plain JSON calls and the server-sent-event answer stream.

import { KEY_REQUIRED, authHeaders } from './apikey.js';

/** An error the API reported (JSON {error, status}) or a failure to reach it. */
export class ApiError extends Error {
  constructor(message, status = 0) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

async function errorFrom(response) {
  let message = `The server answered ${response.status} ${response.statusText}`.trim() + '.';
  try {
    const body = await response.json();
    if (body && typeof body.error === 'string') {
      message = body.error;
    }
  } catch {
    // Not JSON (a proxy's error page, say): keep the status line.
  }
  if (response.status === 401) {
    document.dispatchEvent(new CustomEvent(KEY_REQUIRED, { detail: message }));
  }
  return new ApiError(message, response.status);
}

async function getJson(path) {
  let response;
  try {
    response = await fetch(path, { headers: { ...authHeaders(), Accept: 'application/json' } });
  } catch {
    throw new ApiError('Could not reach the server.');
  }
  if (!response.ok) {
    throw await errorFrom(response);
  }
  return response.json();
}

/** One page of the article list, newest first; q keeps only titles with words starting with its words. */
export const getArticles = ({ q = '', offset = 0, limit = 50 } = {}) =>
  getJson(`/api/articles?${new URLSearchParams({ q, offset, limit })}`);
export const getArticle = (id) => getJson(`/api/articles/${encodeURIComponent(id)}`);
export const getSuggestions = () => getJson('/api/suggestions');
/** Whether questions can be asked yet, how they are answered, and the index build's progress. */
export const getStatus = () => getJson('/api/status');

function askBody(question, conversationId) {
  const body = { question };
  if (conversationId) {
    body.conversationId = conversationId;
  }
  return JSON.stringify(body);
}

/** POST /api/ask: the whole verified answer at once. */
export async function askWhole(question, conversationId, signal) {
  let response;
  try {
    response = await fetch('/api/ask', {
      method: 'POST',
      headers: { ...authHeaders(), 'Content-Type': 'application/json', Accept: 'application/json' },
      body: askBody(question, conversationId),
      signal,
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError('Could not reach the server.');
  }
  if (!response.ok) {
    throw await errorFrom(response);
  }
  return response.json();
}

/**
 * Parses a text/event-stream body into {event, data} objects (the subset of the SSE format the server
 * uses: "event:" and "data:" fields, events separated by a blank line).
 */
async function* readEvents(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = 'message';
  let data = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      // A "\r\n" split across two chunks turns into an extra blank line, which is harmless: an event
      // without data is never dispatched.
      buffer += value.replace(/\r\n?/g, '\n');
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line === '') {
          if (data.length > 0) {
            yield { event, data: data.join('\n') };
          }
          event = 'message';
          data = [];
          continue;
        }
        if (line.startsWith(':')) continue; // comment / keep-alive
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let value = colon < 0 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
    }
    if (data.length > 0) {
      yield { event, data: data.join('\n') };
    }
  } finally {
    // Also reached when the caller stops early (an error event): closing the body ends the request.
    reader.cancel().catch(() => {});
  }
}

/**
 * Asks a question and streams the answer.
 *
 * handlers.onSources({conversationId, standaloneQuestion, passages}), handlers.onToken(text) and
 * handlers.onFallback(reason) are called as events arrive. Resolves with the final /api/ask-shaped answer.
 * When the stream endpoint is missing or unreachable, falls back to POST /api/ask (no tokens then).
 */
export async function ask(question, conversationId, handlers, signal) {
  let response;
  try {
    response = await fetch('/api/ask/stream', {
      method: 'POST',
      headers: { ...authHeaders(), 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: askBody(question, conversationId),
      signal,
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    return askWhole(question, conversationId, signal);
  }
  const type = response.headers.get('Content-Type') || '';
  if (!response.ok || !type.startsWith('text/event-stream') || !response.body) {
    // A 4xx about the request itself would fail the same way on /api/ask, so report it; anything else
    // (no stream endpoint, a proxy that buffers or breaks SSE, a server error) gets the plain endpoint.
    if (response.status >= 400 && response.status < 500 && ![404, 405, 406, 415].includes(response.status)) {
      throw await errorFrom(response);
    }
    return askWhole(question, conversationId, signal);
  }

  let final = null;
  for await (const { event, data } of readEvents(response.body)) {
    const payload = JSON.parse(data);
    switch (event) {
      case 'sources':
        handlers.onSources?.(payload);
        break;
      case 'token':
        handlers.onToken?.(payload.text ?? '');
        break;
      case 'error':
        // With "fallback" the model failed and the extractive answer follows; without it the turn failed.
        if (payload.fallback) {
          handlers.onFallback?.(payload.error);
        } else {
          throw new ApiError(payload.error || 'The answer failed.', payload.status || 500);
        }
        break;
      case 'done':
        final = payload;
        break;
      default:
        break; // unknown events are for newer clients
    }
  }
  if (!final) {
    throw new ApiError('The answer stream ended before the answer was complete.');
  }
  return final;
}
