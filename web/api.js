// Talking to the shenbao server: JSON requests carry the header the server's door asks of
// anything that changes a file (X-Shenbao: 1) and the page's language; a problem comes back
// as diagnostics, thrown as an ApiError so a view can show them where they belong.

let lang = 'zh';
export const setApiLang = (l) => (lang = l);

export class ApiError extends Error {
  constructor(status, diagnostics) {
    super(diagnostics?.[0]?.message ?? `HTTP ${status}`);
    this.status = status;
    this.diagnostics = diagnostics ?? [];
  }
}

async function answer(res) {
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('application/json') ? await res.json() : undefined;
  if (!res.ok) throw new ApiError(res.status, body?.diagnostics);
  return body;
}

export async function api(method, url, body) {
  const headers = { 'x-shenbao': '1', 'x-shenbao-lang': lang };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  return answer(res);
}

export const get = (url) => api('GET', url);

/** Uploads one file with progress (fetch has no upload progress; XMLHttpRequest has). */
export function upload(url, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('x-shenbao', '1');
    xhr.setRequestHeader('x-shenbao-lang', lang);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve(xhr.response) : reject(new ApiError(xhr.status, xhr.response?.diagnostics)));
    xhr.onerror = () => reject(new ApiError(0, []));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Follows a job's progress (server-sent events) until its result or failure. */
export function follow(jobId, onEvent) {
  return new Promise((resolve, reject) => {
    const es = new EventSource(`/api/jobs/${encodeURIComponent(jobId)}/events?lang=${lang}`);
    for (const type of ['stage', 'step', 'done']) es.addEventListener(type, (e) => onEvent(JSON.parse(e.data)));
    es.addEventListener('result', (e) => {
      es.close();
      resolve(JSON.parse(e.data).result);
    });
    es.addEventListener('failed', (e) => {
      es.close();
      const d = JSON.parse(e.data);
      reject(new ApiError(d.status, d.diagnostics));
    });
    es.onerror = () => {
      if (es.readyState === EventSource.CLOSED) reject(new ApiError(0, []));
    };
  });
}

/** A URL of a workspace file (open in the browser, or download). */
export const fileUrl = (path, download = false) => `/api/file?path=${encodeURIComponent(path)}${download ? '&download' : ''}`;

export const q = (s) => encodeURIComponent(s);
