/*
 * Xác nhận giao nhiệm vụ theo thông báo (/dashboard/giao-nhiem-vu): the standing office sees every
 * directive of a notice waiting for confirmation as the notice states it, changes only the
 * exceptions and confirms them all with one button (POST /api/assignments). The server checks
 * everything again; this page only shows and collects. Text from the data goes in as text nodes.
 */
'use strict';

(function () {
  const API = '/api/assignments';
  /** An item with more directives than this (e.g. "the 34 provinces") starts folded. */
  const FOLD_ABOVE = 3;

  const state = {
    user: null,
    notices: [],
    notice: null,        // GET /api/assignments?notice=… : {number, title, directives:[…], agencies:[…]}
    changes: {},         // key → {lead, coordinators, deadline, keyTask, withdraw, reason}
    problems: {},        // key → [text]
    editing: new Set(),
  };
  const { $, el, HttpError, getJson, postJson, describe, showLogin, CAMUNDA_USER } = window.dtPage;

  // ------------------------------------------------------------------ start

  async function start() {
    $('loading').hidden = false;
    let list;
    try {
      list = await getJson(API);
    } catch (e) {
      if (e instanceof HttpError && e.status === 401) { showLogin(null); return; }
      $('loading').textContent = 'Không tải được trang (' + describe(e) + ').';
      return;
    }
    try {
      const user = await getJson(CAMUNDA_USER);
      $('who').textContent = 'Người dùng: ' + user.userId;
      $('who').hidden = false;
      $('logout').hidden = false;
    } catch (e) { /* signed in with the API only */ }
    state.notices = list.notices;
    $('loading').hidden = true;
    $('page').hidden = false;
    renderNotices();
    const wanted = new URLSearchParams(location.search).get('notice');
    if (wanted && state.notices.some((n) => n.number === wanted)) await openNotice(wanted);
  }

  function renderNotices() {
    const body = $('notices').querySelector('tbody');
    body.replaceChildren();
    $('notices-empty').hidden = state.notices.length > 0;
    $('notices').hidden = state.notices.length === 0;
    for (const notice of state.notices) {
      const waiting = notice.awaiting > 0;
      body.append(el('tr', null,
        el('td', null, el('strong', { text: notice.number }), ' — ', notice.title),
        el('td', { class: 'num', text: String(notice.directives) }),
        el('td', { class: 'num', text: notice.starting > 0
          ? notice.awaiting + ' (còn ' + notice.starting + ' đang khởi tạo)' : String(notice.awaiting) }),
        el('td', null, waiting
          ? el('button', { type: 'button', class: 'btn btn-light', 'data-notice': notice.number,
            onclick: () => openNotice(notice.number), text: 'Xác nhận giao' })
          : el('span', { class: 'panel-note', text: 'Không còn nhiệm vụ chờ xác nhận' }))));
    }
  }

  async function openNotice(number) {
    $('message').hidden = true;
    let notice;
    try {
      notice = await getJson(API + '?notice=' + encodeURIComponent(number));
    } catch (e) {
      showMessage('Không tải được thông báo ' + number + ': ' + describe(e), true);
      return;
    }
    state.notice = notice;
    state.changes = {};
    state.problems = {};
    state.editing = new Set();
    history.replaceState(null, '', '?notice=' + encodeURIComponent(number));
    renderNotice();
    $('notice').hidden = false;
    $('notice-title').scrollIntoView({ block: 'start' });
  }

  // ------------------------------------------------------------------ one notice

  function agencyName(code) {
    const agency = state.notice.agencies.find((a) => a.code === code);
    return agency ? agency.name : code;
  }

  function fmtDay(iso) {
    if (!iso) return '';
    const [y, m, d] = iso.split('-');
    return d + '/' + m + '/' + y;
  }

  /** dd/mm/yyyy (also d/m/yyyy) or yyyy-mm-dd to ISO, or null when it is not an existing day. */
  function parseDay(text) {
    let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
    let y, mo, d;
    if (m) { d = +m[1]; mo = +m[2]; y = +m[3]; } else {
      m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
      if (!m) return null;
      y = +m[1]; mo = +m[2]; d = +m[3];
    }
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
    return y + '-' + String(mo).padStart(2, '0') + '-' + String(d).padStart(2, '0');
  }

  /** What the directive will be confirmed as: the notice's values with the office's change over them. */
  function effective(row) {
    const change = state.changes[row.key] || {};
    return {
      lead: change.lead || row.lead,
      coordinators: change.coordinators || row.coordinators,
      deadline: change.deadline !== undefined ? change.deadline : row.deadline,
      keyTask: change.keyTask !== undefined ? change.keyTask : row.keyTask,
      withdraw: !!change.withdraw,
      reason: change.reason || '',
    };
  }

  function isChanged(row) {
    const change = state.changes[row.key];
    return !!change && Object.keys(change).length > 0;
  }

  function missingTarget(row) {
    const value = effective(row);
    return !value.withdraw && row.needsTargetDate && !value.deadline;
  }

  function groups() {
    const byItem = new Map();
    for (const row of state.notice.directives) {
      if (!byItem.has(row.item)) byItem.set(row.item, []);
      byItem.get(row.item).push(row);
    }
    return byItem;
  }

  function renderNotice() {
    const notice = state.notice;
    $('notice-title').textContent = notice.number + ' — ' + notice.title;
    const total = notice.directives.length;
    $('notice-summary').textContent = total === 0
      ? 'Không còn nhiệm vụ nào chờ xác nhận giao.'
      : total + ' nhiệm vụ chờ xác nhận giao (' + groups().size + ' mục). Mỗi nhiệm vụ được giao đúng như thông báo ghi: '
        + 'cơ quan chủ trì, cơ quan phối hợp và thời hạn. Chỉ sửa những trường hợp khác (bấm "Sửa" ở dòng đó), '
        + 'đặt thời hạn mục tiêu cho các nhiệm vụ "sớm nhất" / "theo lộ trình", rồi bấm nút xác nhận ở cuối trang.'
        + (notice.starting > 0 ? ' Còn ' + notice.starting + ' nhiệm vụ đang được khởi tạo: chờ ít phút rồi tải lại trang.' : '');
    $('target-all').hidden = !notice.directives.some((row) => row.needsTargetDate);
    renderProblems();
    const items = $('items');
    const open = new Set([...items.querySelectorAll('details[open]')].map((d) => d.dataset.item));
    items.replaceChildren();
    for (const [item, rows] of groups()) {
      const needs = rows.some(missingTarget);
      const hasProblem = rows.some((row) => state.problems[row.key]);
      const first = rows[0];
      const details = el('details', {
        class: 'assign-item' + (needs ? ' needs' : '') + (hasProblem ? ' has-problem' : ''), 'data-item': item,
        open: rows.length <= FOLD_ABOVE || needs || hasProblem || open.has(item) || rows.some((r) => state.editing.has(r.key)),
      },
      el('summary', null,
        el('span', { class: 'ref', text: 'Mục ' + item }),
        el('span', { class: 'text', text: first.text }),
        el('span', { class: 'meta', text: (rows.length > 1 ? rows.length + ' cơ quan chủ trì · ' : '') + 'Thời hạn theo văn bản: '
          + (first.deadlinePhrase || '') + (needs ? ' · cần thời hạn mục tiêu' : '') })),
      rowsTable(rows));
      items.append(details);
    }
    renderBar();
  }

  function rowsTable(rows) {
    const body = el('tbody');
    for (const row of rows) {
      const value = effective(row);
      const classes = [isChanged(row) ? 'changed' : '', value.withdraw ? 'withdrawn' : '', state.problems[row.key] ? 'problem' : '']
        .filter(Boolean).join(' ');
      let deadlineCell;
      if (row.ongoing) {
        deadlineCell = 'Thường xuyên';
      } else if (row.needsTargetDate && !value.withdraw) {
        deadlineCell = el('input', {
          type: 'text', inputmode: 'numeric', placeholder: 'ngày/tháng/năm', 'aria-label': 'Thời hạn mục tiêu của ' + row.key,
          'data-target': row.key, value: value.deadline ? fmtDay(value.deadline) : (state.changes[row.key] || {}).deadlineText || '',
          onchange: (e) => setTarget(row, e.target.value),
        });
      } else {
        deadlineCell = fmtDay(value.deadline);
      }
      body.append(el('tr', { class: classes || null, 'data-key': row.key },
        el('td', null, el('strong', { text: agencyName(value.lead) }), ' (' + value.lead + ')'),
        el('td', { text: value.coordinators.map(agencyName).join('; ') || '—' }),
        el('td', null, deadlineCell),
        el('td', { text: value.keyTask ? 'Trọng tâm' : '' }),
        el('td', { class: 'actions' },
          el('button', { type: 'button', class: 'btn btn-light', 'data-edit': row.key,
            onclick: () => toggleEdit(row), text: state.editing.has(row.key) ? 'Đóng' : 'Sửa' }))));
      if (state.problems[row.key]) {
        body.append(el('tr', { class: 'problem' }, el('td', { colspan: 5 }, state.problems[row.key].join('; '))));
      }
      if (state.editing.has(row.key)) body.append(el('tr', null, el('td', { colspan: 5 }, editor(row))));
    }
    return el('table', { class: 'assign-rows' },
      el('thead', null, el('tr', null,
        el('th', { scope: 'col', text: 'Cơ quan chủ trì' }), el('th', { scope: 'col', text: 'Cơ quan phối hợp' }),
        el('th', { scope: 'col', text: 'Thời hạn' }), el('th', { scope: 'col', text: '' }), el('th', { scope: 'col', text: '' }))),
      body);
  }

  function editor(row) {
    const value = effective(row);
    const change = () => state.changes[row.key] || (state.changes[row.key] = {});
    const lead = el('select', { 'data-field': 'lead', onchange: (e) => {
      if (e.target.value === row.lead) delete change().lead; else change().lead = e.target.value;
      cleanUp(row); renderNotice();
    } }, state.notice.agencies.map((a) => el('option', { value: a.code, text: a.name + ' (' + a.code + ')' })));
    lead.value = value.lead;
    const coordinators = el('input', { type: 'text', class: 'wide', 'data-field': 'coordinators', value: value.coordinators.join(', '),
      onchange: (e) => {
        const codes = e.target.value.split(/[,;\s]+/).map((c) => c.trim().toUpperCase()).filter(Boolean);
        if (codes.join(',') === row.coordinators.join(',')) delete change().coordinators; else change().coordinators = codes;
        cleanUp(row); renderNotice();
      } });
    const deadline = row.ongoing ? null : el('input', { type: 'text', inputmode: 'numeric', placeholder: 'ngày/tháng/năm',
      'data-field': 'deadline', value: fmtDay(value.deadline), onchange: (e) => setTarget(row, e.target.value) });
    const keyTask = el('input', { type: 'checkbox', 'data-field': 'keyTask', checked: value.keyTask, onchange: (e) => {
      if (e.target.checked === row.keyTask) delete change().keyTask; else change().keyTask = e.target.checked;
      cleanUp(row); renderNotice();
    } });
    const withdraw = el('input', { type: 'checkbox', 'data-field': 'withdraw', checked: value.withdraw, onchange: (e) => {
      if (e.target.checked) change().withdraw = true; else { delete change().withdraw; delete change().reason; }
      cleanUp(row); renderNotice();
    } });
    const reason = el('input', { type: 'text', class: 'wide', 'data-field': 'reason', value: value.reason, maxlength: 1000,
      disabled: !value.withdraw, onchange: (e) => { change().reason = e.target.value.trim(); renderBar(); } });
    return el('div', { class: 'assign-edit' },
      el('label', null, 'Cơ quan chủ trì', lead),
      el('label', null, 'Cơ quan phối hợp (mã, cách nhau bởi dấu phẩy)', coordinators),
      deadline && el('label', null, row.needsTargetDate ? 'Thời hạn mục tiêu' : 'Thời hạn', deadline),
      el('label', null, keyTask, ' Nhiệm vụ trọng tâm'),
      el('label', null, withdraw, ' Rút khỏi theo dõi (không giao nhiệm vụ này)'),
      el('label', null, 'Lý do rút', reason));
  }

  function setTarget(row, text) {
    const change = state.changes[row.key] || (state.changes[row.key] = {});
    const trimmed = text.trim();
    const iso = trimmed ? parseDay(trimmed) : null;
    delete change.deadlineText;
    if (!trimmed || iso === row.deadline) delete change.deadline;
    else if (iso) change.deadline = iso;
    else { change.deadline = null; change.deadlineText = trimmed; }
    state.problems[row.key] = trimmed && !iso ? ['"' + trimmed + '" không phải là một ngày (ngày/tháng/năm, ví dụ 31/12/2026)'] : undefined;
    if (!state.problems[row.key]) delete state.problems[row.key];
    cleanUp(row);
    renderNotice();
  }

  function cleanUp(row) {
    const change = state.changes[row.key];
    if (change && Object.keys(change).length === 0) delete state.changes[row.key];
  }

  function toggleEdit(row) {
    if (state.editing.has(row.key)) state.editing.delete(row.key); else state.editing.add(row.key);
    renderNotice();
  }

  function applyTargetToAll() {
    const text = $('target-all-date').value.trim();
    const iso = parseDay(text);
    if (!iso) {
      showProblems(['"' + text + '" không phải là một ngày (ngày/tháng/năm, ví dụ 31/12/2026)']);
      return;
    }
    for (const row of state.notice.directives) {
      if (missingTarget(row)) {
        (state.changes[row.key] || (state.changes[row.key] = {})).deadline = iso;
        delete state.changes[row.key].deadlineText;
        delete state.problems[row.key];
      }
    }
    renderNotice();
  }

  function counts() {
    let withdrawn = 0, changed = 0, missing = 0;
    for (const row of state.notice.directives) {
      const value = effective(row);
      if (value.withdraw) withdrawn++;
      else if (isChanged(row)) changed++;
      if (missingTarget(row)) missing++;
    }
    return { total: state.notice.directives.length, withdrawn, changed, missing };
  }

  function renderBar() {
    const c = counts();
    $('bar-summary').textContent = c.changed + ' nhiệm vụ có thay đổi, ' + c.withdrawn + ' rút khỏi theo dõi'
      + (c.missing ? '; ' + c.missing + ' nhiệm vụ còn thiếu thời hạn mục tiêu' : '');
    const button = $('confirm');
    button.textContent = 'Xác nhận giao ' + (c.total - c.withdrawn) + ' nhiệm vụ' + (c.withdrawn ? ' và rút ' + c.withdrawn : '');
    button.disabled = c.total === 0;
  }

  function renderProblems() {
    const box = $('problems');
    const general = state.generalProblems || [];
    const keyed = Object.entries(state.problems);
    box.hidden = general.length === 0 && keyed.length === 0;
    box.replaceChildren(el('strong', { text: 'Chưa xác nhận được; chưa có gì được ghi. Cần sửa:' }),
      el('ul', null, general.map((p) => el('li', { text: p })),
        keyed.map(([key, list]) => el('li', { text: key + ': ' + list.join('; ') }))));
  }

  function showProblems(list) {
    state.generalProblems = list;
    renderProblems();
    $('problems').scrollIntoView({ block: 'center' });
  }

  function showMessage(text, error) {
    $('message').textContent = text;
    $('message').classList.toggle('error', !!error);
    $('message').hidden = false;
    $('message').scrollIntoView({ block: 'center' });
  }

  async function onConfirm() {
    state.generalProblems = [];
    const missing = state.notice.directives.filter(missingTarget);
    const unreadable = Object.entries(state.changes).filter(([, c]) => c.deadlineText);
    const noReason = state.notice.directives.filter((row) => effective(row).withdraw && !effective(row).reason);
    const local = [];
    missing.forEach((row) => { state.problems[row.key] = ['cần thời hạn mục tiêu (văn bản ghi "' + row.deadlinePhrase + '")']; });
    noReason.forEach((row) => { state.problems[row.key] = ['cần nêu lý do rút khỏi theo dõi']; });
    if (missing.length || unreadable.length || noReason.length) {
      if (missing.length) local.push(missing.length + ' nhiệm vụ "sớm nhất" / "theo lộ trình" còn thiếu thời hạn mục tiêu');
      renderNotice();
      showProblems(local);
      return;
    }
    const directives = state.notice.directives.map((row) => {
      const change = state.changes[row.key] || {};
      if (change.withdraw) return { key: row.key, withdraw: true, reason: change.reason };
      const entry = { key: row.key };
      for (const field of ['lead', 'coordinators', 'deadline', 'keyTask']) {
        if (change[field] !== undefined && change[field] !== null) entry[field] = change[field];
      }
      return entry;
    });
    const button = $('confirm');
    button.disabled = true;
    button.textContent = 'Đang xác nhận ' + directives.length + ' nhiệm vụ…';
    try {
      const outcome = await postJson(API, { notice: state.notice.number, directives });
      const number = state.notice.number;
      state.notice = null;
      $('notice').hidden = true;
      history.replaceState(null, '', location.pathname);
      state.notices = (await getJson(API)).notices;
      renderNotices();
      showMessage('Đã giao ' + outcome.confirmed + ' nhiệm vụ của thông báo ' + number + ' cho các cơ quan chủ trì'
        + ' (' + outcome.changed + ' có thay đổi so với thông báo' + (outcome.withdrawn ? ', ' + outcome.withdrawn
        + ' rút khỏi theo dõi' : '') + '). Các cơ quan chủ trì đã thấy việc "Tiếp nhận nhiệm vụ và lập kế hoạch" trong Tasklist.');
    } catch (e) {
      if (e instanceof HttpError && e.status === 401) { showLogin('Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.'); return; }
      state.problems = {};
      const general = [];
      const problems = (e.problem && e.problem.problems) || [];
      for (const p of problems) {
        const text = (p.field && !p.field.startsWith('(') ? '"' + p.field + '": ' : '') + p.problem;
        if (p.directive && state.notice.directives.some((row) => row.key === p.directive)) {
          (state.problems[p.directive] || (state.problems[p.directive] = [])).push(text);
        } else {
          general.push((p.directive ? p.directive + ': ' : '') + text);
        }
      }
      if (!problems.length) general.push(describe(e));
      renderNotice();
      showProblems(general);
    } finally {
      if (state.notice) renderBar();
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    window.dtPage.wireLogin({ app: 'tasklist', start });
    $('target-all-apply').addEventListener('click', applyTargetToAll);
    $('confirm').addEventListener('click', onConfirm);
    start();
  });
})();
