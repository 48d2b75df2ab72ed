// Calls to the service's own API, with the tab's credential. The credential lives in session
// storage only: this tab, until sign-out or the tab closes; never in a URL, never in a cookie.

const credentialKey = 'aniplanner.credential';

/** An answer other than 2xx, with the message the API gave (both of its error envelopes carry one). */
export class ApiError extends Error {
  constructor(status, message, requestId) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.requestId = requestId;
  }
}

/** The tab's credential ({token, kind}), or null when signed out. */
export function currentCredential() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(credentialKey) ?? 'null');
    return stored && typeof stored.token === 'string' && stored.token !== '' ? stored : null;
  } catch {
    return null;
  }
}

export function keepCredential(token, kind) {
  sessionStorage.setItem(credentialKey, JSON.stringify({ token, kind }));
}

export function forgetCredential() {
  sessionStorage.removeItem(credentialKey);
}

/**
 * Sends one request and answers {json, text} for a 2xx; anything else throws an ApiError with the
 * API's own message (the ANI Planner's {"success": false, "message"} or VoIPBIN's {"error": {"message"}}).
 */
export async function callApi(method, path, { body, signal, credential = currentCredential() } = {}) {
  const headers = { Accept: 'application/json' };
  if (credential) {
    headers.Authorization = `Bearer ${credential.token}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }

  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit',
      signal,
    });
  } catch (error) {
    if (error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, 'The service could not be reached: check the connection and try again.', null);
  }

  const text = await response.text();
  let json = null;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {
    json = null;
  }
  if (response.ok) {
    return { json, text };
  }

  const retryAfter = response.headers.get('Retry-After');
  const message = messageOf(json) ?? `The service answered ${response.status} ${response.statusText}.`;
  throw new ApiError(
    response.status,
    retryAfter ? `${message} (try again in ${retryAfter} s)` : message,
    response.headers.get('X-Request-Id'));
}

function messageOf(json) {
  if (json && typeof json.message === 'string') {
    return json.message;
  }
  if (json && json.error && typeof json.error.message === 'string') {
    return json.error.message;
  }
  return null;
}
