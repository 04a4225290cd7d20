/*
 * Ghi nhận thông báo từ văn bản (/dashboard/thong-bao-moi): the standing office pastes a notice's
 * text or uploads its file, gets a draft (POST /api/notices/drafts, nothing written), checks it side
 * by side with the source (marked fields first), corrects it and registers it through
 * POST /api/notices: the same validation and the same rule of who may register which notice.
 * Text from the data goes in as text nodes only.
 */
'use strict';

(function () {
  const DRAFTS = '/api/notices/drafts';
  const NOTICES = '/api/notices';
  const KINDS = {
    DATE: 'Trước ngày', END_OF_MONTH: 'Trong tháng (cuối tháng)', FROM_DATE: 'Từ ngày',
    ONGOING: 'Thường xuyên', ASAP: 'Sớm nhất / khẩn trương', ROADMAP: 'Theo lộ trình',
  };
  const CLASSES = {
    MINISTRIES_AND_MINISTERIAL_AGENCIES: 'Các Bộ, cơ quan ngang Bộ',
    PROVINCIAL_PEOPLES_COMMITTEES: 'UBND các tỉnh, thành phố trực thuộc TW',
    PROVINCIAL_PARTY_COMMITTEES: 'Các tỉnh ủy, thành ủy',
    CENTRAL_PARTY_AGENCIES: 'Các cơ quan Đảng ở Trung ương',
  };
  const FIELD_NAMES = {
    number: 'Số hiệu', issuer: 'Cơ quan ban hành', standingOffice: 'Cơ quan thường trực', title: 'Trích yếu',
    issuedOn: 'Ngày ban hành', meetingOn: 'Ngày họp', recipients: 'Nơi nhận', items: 'Nhiệm vụ', ref: 'Ký hiệu',
    text: 'Nội dung', lead: 'Cơ quan chủ trì', coordinators: 'Cơ quan phối hợp', coordinatorClasses: 'Nhóm phối hợp',
    deadline: 'Thời hạn', keyTask: 'Nhiệm vụ trọng tâm',
  };

  const state = { draft: null, notice: null, items: [], headerMarks: {}, current: -1 };
  const { $, el, HttpError, showLogin } = window.dtPage;
  const post = (url, body, contentType) => window.dtPage.send('POST', url, body, contentType);

  function describe(e) {
    if (e instanceof HttpError) {
      if (e.status === 401) return 'phiên đăng nhập đã hết, vui lòng đăng nhập lại';
      if (e.status === 403) return 'chỉ thành viên cơ quan thường trực được ghi nhận thông báo';
      if (e.status === 413) return 'văn bản hoặc tệp quá lớn';
      const problems = (e.problem && e.problem.problems) || [];
      if (problems.length) return problems.map((p) => p.problem).join('; ');
    }
    return window.dtPage.describe(e);
  }

  async function start() {
    const user = await window.dtPage.webappUser();
    if (!user) { showLogin(null); return; }
    $('who').textContent = 'Người dùng: ' + user.userId;
    $('who').hidden = false;
    $('logout').hidden = false;
    $('loading').hidden = true;
    $('login').hidden = true;
    $('page').hidden = false;
  }

  function showMessage(text, error) {
    $('message').textContent = text;
    $('message').classList.toggle('error', !!error);
    $('message').hidden = false;
  }

  // ------------------------------------------------------------------ reading the text

  async function onRead() {
    $('message').hidden = true;
    const file = $('file').files[0];
    const text = $('text').value;
    if (!file && !text.trim()) { showMessage('Dán nội dung thông báo hoặc chọn một tệp.', true); return; }
    $('read').disabled = true;
    try {
      let draft;
      if (file) {
        const form = new FormData();
        form.append('file', file);
        draft = await post(DRAFTS, form, null);
      } else {
        draft = await post(DRAFTS, JSON.stringify({ text }), 'application/json');
      }
      load(draft);
    } catch (e) {
      if (e instanceof HttpError && e.status === 401) { showLogin(describe(e)); return; }
      showMessage('Không đọc được văn bản: ' + describe(e), true);
    } finally {
      $('read').disabled = false;
    }
  }

  function load(draft) {
    state.draft = draft;
    state.notice = JSON.parse(JSON.stringify(draft.notice));
    state.headerMarks = {};
    state.items = state.notice.items.map((item, index) => ({
      item,
      marks: draft.marks.filter((m) => m.item === index),
      source: draft.itemSources.find((s) => s.item === index) || null,
      problems: [],
    }));
    for (const mark of draft.marks.filter((m) => m.item === null || m.item === undefined)) {
      (state.headerMarks[mark.field] || (state.headerMarks[mark.field] = [])).push(mark);
    }
    $('review').hidden = false;
    $('problems').hidden = true;
    renderUnplaced();
    renderHeader();
    renderItems();
    renderSource();
    renderBar();
    $('review-title').focus && $('review').scrollIntoView({ behavior: 'smooth' });
  }

  // ------------------------------------------------------------------ rendering

  function markNotes(marks) {
    return marks.map((m) => el('p', { class: 'mark-note' }, '⚠ ' + m.reason,
      m.words ? ' — «' + m.words + '»' : ''));
  }

  function field(label, input, marks, wide) {
    const id = 'f' + Math.random().toString(36).slice(2);
    input.id = id;
    return el('div', { class: (marks.length ? 'marked ' : '') + (wide ? 'wide' : '') },
      el('label', { for: id, text: label }), input, markNotes(marks));
  }

  function textInput(value, onchange, name) {
    return el('input', { type: 'text', value: value || '', 'data-field': name || null,
      oninput: (e) => onchange(e.target.value.trim() || null) });
  }

  function dateInput(value, onchange) {
    return el('input', { type: 'date', value: value || '', oninput: (e) => onchange(e.target.value || null) });
  }

  function renderUnplaced() {
    const box = $('unplaced');
    box.replaceChildren();
    const unplaced = state.draft.unplaced || [];
    box.hidden = unplaced.length === 0;
    if (!unplaced.length) return;
    box.append(el('strong', { text: 'Phần văn bản chưa đưa vào trường nào (' + unplaced.length + '):' }));
    for (const u of unplaced) {
      box.append(el('p', null, el('em', { text: u.reason }), ' ',
        el('button', { type: 'button', class: 'btn btn-light', onclick: () => showSource(u.start, u.end), text: 'Xem trong văn bản' })));
    }
  }

  function renderHeader() {
    const n = state.notice;
    const marks = (name) => state.headerMarks[name] || [];
    const set = (name) => (value) => { n[name] = value; };
    const box = $('header');
    box.replaceChildren(el('legend', { text: 'Thông tin chung' }), el('div', { class: 'draft-grid' },
      field(FIELD_NAMES.number, textInput(n.number, set('number')), marks('number')),
      field(FIELD_NAMES.issuer + ' (mã)', textInput(n.issuer, set('issuer')), marks('issuer')),
      field(FIELD_NAMES.standingOffice + ' (mã)', textInput(n.standingOffice, set('standingOffice')), marks('standingOffice')),
      field(FIELD_NAMES.issuedOn, dateInput(n.issuedOn, set('issuedOn')), marks('issuedOn')),
      field(FIELD_NAMES.meetingOn, dateInput(n.meetingOn, set('meetingOn')), marks('meetingOn')),
      field(FIELD_NAMES.title, el('textarea', { oninput: (e) => { n.title = e.target.value.trim() || null; } }, n.title || ''),
        marks('title'), true),
      field(FIELD_NAMES.recipients + ' (mỗi dòng một nơi)', el('textarea', {
        oninput: (e) => { n.recipients = e.target.value.split('\n').map((s) => s.trim()).filter(Boolean); },
      }, (n.recipients || []).join('\n')), marks('recipients'), true),
      marks('items').length ? el('div', { class: 'wide marked' }, markNotes(marks('items'))) : null));
  }

  function renderItems() {
    const box = $('items');
    box.replaceChildren();
    state.items.forEach((entry, index) => box.append(itemCard(entry, index)));
  }

  function itemCard(entry, index) {
    const item = entry.item;
    const marks = (name) => entry.marks.filter((m) => m.field === name);
    const classSelect = (value, onchange) => el('select', { onchange: (e) => onchange(e.target.value || null) },
      el('option', { value: '', text: '—' }),
      Object.entries(CLASSES).map(([code, label]) => el('option', { value: code, selected: code === value, text: label })));
    const kindSelect = el('select', { onchange: (e) => { item.deadline.kind = e.target.value; } },
      Object.entries(KINDS).map(([code, label]) => el('option', { value: code, selected: code === item.deadline.kind, text: label })));
    const classBoxes = el('div', null, Object.entries(CLASSES).map(([code, label]) => el('label', null,
      el('input', { type: 'checkbox', checked: item.coordinatorClasses.includes(code), onchange: (e) => {
        item.coordinatorClasses = item.coordinatorClasses.filter((c) => c !== code);
        if (e.target.checked) item.coordinatorClasses.push(code);
      } }), ' ' + label)));
    const card = el('section', { class: 'draft-item', 'data-index': String(index) },
      el('h3', null, 'Nhiệm vụ ', el('span', { text: item.ref || '(chưa có ký hiệu)' }),
        entry.source ? el('button', { type: 'button', class: 'btn btn-light', text: 'Xem trong văn bản',
          onclick: () => showSource(entry.source.start, entry.source.end) }) : null,
        el('button', { type: 'button', class: 'btn btn-light', text: 'Bỏ nhiệm vụ này', onclick: () => {
          state.items.splice(index, 1);
          renderItems();
          renderBar();
        } })),
      entry.problems.map((p) => el('p', { class: 'item-problem', text: p })),
      el('div', { class: 'draft-grid' },
        field(FIELD_NAMES.ref, textInput(item.ref, (v) => { item.ref = v; }, 'ref'), marks('ref')),
        field(FIELD_NAMES.lead + ' (mã)', textInput(item.lead, (v) => { item.lead = v; }, 'lead'), marks('lead')),
        field('hoặc nhóm chủ trì', classSelect(item.leadClass, (v) => { item.leadClass = v; }), []),
        field(FIELD_NAMES.coordinators + ' (mã, cách nhau dấu phẩy)', textInput((item.coordinators || []).join(', '), (v) => {
          item.coordinators = (v || '').split(/[,\s]+/).filter(Boolean);
        }), marks('coordinators')),
        field(FIELD_NAMES.coordinatorClasses, classBoxes, marks('coordinatorClasses'), true),
        field('Loại thời hạn', kindSelect, marks('deadline')),
        field('Ngày', dateInput(item.deadline.date, (v) => { item.deadline.date = v; }), []),
        field('Cụm từ thời hạn', textInput(item.deadline.phrase, (v) => { item.deadline.phrase = v; }), [], true),
        field(FIELD_NAMES.text, el('textarea', { oninput: (e) => { item.text = e.target.value.trim() || null; } }, item.text || ''),
          marks('text'), true),
        field(FIELD_NAMES.keyTask, el('input', { type: 'checkbox', checked: item.keyTask,
          onchange: (e) => { item.keyTask = e.target.checked; } }), marks('keyTask'))));
    card.addEventListener('focusin', () => { if (entry.source) highlight(entry.source.start, entry.source.end, false); });
    return card;
  }

  /** The source with the marked words highlighted; offsets come from the server. */
  function renderSource() {
    const source = state.draft.source || '';
    const spans = state.draft.marks.filter((m) => m.start >= 0 && m.end > m.start && m.words)
      .map((m) => [m.start, m.end, m.reason]).sort((a, b) => a[0] - b[0]);
    const pre = $('source');
    pre.replaceChildren();
    let at = 0;
    for (const [start, end, reason] of spans) {
      if (start < at) continue;
      pre.append(document.createTextNode(source.slice(at, start)));
      pre.append(el('mark', { title: reason, 'data-start': String(start), text: source.slice(start, end) }));
      at = end;
    }
    pre.append(document.createTextNode(source.slice(at)));
  }

  function highlight(start, end, scroll) {
    renderSource();
    const pre = $('source');
    const source = state.draft.source || '';
    // rebuild with the current range as one block (marks inside it give way to it)
    pre.replaceChildren(document.createTextNode(source.slice(0, start)),
      el('span', { class: 'current', text: source.slice(start, end) }), document.createTextNode(source.slice(end)));
    if (scroll) pre.querySelector('.current').scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  function showSource(start, end) { highlight(start, end, true); }

  function renderBar() {
    const marked = state.items.filter((e) => e.marks.length).length;
    $('bar-summary').textContent = state.items.length + ' nhiệm vụ, ' + marked + ' nhiệm vụ có ô cần kiểm tra';
    $('review-summary').textContent = 'Các ô tô vàng là những chỗ chương trình chưa chắc chắn: kiểm tra các ô này trước. '
      + 'Không có gì được lưu cho đến khi bấm "Ghi nhận".';
  }

  // ------------------------------------------------------------------ registering

  /** The import's problems are written for developers (English): the office reads them in Vietnamese. */
  const PROBLEMS = [
    [/^missing: give the lead agency/, () => 'chưa có cơ quan chủ trì: nhập mã cơ quan hoặc chọn nhóm chủ trì'],
    [/^two leads/, () => 'chỉ nhập một: mã cơ quan chủ trì hoặc nhóm chủ trì'],
    [/^missing: give kind/, () => 'chưa có thời hạn'],
    [/^(missing|is empty)$/, () => 'còn thiếu'],
    [/^unknown agency code (.*)$/, (m) => 'mã cơ quan "' + m[1] + '" không có trong danh mục cơ quan'],
    [/^(\S+) \((.*)\) did not exist on (.*)$/, (m) => m[1] + ' (' + m[2] + ') chưa tồn tại hoặc đã giải thể vào ngày ' + m[3]],
    [/^duplicate reference (.*)$/, (m) => 'ký hiệu ' + m[1] + ' bị trùng'],
    [/is not a reference like/, () => 'ký hiệu không hợp lệ (ví dụ: 1, 3.b, 2.đ, 3.a.2)'],
    [/is not a date/, () => 'ngày không hợp lệ'],
    [/needs its date$/, () => 'loại thời hạn này cần có ngày'],
    [/has no date in the notice/, () => 'loại thời hạn này không có ngày (cơ quan thường trực đặt thời hạn mục tiêu khi giao)'],
    [/is not the last day of its month$/, () => '"trong tháng" phải là ngày cuối tháng'],
    [/is the lead agency and cannot also coordinate$/, () => 'cơ quan chủ trì không đồng thời là cơ quan phối hợp'],
    [/^a notice needs at least one item$/, () => 'thông báo cần ít nhất một nhiệm vụ'],
    [/^give the issue date or at least the meeting date$/, () => 'nhập ngày ban hành hoặc ít nhất ngày họp'],
    [/may hold only letters, digits/, () => 'số hiệu chỉ gồm chữ, số, dấu cách và các ký tự / - .'],
    [/^Only members of (.*) may register the notices of (.*)$/, (m) => 'chỉ thành viên ' + m[1] + ' được ghi nhận thông báo của ' + m[2]],
    [/tracked by (\S+), not (\S+)$/, (m) => 'thông báo của cơ quan này do ' + m[1] + ' theo dõi, không phải ' + m[2]],
    [/no standing office tracks the notices of (.*) \(/, (m) => 'chưa có cơ quan thường trực theo dõi thông báo của ' + m[1]],
  ];

  function vietnamese(problem) {
    for (const [pattern, say] of PROBLEMS) {
      const match = String(problem || '').match(pattern);
      if (match) return say(match);
    }
    return 'không hợp lệ (' + problem + ')';
  }

  function noticeToSend() {
    const n = state.notice;
    return {
      number: n.number, issuer: n.issuer, standingOffice: n.standingOffice, title: n.title,
      issuedOn: n.issuedOn, meetingOn: n.meetingOn, chair: n.chair, implementsPlan: n.implementsPlan,
      recipients: n.recipients, note: n.note,
      items: state.items.map((e) => ({
        ref: e.item.ref, text: e.item.text, lead: e.item.leadClass ? null : e.item.lead, leadClass: e.item.leadClass,
        coordinators: e.item.coordinators, coordinatorClasses: e.item.coordinatorClasses,
        deadline: { kind: e.item.deadline.kind,
          date: ['DATE', 'END_OF_MONTH', 'FROM_DATE'].includes(e.item.deadline.kind) ? e.item.deadline.date : null,
          phrase: e.item.deadline.phrase },
        keyTask: !!e.item.keyTask, note: e.item.note,
      })),
    };
  }

  async function onRegister() {
    $('register').disabled = true;
    $('problems').hidden = true;
    state.items.forEach((e) => { e.problems = []; });
    try {
      const result = await post(NOTICES, JSON.stringify(noticeToSend()), 'application/json');
      renderItems();
      showMessage('Đã ghi nhận thông báo ' + state.notice.number + ' (' + (result && result.status === 'created'
        ? 'mới' : 'cập nhật') + '). Các nhiệm vụ được giao qua trang "Xác nhận giao nhiệm vụ".', false);
      $('message').scrollIntoView({ behavior: 'smooth' });
    } catch (e) {
      if (e instanceof HttpError && e.status === 401) { showLogin(describe(e)); return; }
      const general = [];
      const problems = (e.problem && e.problem.problems) || [];
      for (const p of problems) {
        const text = (FIELD_NAMES[String(p.field).split('.')[0]] || p.field || '') + ': ' + vietnamese(p.problem);
        const entry = p.item ? state.items.find((x) => x.item.ref === p.item) : null;
        if (entry) entry.problems.push(text); else general.push((p.item ? p.item + ' — ' : '') + text);
      }
      if (!problems.length) general.push(e instanceof HttpError && e.status === 403 && e.problem && e.problem.detail
        ? vietnamese(e.problem.detail.replace(/; nothing was imported$/, '')) : describe(e));
      renderItems();
      if (!general.length) general.push('xem lỗi ghi ở từng nhiệm vụ bên dưới (' + problems.length + ' lỗi).');
      $('problems').replaceChildren(el('strong', { text: 'Chưa ghi nhận được:' }), el('ul', null,
        general.map((g) => el('li', { text: g }))));
      $('problems').hidden = general.length === 0 && problems.length === 0;
      if (!$('problems').hidden) $('problems').scrollIntoView({ behavior: 'smooth' });
    } finally {
      $('register').disabled = false;
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    window.dtPage.wireLogin({ app: 'tasklist', start, texts: { wrongPassword: 'Tên đăng nhập hoặc mật khẩu không đúng.' } });
    $('read').addEventListener('click', onRead);
    $('register').addEventListener('click', onRegister);
    $('add-item').addEventListener('click', () => {
      state.items.push({ item: { ref: '', text: '', lead: null, leadClass: null, coordinators: [], coordinatorClasses: [],
        deadline: { kind: 'DATE', date: null, phrase: null }, keyTask: false, note: null }, marks: [], source: null, problems: [] });
      renderItems();
      renderBar();
    });
    start().catch(() => showLogin(null));
  });
})();
