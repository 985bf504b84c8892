// Every call of the console goes to the service's /api or to Camunda's /engine-rest with the signed-in user's
// HTTP Basic credentials; the server decides what each user may read or change.
import { credentials, onUnauthorized } from './auth.js';

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

/**
 * fetch with credentials; answers the parsed JSON (or text, or the Response with raw: true).
 * Errors: problem+json (detail) and Camunda's REST errors (message) become an ApiError carrying the body.
 */
export async function call(method, path, { json, body, headers = {}, raw = false, token } = {}) {
  const auth = token ?? credentials();
  const init = { method, headers: { Accept: 'application/json, application/problem+json, */*;q=0.5', ...headers } };
  if (auth) init.headers.Authorization = `Basic ${auth}`;
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  } else if (body !== undefined) {
    init.body = body;
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, e.message, null);
  }
  if (!response.ok) {
    const type = response.headers.get('Content-Type') || '';
    let parsed = null;
    if (type.includes('json')) parsed = await response.json().catch(() => null);
    else parsed = await response.text().catch(() => null);
    if (response.status === 401 && !token) onUnauthorized();
    const message = (parsed && typeof parsed === 'object' && (parsed.detail || parsed.message))
      || (typeof parsed === 'string' && parsed) || `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, message, parsed);
  }
  if (raw) return response;
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

export const get = (path, options) => call('GET', path, options);
export const post = (path, json, options = {}) => call('POST', path, { ...options, json });
export const put = (path, body, options) => call('PUT', path, { ...options, body });

/** A query string of the non-empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}
