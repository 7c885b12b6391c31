/*
 * api.js — the one way the pages talk to the platform's API (same origin, through the gateway).
 * JSON in and out, the session cookie on every call, the CSRF header on mutating calls, and
 * RFC 9457 problem+json answers turned into an ApiError the pages can show next to what caused them.
 */

/** A failed API call: HTTP status, the problem's title/detail, field errors, Retry-After seconds. */
export class ApiError extends Error {
  constructor({ status, title, detail, errors = [], retryAfter = null, type = null, headers = null }) {
    super(detail || title || `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.title = title || '';
    this.detail = detail || '';
    this.errors = Array.isArray(errors) ? errors : [];
    this.retryAfter = retryAfter;
    this.type = type;
    this.headers = headers;
  }

  /** A sentence a person can read, chosen by status where the service's own words are not enough. */
  get readable() {
    switch (this.status) {
      case 0:
        return 'We could not reach the service. Check your connection and try again.';
      case 401:
        return 'Please log in to continue.';
      case 403:
        return 'Your account may not do this.';
      case 404:
        return this.detail || 'We could not find that. It may have been moved or removed.';
      case 412:
        return 'Someone else changed this in the meantime. Reload to see the latest version.';
      case 413:
        return 'That is too large to send (the limit is 1 MiB).';
      case 429:
        return this.retryAfter
          ? `Too many requests. Please try again in ${this.retryAfter} s.`
          : 'Too many requests. Please try again in a moment.';
      case 502:
      case 503:
      case 504:
        return 'The service is unavailable, please try again shortly.';
      default:
        if (this.status >= 500) {
          return 'Something went wrong on our side. Please try again shortly.';
        }
        return this.detail || this.title || `The request failed (${this.status}).`;
    }
  }
}

/** The value of a cookie readable by scripts (XSRF-TOKEN is; the session cookie is HttpOnly). */
export function cookie(name) {
  const prefix = `${name}=`;
  for (const part of document.cookie.split(';')) {
    const trimmed = part.trim();
    if (trimmed.startsWith(prefix)) {
      return decodeURIComponent(trimmed.slice(prefix.length));
    }
  }
  return null;
}

/** The CSRF token for mutating requests (cookie XSRF-TOKEN, sent back as header X-XSRF-TOKEN). */
export function csrfToken() {
  return cookie('XSRF-TOKEN');
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Calls the API. Options: method, body (sent as JSON unless it is a string/FormData), headers,
 * query (an object; empty values are left out), raw (return the Response instead of its JSON),
 * cache (a fetch cache mode, e.g. 'no-store' for an editor's fresh copy).
 * Resolves to {data, response}; rejects with ApiError.
 */
export async function request(path, { method = 'GET', body, headers = {}, query, raw = false, signal, cache } = {}) {
  const url = new URL(path, window.location.origin);
  if (query) {
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') {
        url.searchParams.set(key, String(value));
      }
    }
  }
  const init = {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json, application/problem+json', ...headers },
    signal,
  };
  if (cache) {
    init.cache = cache;
  }
  if (body !== undefined) {
    if (typeof body === 'string' || body instanceof FormData) {
      init.body = body;
    } else {
      init.body = JSON.stringify(body);
      init.headers['Content-Type'] = 'application/json';
    }
  }
  if (MUTATING.has(method.toUpperCase())) {
    const token = csrfToken();
    if (token) {
      init.headers['X-XSRF-TOKEN'] = token;
    }
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch (cause) {
    if (cause.name === 'AbortError') {
      throw cause;
    }
    throw new ApiError({ status: 0, title: 'Network error', detail: cause.message });
  }
  if (!response.ok && response.status !== 304) {
    throw await toError(response);
  }
  if (raw) {
    return { data: null, response };
  }
  const type = response.headers.get('Content-Type') || '';
  let data = null;
  if (response.status !== 204 && type.includes('json')) {
    data = await response.json();
  } else if (response.status !== 204) {
    data = await response.text();
  }
  return { data, response };
}

async function toError(response) {
  const retry = response.headers.get('Retry-After');
  let retryAfter = null;
  if (retry) {
    const seconds = Number(retry);
    retryAfter = Number.isFinite(seconds)
      ? Math.max(1, Math.ceil(seconds))
      : Math.max(1, Math.ceil((Date.parse(retry) - Date.now()) / 1000));
  }
  let problem = {};
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      problem = await response.json();
    } catch {
      problem = {};
    }
  }
  return new ApiError({
    status: response.status,
    title: problem.title || response.statusText,
    detail: problem.detail,
    errors: problem.errors,
    type: problem.type,
    retryAfter,
    headers: response.headers,
  });
}

const CONTENT_CHANGED = 'mutuality.contentChanged';

/**
 * Public content answers may be cached by the browser for a minute (Cache-Control: public). After
 * this tab changed content (the editor calls this), reads skip that cache for a few minutes, so an
 * admin sees the article just published on the home page at once.
 */
export function markContentChanged() {
  try {
    sessionStorage.setItem(CONTENT_CHANGED, String(Date.now()));
  } catch {
    // storage unavailable: the cache expires on its own within a minute
  }
}

function contentRecentlyChanged() {
  try {
    return Date.now() - Number(sessionStorage.getItem(CONTENT_CHANGED) || 0) < 5 * 60 * 1000;
  } catch {
    return false;
  }
}

/** GET returning only the JSON body. */
export async function get(path, query) {
  return (await request(path, { query, cache: contentRecentlyChanged() ? 'no-cache' : undefined })).data;
}

/** POST returning only the JSON body (null for 204). */
export async function post(path, body, headers) {
  return (await request(path, { method: 'POST', body, headers })).data;
}

/** PUT returning only the JSON body. */
export async function put(path, body, headers) {
  return (await request(path, { method: 'PUT', body, headers })).data;
}

/** DELETE. */
export async function del(path, headers) {
  return (await request(path, { method: 'DELETE', headers })).data;
}
