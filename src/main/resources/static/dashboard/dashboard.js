/*
 * Bảng theo dõi nhiệm vụ (/dashboard): reads /api/reports and draws it. No framework and nothing
 * from outside the app. Every text taken from the data goes in through text nodes or attributes,
 * never as HTML.
 */
'use strict';

(function () {
  const API = '/api/reports';
  const COCKPIT_INSTANCE = (id) => '/camunda/app/cockpit/default/#/process-instance/' + encodeURIComponent(id) + '/runtime';
  const ZONE = 'Asia/Ho_Chi_Minh';
  const PAGE = 100;
  const EXCEPTIONS_SHOWN = 5;
  /** The longest search the report API takes (SearchText.MAX_QUERY_LENGTH). */
  const SEARCH_MAX = 200;

  /** The national categories (lifecycle/DirectiveStatus) with the field of StatusCounts that counts them. */
  const STATUS = {
    OVERDUE: { label: 'Quá hạn chưa hoàn thành', short: 'Quá hạn', field: 'overdue' },
    IN_PROGRESS: { label: 'Đang thực hiện trong hạn', short: 'Đang thực hiện', field: 'inProgress' },
    NOT_STARTED: { label: 'Chưa triển khai', short: 'Chưa triển khai', field: 'notStarted' },
    COMPLETED_ON_TIME: { label: 'Hoàn thành đúng hạn', short: 'Đúng hạn', field: 'completedOnTime' },
    COMPLETED_LATE: { label: 'Hoàn thành quá hạn', short: 'Hoàn thành muộn', field: 'completedLate' },
    ONGOING: { label: 'Nhiệm vụ thường xuyên', short: 'Thường xuyên', field: 'ongoing' },
    ONGOING_CLOSED: { label: 'Nhiệm vụ thường xuyên đã kết thúc', short: 'Thường xuyên đã kết thúc', field: 'ongoingClosed' },
  };
  /** Cards and the list's status filter: what needs action first. */
  const CARD_ORDER = ['OVERDUE', 'IN_PROGRESS', 'NOT_STARTED', 'COMPLETED_ON_TIME', 'COMPLETED_LATE', 'ONGOING', 'ONGOING_CLOSED'];
  /** Stacked bars: done, at work, late, then the ongoing duties. */
  const BAR_ORDER = ['COMPLETED_ON_TIME', 'COMPLETED_LATE', 'IN_PROGRESS', 'NOT_STARTED', 'OVERDUE', 'ONGOING', 'ONGOING_CLOSED'];

  const state = {
    viewer: null,          // {userId, seesAll, agencies:[{code,name}]}
    webappUser: null,      // {userId, authorizedApps} when signed in to the Camunda webapps
    snapshots: [],
    filters: { notice: '', agency: '', asOf: '', period: '' },
    report: null,
    catalog: null,         // {notices: Map(number → title), agencies: Map(code → name)}: the viewer's whole scope
    catalogLoading: false,
    leagueSort: null,      // null = the API's order
    // the directive list, asked of the server a page at a time: rows so far, how many match in all
    list: { query: '', status: '', rows: [], total: 0, loading: false },
    overdue: null,         // the first page of the overdue directives: {directives, directivesTotal}
    loadSeq: 0,
    listSeq: 0,
  };

  const { $, HttpError, signOut, webappUser } = window.dtPage;

  // ------------------------------------------------------------------ DOM helpers (text only)

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function setAttrs(node, attrs) {
    if (!attrs) return;
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.setAttribute('class', value);
      else if (key === 'text') node.textContent = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
  }

  function append(node, children) {
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }

  function clear(node) {
    node.replaceChildren();
    return node;
  }

  // ------------------------------------------------------------------ formats (vi-VN)

  const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 0, maximumFractionDigits: 1 });
  const instantParts = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });

  const fmtInt = (n) => integer.format(n);
  /** 0.6667 → "66,7%"; "—" when there is nothing to divide by. */
  const fmtRate = (rate, denominator) => (denominator > 0 ? decimal.format(rate * 100) + '%' : '—');

  /** "2025-06-25" → "25/06/2025". */
  function fmtDay(day) {
    if (!day) return '';
    const [y, m, d] = day.split('-');
    return d + '/' + m + '/' + y;
  }

  function zonedParts(iso) {
    const parts = {};
    for (const part of instantParts.formatToParts(new Date(iso))) parts[part.type] = part.value;
    return parts;
  }

  /** An instant in Vietnam time: "24/11/2026 04:26". */
  function fmtInstant(iso) {
    if (!iso) return '';
    const p = zonedParts(iso);
    return p.day + '/' + p.month + '/' + p.year + ' ' + p.hour + ':' + p.minute;
  }

  /** The day (yyyy-MM-dd) of an instant in Vietnam. */
  function zonedDay(iso) {
    const p = zonedParts(iso);
    return p.year + '-' + p.month + '-' + p.day;
  }

  /** "2026-11" → "11/2026". */
  function fmtMonth(month) {
    const [y, m] = month.split('-');
    return m + '/' + y;
  }

  const viCollator = new Intl.Collator('vi');

  // ------------------------------------------------------------------ HTTP

  const getJson = (url) => window.dtPage.getJson(url, { 'X-Requested-With': 'XMLHttpRequest' });

  function query(filters, extra) {
    const params = new URLSearchParams();
    for (const key of ['notice', 'agency', 'asOf', 'period']) {
      if (filters[key]) params.set(key, filters[key]);
    }
    for (const [key, value] of Object.entries(extra || {})) params.set(key, value);
    const text = params.toString();
    return text ? '?' + text : '';
  }

  // ------------------------------------------------------------------ login through the Camunda webapps

  function showLogin(message) {
    $('link-cockpit').hidden = false;
    window.dtPage.showLogin(message, 'dashboard');
  }

  async function onLoginSubmit(event) {
    event.preventDefault();
    const user = $('login-user').value.trim();
    const password = $('login-password').value;
    const error = $('login-error');
    if (!user || !password) {
      error.textContent = 'Vui lòng nhập tên đăng nhập và mật khẩu.';
      error.hidden = false;
      (user ? $('login-password') : $('login-user')).focus();
      return;
    }
    const button = $('login-submit');
    button.disabled = true;
    button.textContent = 'Đang đăng nhập…';
    try {
      const problem = await window.dtPage.signIn('tasklist', user, password, {
        wrongPassword: 'Tên đăng nhập hoặc mật khẩu không đúng. Sau mỗi lần nhập sai, tài khoản tạm thời không đăng nhập được '
          + 'trong một lúc, lần sau lâu hơn lần trước: vui lòng chờ một lát rồi thử lại.',
        refused: 'Tài khoản này không được phép đăng nhập vào Tasklist.',
        failed: '. Vui lòng thử lại sau.',
      });
      if (problem) {
        error.textContent = problem;
        error.hidden = false;
        $('login-password').select();
        return;
      }
      $('login-password').value = '';
      error.hidden = true;
      $('login').hidden = true;
      state.catalog = null;
      await start();
    } catch (e) {
      error.textContent = 'Không kết nối được tới máy chủ. Vui lòng thử lại.';
      error.hidden = false;
    } finally {
      button.disabled = false;
      button.textContent = 'Đăng nhập';
    }
  }

  async function onLogout() {
    $('logout').disabled = true;
    try {
      await signOut();
    } finally {
      $('logout').disabled = false;
    }
    state.viewer = null;
    state.webappUser = null;
    state.report = null;
    state.catalog = null;
    showLogin('Bạn đã đăng xuất.');
  }

  // ------------------------------------------------------------------ start-up

  async function start() {
    $('loading').hidden = false;
    readUrl();
    let viewer;
    try {
      viewer = await getJson(API + '/viewer');
    } catch (e) {
      if (e instanceof HttpError && e.status === 401) {
        showLogin(null);
        return;
      }
      $('loading').textContent = 'Không tải được bảng theo dõi (' + describe(e) + ').';
      return;
    }
    state.viewer = viewer;
    const [user, snapshots] = await Promise.all([webappUser(), getJson(API + '/snapshots').catch(() => [])]);
    state.webappUser = user;
    state.snapshots = snapshots;
    renderHeader();
    $('login').hidden = true;
    $('loading').hidden = true;
    $('dashboard').hidden = false;
    await loadReport();
  }

  function mayOpenCockpit() {
    return !state.webappUser || (state.webappUser.authorizedApps || []).includes('cockpit');
  }

  function renderHeader() {
    const who = $('who');
    who.textContent = 'Người dùng: ' + state.viewer.userId;
    who.hidden = false;
    $('logout').hidden = !state.webappUser;
    $('link-cockpit').hidden = !mayOpenCockpit();
  }

  // ------------------------------------------------------------------ URL ⇄ filters

  function readUrl() {
    const params = new URLSearchParams(location.search);
    state.filters = {
      notice: params.get('notice') || '',
      agency: params.get('agency') || '',
      asOf: params.get('asOf') || '',
      period: params.get('period') || '',
    };
  }

  function writeUrl() {
    history.pushState(null, '', location.pathname + query(state.filters));
  }

  function setFilters(change) {
    Object.assign(state.filters, change);
    writeUrl();
    loadReport();
  }

  // ------------------------------------------------------------------ the report

  async function loadReport() {
    const seq = ++state.loadSeq;
    const box = $('report');
    box.setAttribute('aria-busy', 'true');
    box.classList.add('busy');
    renderFilters();
    updateExports();
    const listSeq = ++state.listSeq;
    let report;
    let overdue;
    try {
      const params = listParams(0);
      if (params.status || params.q) {
        // the list's page holds other directives: the overdue box asks for its own
        [report, overdue] = await Promise.all([
          getJson(API + '/status' + query(state.filters, params)),
          getJson(API + '/status' + query(state.filters, { status: 'OVERDUE', limit: EXCEPTIONS_SHOWN })),
        ]);
      } else {
        // unfiltered, the list is exception first: its first page begins with the most overdue
        // directives, and the totals count them, so the aggregates are computed once
        report = await getJson(API + '/status' + query(state.filters, params));
        overdue = {
          directives: report.directives.filter((row) => row.status === 'OVERDUE').slice(0, EXCEPTIONS_SHOWN),
          directivesTotal: report.totals.overdue,
        };
      }
    } catch (e) {
      if (seq !== state.loadSeq) return;
      box.removeAttribute('aria-busy');
      if (e instanceof HttpError && e.status === 401) {
        showLogin('Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.');
        return;
      }
      showReportError(reportProblem(e));
      return;
    }
    if (seq !== state.loadSeq) return;
    box.removeAttribute('aria-busy');
    $('report-error').hidden = true;
    box.hidden = false;
    state.report = report;
    state.overdue = overdue;
    if (listSeq === state.listSeq) {
      state.list.rows = report.directives;
      state.list.total = report.directivesTotal;
    }
    learnCatalog(report);
    prepareRows(report);
    renderFilters();
    renderReport();
    if (!state.catalog || !state.catalog.allNames) loadCatalog();
  }

  function showReportError(message) {
    const error = $('report-error');
    error.textContent = message;
    error.hidden = false;
    $('report').hidden = true;
  }

  function reportProblem(e) {
    if (!(e instanceof HttpError)) return 'Không kết nối được tới máy chủ. Vui lòng thử lại.';
    const f = state.filters;
    if (e.status === 403) return 'Bạn không có quyền xem số liệu của cơ quan ' + agencyName(f.agency) + '.';
    if (e.status === 404) {
      if (f.period) return 'Chưa có số liệu chốt kỳ ' + fmtMonth(f.period) + '.';
      if (f.notice) return 'Không tìm thấy thông báo số ' + f.notice + '.';
      return 'Không tìm thấy số liệu.';
    }
    if (e.status === 400) {
      const problems = (e.problem && e.problem.problems) || [];
      const messages = problems.map((p) => {
        if (p.startsWith('asOf and period')) return 'chỉ chọn một trong hai: "Tính đến ngày" hoặc "Kỳ báo cáo"';
        if (p.startsWith('asOf')) return 'ngày "' + f.asOf + '" không hợp lệ (dạng yyyy-MM-dd hoặc 2026-11-23T08:00:00+07:00)';
        if (p.startsWith('period')) return 'kỳ báo cáo "' + f.period + '" không hợp lệ (dạng yyyy-MM)';
        if (p.startsWith('agency')) return 'không có cơ quan mã ' + f.agency;
        return p;
      });
      return 'Bộ lọc không hợp lệ: ' + (messages.join('; ') || 'vui lòng kiểm tra lại') + '.';
    }
    return 'Không tải được số liệu (' + describe(e) + ').';
  }

  function describe(e) {
    return e instanceof HttpError ? 'mã lỗi ' + e.status : 'lỗi kết nối';
  }

  /** The notices and lead agencies the viewer can pick from: the report over their whole scope. */
  function learnCatalog(report) {
    const f = state.filters;
    const whole = !f.notice && !f.agency && !f.asOf && !f.period;
    // the server's catalog, once loaded, is the whole scope
    if (state.catalog && (state.catalog.allNames || !whole)) return;
    state.catalog = {
      complete: whole,
      notices: new Map(report.notices.map((n) => [n.noticeNumber, n.title])),
      agencies: new Map(report.agencies.map((a) => [a.agency, a.agencyName])),
    };
  }

  async function loadCatalog() {
    if (state.catalogLoading) return;
    state.catalogLoading = true;
    try {
      // the pickers' choices and every agency's name, without downloading the whole report again
      const catalog = await getJson(API + '/catalog');
      state.catalog = {
        complete: true,
        notices: new Map(catalog.notices.map((n) => [n.number, n.title])),
        agencies: new Map(catalog.leadAgencies.map((a) => [a.code, a.name])),
        allNames: new Map(Object.entries(catalog.agencyNames)),
      };
      if (state.names) for (const [code, name] of state.catalog.allNames) if (!state.names.has(code)) state.names.set(code, name);
      renderFilters();
    } catch (e) {
      // the picker keeps what the current report showed
    } finally {
      state.catalogLoading = false;
    }
  }

  function agencyName(code) {
    if (!code) return '';
    const own = (state.viewer ? state.viewer.agencies : []).find((a) => a.code === code);
    if (own) return own.name;
    if (state.catalog && state.catalog.agencies.has(code)) return state.catalog.agencies.get(code);
    return code;
  }

  /** Agency names for the coordinators' tooltips: the league table's, the viewer's own, the catalog's. */
  function prepareRows(report) {
    const names = new Map();
    for (const line of report.agencies) names.set(line.agency, line.agencyName);
    for (const a of state.viewer.agencies) names.set(a.code, a.name);
    if (state.catalog) for (const [code, name] of state.catalog.agencies) names.set(code, name);
    if (state.catalog && state.catalog.allNames) for (const [code, name] of state.catalog.allNames) if (!names.has(code)) names.set(code, name);
    state.names = names;
  }

  // ------------------------------------------------------------------ filters

  function renderFilters() {
    const f = state.filters;
    const catalog = state.catalog;

    const notice = clear($('f-notice'));
    notice.append(el('option', { value: '', text: 'Tất cả thông báo' }));
    const notices = catalog ? [...catalog.notices.keys()] : [];
    if (f.notice && !notices.includes(f.notice)) notices.push(f.notice);
    for (const number of notices) {
      const title = catalog && catalog.notices.get(number);
      notice.append(el('option', { value: number, title: title || null, text: number }));
    }
    notice.value = f.notice;

    const agency = clear($('f-agency'));
    const viewer = state.viewer;
    if (viewer.seesAll) {
      agency.append(el('option', { value: '', text: 'Tất cả cơ quan' }));
      const codes = catalog ? [...catalog.agencies.keys()] : [];
      if (f.agency && !codes.includes(f.agency)) codes.push(f.agency);
      codes.sort((a, b) => viCollator.compare(agencyName(a), agencyName(b)));
      for (const code of codes) agency.append(el('option', { value: code, text: agencyName(code) }));
    } else if (viewer.agencies.length === 0) {
      agency.append(el('option', { value: '', text: 'Tài khoản chưa thuộc cơ quan nào' }));
    } else if (viewer.agencies.length === 1) {
      agency.append(el('option', { value: '', text: viewer.agencies[0].name }));
    } else {
      agency.append(el('option', { value: '', text: 'Tất cả cơ quan của tôi' }));
      for (const a of viewer.agencies) agency.append(el('option', { value: a.code, text: a.name }));
    }
    agency.value = f.agency;
    agency.disabled = !viewer.seesAll && viewer.agencies.length <= 1;

    const period = clear($('f-period'));
    if (state.snapshots.length === 0) {
      period.append(el('option', { value: '', text: 'Chưa có kỳ nào được chốt' }));
    }
    for (const s of state.snapshots) {
      period.append(el('option', { value: s.period, text: 'Tháng ' + fmtMonth(s.period) + ' (chốt ' + fmtDay(s.cutOff) + ')' }));
    }
    if (f.period && !state.snapshots.some((s) => s.period === f.period)) {
      period.append(el('option', { value: f.period, text: 'Tháng ' + fmtMonth(f.period) }));
    }
    const hasPeriods = state.snapshots.length > 0 || !!f.period;
    $('w-period').disabled = !hasPeriods;
    period.disabled = !hasPeriods;
    if (f.period) period.value = f.period;

    const asOf = $('f-asof');
    if (f.asOf) asOf.value = fmtDay(/^\d{4}-\d{2}-\d{2}$/.test(f.asOf) ? f.asOf : safeDay(f.asOf));
    else if (document.activeElement !== asOf) asOf.value = '';
    asOfProblem(null);
    $('w-now').checked = !f.asOf && !f.period;
    $('w-asof').checked = !!f.asOf && !f.period;
    $('w-period').checked = !!f.period;
  }

  /** "23/11/2026" → {day: "2026-11-23"}, or {problem}; null when empty. */
  function parseDay(text) {
    const value = text.trim();
    if (!value) return null;
    const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
    if (!match) return { problem: 'Ngày "' + value + '" chưa đúng dạng dd/mm/yyyy, ví dụ 23/11/2026.' };
    const [, d, m, y] = match;
    const day = y + '-' + m.padStart(2, '0') + '-' + d.padStart(2, '0');
    const date = new Date(day + 'T00:00:00Z');
    if (isNaN(date) || date.toISOString().slice(0, 10) !== day) return { problem: 'Không có ngày ' + value + '.' };
    if (day > zonedDay(new Date().toISOString())) return { problem: 'Chọn một ngày từ hôm nay trở về trước.' };
    return { day };
  }

  function asOfProblem(message) {
    const field = $('f-asof');
    const error = $('f-asof-error');
    error.textContent = message || '';
    error.hidden = !message;
    if (message) field.setAttribute('aria-invalid', 'true');
    else field.removeAttribute('aria-invalid');
  }

  function safeDay(iso) {
    const date = new Date(iso);
    return isNaN(date) ? '' : zonedDay(date.toISOString());
  }

  function updateExports() {
    $('export-xlsx').href = API + '/status.xlsx' + query(state.filters);
    $('export-csv').href = API + '/status.csv' + query(state.filters);
    $('export-csv-agencies').href = API + '/status.csv' + query(state.filters, { list: 'agencies' });
  }

  function wireFilters() {
    $('filter-form').addEventListener('submit', (e) => e.preventDefault());
    $('f-notice').addEventListener('change', (e) => setFilters({ notice: e.target.value }));
    $('f-agency').addEventListener('change', (e) => setFilters({ agency: e.target.value }));
    $('w-now').addEventListener('change', () => setFilters({ asOf: '', period: '' }));
    $('w-asof').addEventListener('change', () => {
      const typed = parseDay($('f-asof').value);
      const day = typed && !typed.problem ? typed.day : zonedDay(new Date().toISOString());
      setFilters({ asOf: day, period: '' });
    });
    $('f-asof').addEventListener('change', (e) => {
      const typed = parseDay(e.target.value);
      if (!typed) return;
      if (typed.problem) {
        asOfProblem(typed.problem);
        return;
      }
      asOfProblem(null);
      if (typed.day !== state.filters.asOf) setFilters({ asOf: typed.day, period: '' });
    });
    $('w-period').addEventListener('change', () => {
      const period = $('f-period').value || (state.snapshots[0] && state.snapshots[0].period);
      if (period) setFilters({ period, asOf: '' });
    });
    $('f-period').addEventListener('change', (e) => {
      if (e.target.value) setFilters({ period: e.target.value, asOf: '' });
    });
    window.addEventListener('popstate', () => {
      readUrl();
      loadReport();
    });
  }

  // ------------------------------------------------------------------ drawing the report

  function renderReport() {
    const report = state.report;
    renderAsOf(report);
    renderExceptions(state.overdue);
    renderCards(report.totals);
    renderLeague();
    renderNotices(report.notices);
    renderTrend(report.completionsPerMonth);
    renderListStatus();
    renderList();
    $('generated').textContent = 'Báo cáo lập lúc ' + fmtInstant(report.generatedAt) + ' (giờ Việt Nam).';
    $('report').classList.remove('busy');
  }

  function renderAsOf(report) {
    const line = clear($('as-of'));
    if (report.period) {
      const snapshot = state.snapshots.find((s) => s.period === report.period);
      const cutOff = snapshot ? fmtDay(snapshot.cutOff) : fmtInstant(report.asOf);
      line.append(el('strong', { text: 'Số liệu chốt kỳ ' + fmtMonth(report.period) }),
        ' (chốt ngày ' + cutOff + '; lưu lúc ' + fmtInstant(report.takenAt) + ')');
    } else {
      line.append(el('strong', { text: 'Số liệu tính đến ' + fmtInstant(report.asOf) }));
    }
    const scope = [report.noticeNumber ? 'Thông báo ' + report.noticeNumber : 'Tất cả thông báo',
      report.agency ? agencyName(report.agency) : (state.viewer.seesAll ? 'tất cả cơ quan chủ trì' : 'các nhiệm vụ do cơ quan của bạn chủ trì')];
    line.append(el('span', { class: 'scope', text: ' · ' + scope.join(' · ') }));
  }

  /** The overdue box: the server's first page of the overdue directives (most days late first) and their count. */
  function renderExceptions(page) {
    const overdue = page.directives;
    const count = page.directivesTotal;
    const box = $('exceptions');
    const list = clear($('exceptions-list'));
    box.classList.toggle('none', count === 0);
    if (count === 0) {
      $('exceptions-title').textContent = 'Không có nhiệm vụ quá hạn chưa hoàn thành.';
      $('exceptions-more').hidden = true;
      return;
    }
    $('exceptions-title').textContent = 'Nhiệm vụ quá hạn chưa hoàn thành: ' + fmtInt(count)
      + (count > EXCEPTIONS_SHOWN ? ' — ' + EXCEPTIONS_SHOWN + ' nhiệm vụ quá hạn lâu nhất' : '');
    for (const row of overdue.slice(0, EXCEPTIONS_SHOWN)) {
      const deadline = 'Thời hạn ' + fmtDay(row.deadline)
        + (row.extended ? ' (gia hạn từ ' + fmtDay(row.originalDeadline) + ')' : '');
      list.append(el('li', null,
        el('span', { class: 'exc-head' }, row.noticeNumber + ' · Mục ' + row.itemRef + ' — ' + row.leadAgencyName,
          el('span', { class: 'exc-meta', text: ' · ' + deadline })),
        el('span', { class: 'exc-text', title: row.directiveText, text: row.directiveText }),
        el('span', { class: 'exc-days' }, 'Quá hạn ' + fmtInt(row.daysOverdue) + ' ngày',
          row.running && mayOpenCockpit()
            ? el('a', { href: COCKPIT_INSTANCE(row.processInstanceId), 'aria-label': 'Mở ' + row.businessKey + ' trong Cockpit', text: 'Mở trong Cockpit' })
            : null)));
    }
    const more = $('exceptions-more');
    more.hidden = count <= EXCEPTIONS_SHOWN;
    $('exceptions-show-all').textContent = 'Xem đủ ' + fmtInt(count) + ' nhiệm vụ quá hạn trong danh sách';
  }

  function renderCards(totals) {
    const cards = clear($('cards'));
    cards.append(el('div', { class: 'card total' },
      el('span', { class: 'card-label', text: 'Tổng số nhiệm vụ' }),
      el('span', { class: 'card-value', text: fmtInt(totals.total) }),
      el('span', { class: 'card-note', text: fmtInt(totals.dated) + ' có thời hạn' })));
    for (const status of CARD_ORDER) {
      const count = totals[STATUS[status].field];
      cards.append(el('button', {
        type: 'button', class: 'card s-' + status,
        title: 'Lọc danh sách: ' + STATUS[status].label,
        onclick: () => showListStatus(status),
      },
      el('span', { class: 'card-label', text: STATUS[status].label }),
      el('span', { class: 'card-value', text: fmtInt(count) }),
      el('span', { class: 'card-note', text: totals.total ? decimal.format(count * 100 / totals.total) + '% tổng số' : '' })));
    }
    cards.append(el('div', { class: 'card rate' },
      el('span', { class: 'card-label', text: 'Tỷ lệ hoàn thành' }),
      el('span', { class: 'card-value', text: fmtRate(totals.completionRate, totals.dated) }),
      el('span', { class: 'card-note', text: fmtInt(totals.completed) + '/' + fmtInt(totals.dated) + ' nhiệm vụ có thời hạn' })));
    cards.append(el('div', { class: 'card rate' },
      el('span', { class: 'card-label', text: 'Tỷ lệ đúng hạn' }),
      el('span', { class: 'card-value', text: fmtRate(totals.onTimeRate, totals.completed) }),
      el('span', { class: 'card-note', text: fmtInt(totals.completedOnTime) + '/' + fmtInt(totals.completed) + ' nhiệm vụ đã hoàn thành' })));
  }

  // ------------------------------------------------------------------ league table

  const LEAGUE_KEYS = {
    rank: (line) => line._rank,
    agencyName: (line) => line.agencyName,
    total: (line) => line.counts.total,
    completed: (line) => line.counts.completed,
    onTimeRate: (line) => (line.counts.completed > 0 ? line.counts.onTimeRate : -1),
    completionRate: (line) => (line.counts.dated > 0 ? line.counts.completionRate : -1),
    overdue: (line) => line.counts.overdue,
  };

  function renderLeague() {
    const lines = state.report.agencies.map((line, index) => Object.assign(line, { _rank: index + 1 }));
    const sort = state.leagueSort;
    if (sort) {
      const key = LEAGUE_KEYS[sort.key];
      lines.sort((a, b) => {
        const x = key(a);
        const y = key(b);
        const order = typeof x === 'string' ? viCollator.compare(x, y) : x - y;
        return (sort.dir === 'asc' ? order : -order) || a._rank - b._rank;
      });
    }
    for (const th of document.querySelectorAll('#league-table th[data-sort]')) {
      const active = sort ? sort.key === th.dataset.sort : th.dataset.sort === 'rank';
      if (active) th.setAttribute('aria-sort', sort ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'ascending');
      else th.removeAttribute('aria-sort');
    }
    $('league-sort').value = sort ? sort.key + ':' + sort.dir : '';
    if ($('league-sort').selectedIndex < 0) $('league-sort').value = '';
    const body = clear(document.querySelector('#league-table tbody'));
    if (lines.length === 0) {
      body.append(el('tr', null, el('td', { colspan: 7, text: 'Không có nhiệm vụ nào trong phạm vi này.' })));
      return;
    }
    for (const line of lines) {
      const c = line.counts;
      body.append(el('tr', { class: state.filters.agency === line.agency ? 'selected' : null },
        el('td', { class: 'num rank', text: line._rank }),
        el('td', { class: 'agency', 'data-rank': line._rank }, el('button', {
          type: 'button', title: 'Lọc theo ' + line.agencyName,
          onclick: () => setFilters({ agency: state.filters.agency === line.agency ? '' : line.agency }),
          text: line.agencyName,
        })),
        el('td', { class: 'num', 'data-label': 'Tổng số', text: fmtInt(c.total) }),
        el('td', { class: 'num', 'data-label': 'Đã hoàn thành', text: fmtInt(c.completed) }),
        el('td', { class: 'num', 'data-label': 'Tỷ lệ đúng hạn', text: fmtRate(c.onTimeRate, c.completed) }),
        el('td', { class: 'num', 'data-label': 'Tỷ lệ hoàn thành', text: fmtRate(c.completionRate, c.dated) }),
        el('td', { class: 'num' + (c.overdue > 0 ? ' overdue-count' : ' zero'), 'data-label': 'Quá hạn', text: fmtInt(c.overdue) })));
    }
  }

  function wireLeague() {
    $('league-sort').addEventListener('change', (e) => {
      const [key, dir] = e.target.value.split(':');
      state.leagueSort = key ? { key, dir } : null;
      renderLeague();
    });
    for (const th of document.querySelectorAll('#league-table th[data-sort]')) {
      th.querySelector('button').addEventListener('click', () => {
        const key = th.dataset.sort;
        const current = state.leagueSort;
        if (key === 'rank') state.leagueSort = null;
        else if (current && current.key === key) state.leagueSort = { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
        else state.leagueSort = { key, dir: key === 'agencyName' ? 'asc' : 'desc' };
        renderLeague();
      });
    }
  }

  // ------------------------------------------------------------------ notices: stacked bars

  function renderNotices(notices) {
    const box = clear($('notices'));
    if (notices.length === 0) {
      box.append(el('p', { class: 'empty', text: 'Không có nhiệm vụ nào trong phạm vi này.' }));
    }
    for (const notice of notices) {
      const c = notice.counts;
      const parts = BAR_ORDER.map((status) => [status, c[STATUS[status].field]]).filter(([, n]) => n > 0);
      const summary = parts.map(([status, n]) => STATUS[status].label + ': ' + fmtInt(n)).join('; ');
      const bar = el('div', { class: 'bar', role: 'img', 'aria-label': notice.noticeNumber + ' — ' + summary });
      for (const [status, n] of parts) {
        const share = (n * 100) / c.total;
        const seg = el('div', { class: 'bar-seg fill-' + status, title: STATUS[status].label + ': ' + fmtInt(n) },
          share >= 5 ? fmtInt(n) : '');
        seg.style.width = share + '%';
        bar.append(seg);
      }
      box.append(el('div', { class: 'notice' },
        el('div', { class: 'notice-head' },
          el('button', {
            type: 'button', title: 'Lọc theo thông báo ' + notice.noticeNumber, text: notice.noticeNumber,
            onclick: () => setFilters({ notice: state.filters.notice === notice.noticeNumber ? '' : notice.noticeNumber }),
          }),
          el('span', { class: 'notice-total', text: fmtInt(c.total) + ' nhiệm vụ · hoàn thành ' + fmtRate(c.completionRate, c.dated) })),
        notice.title ? el('p', { class: 'notice-title', title: notice.title, text: notice.title }) : null,
        bar,
        el('ul', { class: 'bar-counts', 'aria-hidden': 'true' },
          parts.map(([status, n]) => el('li', { text: STATUS[status].short + ' ' + fmtInt(n) })))));
    }
    const legend = clear($('legend'));
    for (const status of BAR_ORDER) {
      legend.append(el('li', null, el('span', { class: 'swatch fill-' + status, 'aria-hidden': 'true' }), STATUS[status].label));
    }
  }

  // ------------------------------------------------------------------ trend: inline SVG

  function renderTrend(lines) {
    const box = clear($('trend'));
    if (lines.length === 0) {
      box.append(el('p', { class: 'empty', text: 'Chưa có nhiệm vụ nào hoàn thành trong phạm vi này.' }));
      return;
    }
    // every month from the first completion to the last (at most the last 12), empty months shown as 0
    const byMonth = new Map(lines.map((l) => [l.month, l]));
    const months = [];
    let [y, m] = lines[0].month.split('-').map(Number);
    const last = lines[lines.length - 1].month;
    for (;;) {
      const key = y + '-' + String(m).padStart(2, '0');
      months.push(byMonth.get(key) || { month: key, completedOnTime: 0, completedLate: 0 });
      if (key >= last) break;
      m += 1;
      if (m > 12) { m = 1; y += 1; }
    }
    const shown = months.slice(-12);
    const max = Math.max(1, ...shown.map((l) => l.completedOnTime + l.completedLate));
    const step = niceStep(max);
    const top = Math.ceil(max / step) * step;

    const W = Math.max(300, Math.round(box.clientWidth) || 560), H = 246, left = 36, right = 8, topPad = 18, bottom = 60;
    const plotW = W - left - right, plotH = H - topPad - bottom;
    const slot = plotW / shown.length;
    const barW = Math.min(46, slot * 0.6);
    const yOf = (v) => topPad + plotH - (v / top) * plotH;

    const chart = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, role: 'img', 'aria-labelledby': 'trend-svg-title trend-svg-desc' },
      svg('title', { id: 'trend-svg-title', text: 'Nhiệm vụ hoàn thành theo tháng' }),
      svg('desc', { id: 'trend-svg-desc', text: shown.map((l) => fmtMonth(l.month) + ': ' + l.completedOnTime + ' đúng hạn, ' + l.completedLate + ' quá hạn').join('; ') }));
    for (let v = 0; v <= top; v += step) {
      chart.append(svg('line', { x1: left, x2: W - right, y1: yOf(v), y2: yOf(v), stroke: '#d5dbe3', 'stroke-width': 1 }),
        svg('text', { class: 'axis', x: left - 6, y: yOf(v) + 4, 'text-anchor': 'end', text: fmtInt(v) }));
    }
    shown.forEach((l, i) => {
      const x = left + i * slot + (slot - barW) / 2;
      const onTimeTop = yOf(l.completedOnTime);
      const total = l.completedOnTime + l.completedLate;
      if (l.completedOnTime > 0) {
        chart.append(svg('rect', { x, y: onTimeTop, width: barW, height: yOf(0) - onTimeTop, class: 'on-time' },
          svg('title', { text: fmtMonth(l.month) + ': ' + l.completedOnTime + ' hoàn thành đúng hạn' })));
      }
      if (l.completedLate > 0) {
        const lateTop = yOf(total);
        chart.append(svg('rect', { x, y: lateTop, width: barW, height: onTimeTop - lateTop, class: 'late' },
          svg('title', { text: fmtMonth(l.month) + ': ' + l.completedLate + ' hoàn thành quá hạn' })));
      }
      if (total > 0) {
        chart.append(svg('text', { class: 'value', x: x + barW / 2, y: yOf(total) - 4, 'text-anchor': 'middle', text: fmtInt(total) }));
      }
      // "T11" under every bar, the year under the first month and each January
      const [year, month] = l.month.split('-');
      chart.append(svg('text', { class: 'axis', x: x + barW / 2, y: H - bottom + 15, 'text-anchor': 'middle', text: 'T' + Number(month) }));
      const firstJanuary = shown.findIndex((m) => m.month.endsWith('-01'));
      const yearOfFirst = i === 0 && (firstJanuary < 0 || firstJanuary * slot >= 36);
      if (yearOfFirst || month === '01') {
        chart.append(svg('text', { class: 'axis', x: x + barW / 2, y: H - bottom + 28, 'text-anchor': 'middle', text: year }));
      }
    });
    chart.append(svg('line', { x1: left, x2: W - right, y1: yOf(0), y2: yOf(0), stroke: '#6b7785', 'stroke-width': 1 }));
    // legend inside the picture
    const ly = H - 6;
    chart.append(svg('rect', { x: left, y: ly - 9, width: 10, height: 10, class: 'on-time' }),
      svg('text', { class: 'axis', x: left + 14, y: ly, text: 'Hoàn thành đúng hạn' }),
      svg('rect', { x: left + 150, y: ly - 9, width: 10, height: 10, class: 'late' }),
      svg('text', { class: 'axis', x: left + 164, y: ly, text: 'Hoàn thành quá hạn' }));
    box.append(chart);
    if (months.length > shown.length) {
      box.append(el('p', { class: 'panel-note', text: 'Hiển thị 12 tháng gần nhất.' }));
    }
  }

  function niceStep(max) {
    const raw = max / 4;
    const power = Math.pow(10, Math.floor(Math.log10(raw)));
    for (const f of [1, 2, 5, 10]) if (f * power >= raw) return Math.max(1, f * power);
    return Math.max(1, 10 * power);
  }

  // ------------------------------------------------------------------ the directive list

  function renderListStatus() {
    const select = $('list-status');
    const counts = state.report.totals;
    clear(select).append(el('option', { value: '', text: 'Tất cả (' + fmtInt(counts.total) + ')' }));
    for (const status of CARD_ORDER) {
      select.append(el('option', { value: status, text: STATUS[status].label + ' (' + fmtInt(counts[STATUS[status].field]) + ')' }));
    }
    select.value = state.list.status;
  }

  function showListStatus(status) {
    state.list.status = status;
    $('list-status').value = status;
    reloadList();
    $('list-title').scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  /** The list's parameters for the server: its status and search, and the page from offset. */
  function listParams(offset) {
    const params = { offset, limit: PAGE };
    if (state.list.status) params.status = state.list.status;
    const words = state.list.query.trim();
    if (words) params.q = words.slice(0, SEARCH_MAX);
    return params;
  }

  /** Asks the server for the list's first page again (a new status or search); the aggregates stay as they are. */
  async function reloadList() {
    if (!state.report) return;
    const seq = ++state.listSeq;
    state.list.loading = true;
    $('list-count').textContent = 'Đang tải danh sách…';
    try {
      const page = await getJson(API + '/status' + query(state.filters, listParams(0)));
      if (seq !== state.listSeq) return;
      state.list.rows = page.directives;
      state.list.total = page.directivesTotal;
      renderList();
    } catch (e) {
      if (seq !== state.listSeq) return;
      listProblem(e);
    } finally {
      if (seq === state.listSeq) state.list.loading = false;
    }
  }

  async function showMoreRows() {
    if (state.list.loading || state.list.rows.length >= state.list.total) return;
    const seq = state.listSeq;
    const from = state.list.rows.length;
    state.list.loading = true;
    $('list-more').disabled = true;
    try {
      const page = await getJson(API + '/status' + query(state.filters, listParams(from)));
      if (seq !== state.listSeq) return;
      state.list.rows = state.list.rows.concat(page.directives);
      state.list.total = page.directivesTotal;
      appendRows(document.querySelector('#list-table tbody'), page.directives);
      updateListCount();
    } catch (e) {
      if (seq !== state.listSeq) return;
      listProblem(e);
    } finally {
      if (seq === state.listSeq) state.list.loading = false;
      $('list-more').disabled = false;
    }
  }

  function listProblem(e) {
    if (e instanceof HttpError && e.status === 401) {
      showLogin('Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.');
      return;
    }
    $('list-count').textContent = 'Không tải được danh sách (' + describe(e) + '). Vui lòng thử lại.';
  }

  function renderList() {
    const rows = state.list.rows;
    const body = clear(document.querySelector('#list-table tbody'));
    appendRows(body, rows);
    if (rows.length === 0) {
      body.append(el('tr', null, el('td', { colspan: 10, text: 'Không có nhiệm vụ nào khớp với điều kiện tìm.' })));
    }
    updateListCount();
  }

  function updateListCount() {
    const shown = state.list.rows.length;
    const total = state.list.total;
    const all = state.report.totals.total;
    $('list-count').textContent = 'Đang hiển thị ' + fmtInt(shown) + '/' + fmtInt(total) + ' nhiệm vụ'
      + (total !== all ? ' (trong tổng số ' + fmtInt(all) + ')' : '');
    const more = $('list-more');
    more.hidden = shown >= total;
    more.textContent = 'Xem thêm ' + fmtInt(Math.min(PAGE, total - shown)) + ' nhiệm vụ';
  }

  function appendRows(body, rows) {
    const fragment = document.createDocumentFragment();
    const cockpit = mayOpenCockpit();
    for (const row of rows) fragment.append(listRow(row, cockpit));
    body.append(fragment);
    addExpandButtons(body);
  }

  function listRow(row, cockpit) {
    return el('tr', null,
      el('td', { 'data-label': 'Thông báo', text: row.noticeNumber }),
      el('td', { 'data-label': 'Mục' }, el('span', null, row.itemRef,
        row.keyTask ? el('span', { class: 'key-task', title: 'Nhiệm vụ trọng tâm', text: 'trọng tâm' }) : null)),
      el('td', { 'data-label': 'Nội dung' }, expandable(row.directiveText)),
      el('td', { 'data-label': 'Chủ trì', title: row.leadAgency, text: row.leadAgencyName }),
      el('td', { 'data-label': 'Phối hợp', class: row.coordinatingAgencies.length ? 'coord' : 'coord empty-cell' }, coordinators(row.coordinatingAgencies)),
      el('td', { 'data-label': 'Thời hạn' }, deadlineCell(row)),
      el('td', { 'data-label': 'Tình trạng' }, el('span', { class: 'badge s-' + row.status, text: row.statusLabel })),
      el('td', { 'data-label': 'Quá hạn (ngày)', class: 'num' + (row.daysOverdue > 0 ? '' : ' empty-cell') },
        row.daysOverdue > 0 ? el('span', { class: row.status === 'OVERDUE' ? 'overdue-count' : null, text: fmtInt(row.daysOverdue) }) : '–'),
      el('td', { 'data-label': 'Báo cáo tháng', class: row.lastMonthlyReport ? null : 'empty-cell' }, monthlyReport(row)),
      el('td', { 'data-label': 'Liên kết', class: row.running && cockpit ? null : 'empty-cell' },
        row.running && cockpit
          ? el('a', { href: COCKPIT_INSTANCE(row.processInstanceId), 'aria-label': 'Mở ' + row.businessKey + ' trong Cockpit', text: 'Cockpit' })
          : ''));
  }

  /** Long text shows three lines; the tooltip and, once laid out, a button (see addExpandButtons) show the rest. */
  function expandable(text) {
    return el('div', { class: 'expandable' }, el('div', { class: 'clamp', title: text, text: text }));
  }

  /** A "Xem đủ" button wherever the three lines cut the text: all reads first, then all writes. */
  function addExpandButtons(root) {
    const cut = [...root.querySelectorAll('.expandable:not(.checked) > .clamp')]
      .filter((clamp) => clamp.scrollHeight > clamp.clientHeight + 1);
    for (const wrap of root.querySelectorAll('.expandable:not(.checked)')) wrap.classList.add('checked');
    for (const clamp of cut) {
      const wrap = clamp.parentElement;
      const button = el('button', { type: 'button', class: 'more-btn', 'aria-expanded': 'false', text: 'Xem đủ' });
      button.addEventListener('click', () => {
        const open = wrap.classList.toggle('expanded');
        button.setAttribute('aria-expanded', String(open));
        button.textContent = open ? 'Thu gọn' : 'Xem đủ';
      });
      wrap.append(button);
    }
  }

  function coordinators(codes) {
    if (codes.length === 0) return '–';
    const names = codes.map((code) => state.names.get(code) || code);
    const title = names.join(', ');
    if (codes.length <= 4) return el('span', { title, text: codes.join(', ') });
    const span = el('span', { title, text: codes.slice(0, 3).join(', ') + ' ' });
    const button = el('button', { type: 'button', class: 'more-btn', 'aria-expanded': 'false', text: 'và ' + (codes.length - 3) + ' cơ quan khác' });
    button.addEventListener('click', () => {
      span.textContent = codes.join(', ') + ' ';
      button.remove();
    });
    return el('span', null, span, button);
  }

  function deadlineCell(row) {
    if (row.ongoing) return el('span', { title: row.deadlinePhrase || null, text: 'Thường xuyên' });
    if (!row.deadline) return el('span', { class: 'phrase', text: row.deadlinePhrase || '–' });
    return el('span', { title: row.deadlinePhrase || null },
      el('span', { class: 'nowrap', text: fmtDay(row.deadline) }),
      row.extended ? el('span', { class: 'extended-from', text: '(gia hạn từ ' + fmtDay(row.originalDeadline) + ')' }) : null);
  }

  function monthlyReport(row) {
    if (!row.lastMonthlyReport) return '–';
    return el('div', null,
      row.lastMonthlyReportAt ? el('span', { class: 'report-date', text: fmtInstant(row.lastMonthlyReportAt).slice(0, 10) }) : null,
      expandable(row.lastMonthlyReport));
  }

  function wireList() {
    let timer = null;
    $('list-search').addEventListener('input', (e) => {
      clearTimeout(timer);
      // each search is a request: wait until the typing pauses
      timer = setTimeout(() => {
        if (e.target.value === state.list.query) return;
        state.list.query = e.target.value;
        reloadList();
      }, 300);
    });
    $('list-status').addEventListener('change', (e) => {
      state.list.status = e.target.value;
      reloadList();
    });
    $('list-more').addEventListener('click', showMoreRows);
    let resized = null;
    window.addEventListener('resize', () => {
      clearTimeout(resized);
      resized = setTimeout(() => {
        const body = document.querySelector('#list-table tbody');
        for (const wrap of body.querySelectorAll('.expandable.checked:not(.expanded)')) {
          wrap.classList.remove('checked');
          const button = wrap.querySelector('.more-btn');
          if (button) button.remove();
        }
        addExpandButtons(body);
        if (state.report) renderTrend(state.report.completionsPerMonth);
      }, 200);
    });
    $('exceptions-show-all').addEventListener('click', () => showListStatus('OVERDUE'));
  }

  // ------------------------------------------------------------------ go

  document.addEventListener('DOMContentLoaded', () => {
    $('login-form').addEventListener('submit', onLoginSubmit);
    $('logout').addEventListener('click', onLogout);
    wireFilters();
    wireLeague();
    wireList();
    start();
  });
})();
