/* Shared by the mail pages: JSON over /api/mail with the webapps' login and its CSRF token. */
'use strict';

window.dtMail = (function () {
  const CAMUNDA_USER = '/camunda/api/admin/auth/user/default';

  class HttpError extends Error {
    constructor(status, problem) { super('HTTP ' + status); this.status = status; this.problem = problem; }
  }

  async function xsrfToken() {
    const probe = await fetch(CAMUNDA_USER, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const header = probe.headers.get('X-XSRF-TOKEN');
    if (header && header !== 'Required') return header;
    const response = await fetch('/dashboard/xsrf-token', { credentials: 'same-origin', cache: 'no-store',
      headers: { Accept: 'application/json' } });
    if (!response.ok) return '';
    return (await response.json()).token || '';
  }

  async function call(method, url, body) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') {
      headers['X-XSRF-TOKEN'] = await xsrfToken();
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(url, { method, credentials: 'same-origin', headers,
      body: body === undefined ? undefined : JSON.stringify(body) });
    let answer = null;
    try { answer = await response.json(); } catch (e) { /* empty */ }
    if (!response.ok) throw new HttpError(response.status, answer);
    return answer;
  }

  function problemText(error) {
    return (error.problem && error.problem.detail) || 'Không thực hiện được (' + error.message + ').';
  }

  return { call, problemText };
})();
