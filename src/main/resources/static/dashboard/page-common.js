/*
 * Shared by the dashboard pages (loaded before each page's own script): the text-only DOM builder,
 * JSON over the app's APIs with the webapps' CSRF token, and the webapps' own login and logout.
 */
'use strict';

window.dtPage = (function () {
  const CAMUNDA_USER = '/camunda/api/admin/auth/user/default';
  const LOGOUT = CAMUNDA_USER + '/logout';
  const XSRF = '/dashboard/xsrf-token';
  const $ = (id) => document.getElementById(id);

  /** Builds an element; text goes in as text nodes only, never as markup. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'text') node.textContent = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else if (name === 'value') node.value = value;
      else if (name === 'checked') node.checked = !!value;
      else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  // ------------------------------------------------------------------ HTTP

  class HttpError extends Error {
    constructor(status, problem) { super('HTTP ' + status); this.status = status; this.problem = problem; }
  }

  async function getJson(url, extraHeaders) {
    const response = await fetch(url, { credentials: 'same-origin',
      headers: Object.assign({ Accept: 'application/json' }, extraHeaders) });
    if (!response.ok) {
      let problem = null;
      try { problem = await response.json(); } catch (e) { /* an empty 401 */ }
      throw new HttpError(response.status, problem);
    }
    return response.json();
  }

  /**
   * The session's CSRF token. Camunda sends it in a response header only when it creates it; its
   * cookie lives under /camunda where these pages cannot read it. So: a GET under /camunda (creates
   * the token if the session has none), then, when the header is not there, the token read back by
   * /dashboard/xsrf-token.
   */
  async function xsrfToken() {
    const probe = await fetch(CAMUNDA_USER, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const header = probe.headers.get('X-XSRF-TOKEN');
    if (header && header !== 'Required') return header;
    const response = await fetch(XSRF, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } });
    if (!response.ok) return '';
    return (await response.json()).token || '';
  }

  /** Sends a body as it is (JSON text, FormData); every method but GET carries the CSRF token. */
  async function send(method, url, body, contentType) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') headers['X-XSRF-TOKEN'] = await xsrfToken();
    if (contentType) headers['Content-Type'] = contentType;
    const response = await fetch(url, { method, credentials: 'same-origin', headers, body });
    let answer = null;
    try { answer = await response.json(); } catch (e) { /* empty */ }
    if (!response.ok) throw new HttpError(response.status, answer);
    return answer;
  }

  /** JSON in and out. */
  function call(method, url, body) {
    return send(method, url, body === undefined ? undefined : JSON.stringify(body),
      method === 'GET' ? null : 'application/json');
  }

  const postJson = (url, body) => call('POST', url, body);

  /** The server's own words for a failed call, or its status. */
  function describe(e) {
    if (e instanceof HttpError) return (e.problem && e.problem.detail) || ('mã lỗi ' + e.status);
    return 'không kết nối được tới máy chủ';
  }

  /** The server's detail, else the bare status: the mail pages' wording. */
  function problemText(error) {
    return (error.problem && error.problem.detail) || 'Không thực hiện được (' + error.message + ').';
  }

  // ------------------------------------------------------------------ login (the webapps' own)

  /** Who is signed in to the webapps through this session, or null. */
  async function webappUser() {
    const response = await fetch(CAMUNDA_USER, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) return null;
    try { return await response.json(); } catch (e) { return null; }
  }

  /**
   * Signs in to one of the webapps ('tasklist', 'cockpit'); null when it worked, else the text to show.
   * texts.wrongPassword, texts.refused (a second 403) and texts.failed (another status, after the code)
   * let a page word it its own way.
   */
  async function signIn(app, username, password, texts) {
    const words = texts || {};
    for (let attempt = 0; attempt < 2; attempt++) {
      const token = await xsrfToken();
      const response = await fetch(CAMUNDA_USER + '/login/' + app, {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', 'X-XSRF-TOKEN': token, Accept: 'application/json' },
        body: new URLSearchParams({ username, password }).toString(),
      });
      if (response.ok) return null;
      if (response.status === 401) {
        return words.wrongPassword
          || 'Tên đăng nhập hoặc mật khẩu không đúng. Sau mỗi lần nhập sai, vui lòng chờ một lát rồi thử lại.';
      }
      // 403 on the first try: the token was refused and Camunda ended the session; a fresh session brings a fresh token
      if (response.status === 403 && attempt === 0) continue;
      if (response.status === 403 && words.refused) return words.refused;
      return 'Không đăng nhập được (mã lỗi ' + response.status + ')' + (words.failed || '.');
    }
    return 'Không đăng nhập được. Vui lòng tải lại trang và thử lại.';
  }

  async function signOut() {
    const token = await xsrfToken();
    await fetch(LOGOUT, { method: 'POST', credentials: 'same-origin', headers: { 'X-XSRF-TOKEN': token } });
  }

  /** Shows the login form in place of the page (#page unless named), with a message or none; focus on the user name. */
  function showLogin(message, pageId) {
    $('loading').hidden = true;
    $(pageId || 'page').hidden = true;
    $('logout').hidden = true;
    $('who').hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = message || '';
    $('login-error').hidden = !message;
    $('login-user').focus();
  }

  /**
   * Wires #login-form and #logout of a page: options.app is the webapp to sign in to,
   * options.start runs once signed in, options.texts as for signIn.
   */
  function wireLogin(options) {
    $('login-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const user = $('login-user').value.trim();
      const password = $('login-password').value;
      if (!user || !password) {
        $('login-error').textContent = 'Vui lòng nhập tên đăng nhập và mật khẩu.';
        $('login-error').hidden = false;
        return;
      }
      $('login-submit').disabled = true;
      try {
        const problem = await signIn(options.app, user, password, options.texts);
        if (problem) {
          $('login-error').textContent = problem;
          $('login-error').hidden = false;
          return;
        }
        $('login-password').value = '';
        $('login').hidden = true;
        await options.start();
      } finally {
        $('login-submit').disabled = false;
      }
    });
    $('logout').addEventListener('click', async () => {
      await signOut();
      showLogin('Bạn đã đăng xuất.');
    });
  }

  return { CAMUNDA_USER, $, el, HttpError, getJson, xsrfToken, send, call, postJson, describe, problemText,
    webappUser, signIn, signOut, showLogin, wireLogin };
})();
