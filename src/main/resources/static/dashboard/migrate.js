/*
 * Chuyển hồ sơ đang chạy sang phiên bản quy trình mới (/dashboard/chuyen-phien-ban): the process
 * owner sees, per process, the older versions that still have running instances and where they wait
 * (GET /api/migrations), gets the generated plan with the steps that cannot be mapped
 * (POST …/plan), runs the dry run (POST …/dry-run) and starts the engine batch (POST …/execute).
 * The server checks everything again; text from the data goes in as text nodes.
 */
'use strict';

(function () {
  const API = '/api/migrations';
  const POLICY_API = '/api/policy';
  const BATCH_PAGE = '/camunda/app/cockpit/default/#/batch?type=runtime&details=';

  const state = { processes: [], selected: null, plan: null };
  const { $, el, HttpError, getJson, postJson, showLogin } = window.dtPage;

  /** The plan's problems come as a list of texts. */
  function describe(e) {
    const problems = (e instanceof HttpError && e.problem && e.problem.problems) || [];
    return problems.length ? problems.join('; ') : window.dtPage.describe(e);
  }

  function message(text, error) {
    $('message').textContent = text;
    $('message').classList.toggle('error', !!error);
    $('message').hidden = !text;
  }

  // ------------------------------------------------------------------ overview

  async function start() {
    $('loading').hidden = false;
    let answer;
    try {
      answer = await getJson(API);
    } catch (e) {
      if (e instanceof HttpError && e.status === 401) { showLogin(null); return; }
      if (e instanceof HttpError && e.status === 403) { showLogin('Trang này dành cho người quản lý quy trình và quản trị hệ thống.'); return; }
      $('loading').textContent = 'Không tải được trang (' + describe(e) + ').';
      return;
    }
    $('who').textContent = 'Người dùng: ' + answer.userId;
    $('who').hidden = false;
    $('logout').hidden = false;
    state.processes = answer.processes;
    $('loading').hidden = true;
    $('page').hidden = false;
    renderProcesses();
    loadPolicy();
  }

  // ------------------------------------------------------------------ the policy in force (GET/POST /api/policy)

  async function loadPolicy() {
    try {
      const policy = await getJson(POLICY_API);
      $('policy-summary').textContent = 'Phiên bản chính sách đang áp dụng: ' + policy.policyVersion
        + '. Nhiệm vụ đang chạy: ' + policy.runningDirectives
        + '; lần quyết định gần nhất theo phiên bản cũ hơn: ' + policy.decidedByOlderVersion
        + '; nhận được lệnh áp dụng (đã tiếp nhận, trên phiên bản quy trình có bước này): ' + policy.reachable + '.';
    } catch (e) {
      $('policy-summary').textContent = 'Không tải được chính sách (' + describe(e) + ').';
    }
  }

  async function onApplyPolicy() {
    if (!window.confirm('Tính lại mốc nhắc hạn và mốc báo lãnh đạo đang chờ của mọi nhiệm vụ đang chạy theo chính sách mới nhất?')) return;
    $('policy-apply').disabled = true;
    try {
      const applied = await postJson(POLICY_API + '/apply-to-running', {});
      $('policy-result').replaceChildren(el('p', { class: 'migrate-ok', text: 'Đã gửi lệnh áp dụng chính sách phiên bản '
        + applied.policyVersion + ' cho ' + applied.reached + ' nhiệm vụ; mỗi nhiệm vụ tự tính lại trong một việc nền.' }));
      loadPolicy();
    } catch (e) {
      $('policy-result').replaceChildren(el('p', { class: 'migrate-bad', text: 'Chưa áp dụng được: ' + describe(e) }));
    }
    $('policy-apply').disabled = false;
  }

  function renderProcesses() {
    const box = $('processes');
    box.replaceChildren();
    for (const process of state.processes) {
      const latest = process.latest;
      const section = el('div', { class: 'migrate-process' },
        el('h3', { text: (process.processName || process.processKey) + ' (' + process.processKey + ')' }),
        el('p', { class: 'panel-note', text: 'Phiên bản mới nhất: ' + latest.version + ', ' + latest.runningInstances + ' hồ sơ đang chạy.' }));
      if (!process.running.length) {
        section.append(el('p', { class: 'migrate-ok', text: 'Không còn hồ sơ nào chạy trên phiên bản cũ.' }));
      } else {
        const body = el('tbody');
        for (const version of process.running) {
          const where = el('ul', {}, version.activities.map((a) => el('li', {}, a.name + ' (' + a.activityId + '): ' + a.instances)));
          body.append(el('tr', {},
            el('td', { text: 'Phiên bản ' + version.version }),
            el('td', { class: 'num', text: version.runningInstances }),
            el('td', {}, where),
            el('td', {}, el('button', { type: 'button', class: 'btn btn-light',
              onclick: () => openPlan(process.processKey, version.version),
              text: 'Lập kế hoạch chuyển lên phiên bản ' + latest.version }))));
        }
        section.append(el('table', { class: 'migrate' },
          el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Phiên bản' }),
            el('th', { scope: 'col', class: 'num', text: 'Hồ sơ đang chạy' }),
            el('th', { scope: 'col', text: 'Đang chờ ở bước (số lượt)' }), el('th', { scope: 'col' }))),
          body));
      }
      box.append(section);
    }
  }

  // ------------------------------------------------------------------ plan, dry run, execution

  async function openPlan(processKey, sourceVersion) {
    message('');
    state.selected = { processKey, sourceVersion };
    try {
      state.plan = await postJson(API + '/' + encodeURIComponent(processKey) + '/plan', { sourceVersion });
    } catch (e) {
      message('Không lập được kế hoạch: ' + describe(e), true);
      return;
    }
    renderPlan();
    $('plan').hidden = false;
    $('plan').scrollIntoView();
  }

  function renderPlan() {
    const plan = state.plan;
    const blocking = plan.unmapped.filter((u) => u.runningInstances > 0 || u.engineReason);
    $('plan-title').textContent = 'Kế hoạch chuyển ' + plan.processKey + ': phiên bản ' + plan.sourceVersion
      + ' → ' + plan.targetVersion;
    $('plan-summary').textContent = plan.runningInstances + ' hồ sơ đang chạy trên phiên bản ' + plan.sourceVersion + '. '
      + plan.instructions.length + ' bước được ánh xạ sang bước cùng mã của phiên bản mới. '
      + (plan.valid ? 'Bộ máy quy trình chấp nhận kế hoạch.' : 'Bộ máy quy trình không chấp nhận kế hoạch.');
    const unmapped = $('unmapped');
    unmapped.replaceChildren();
    if (!plan.unmapped.length) {
      unmapped.append(el('p', { class: 'migrate-ok', text: 'Mọi bước của phiên bản cũ đều có chỗ trong phiên bản mới.' }));
    } else {
      unmapped.append(el('p', { class: blocking.length ? 'migrate-bad' : 'panel-note',
        text: blocking.length ? 'Chưa thể chuyển: có hồ sơ đang chờ ở bước không có trong phiên bản mới. Sửa mô hình (giữ nguyên mã bước) rồi triển khai lại.'
          : 'Các bước sau không có trong phiên bản mới, nhưng hiện không có hồ sơ nào chờ ở đó.' }));
      unmapped.append(el('table', { class: 'migrate' },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Bước' }), el('th', { scope: 'col', text: 'Lý do' }),
          el('th', { scope: 'col', class: 'num', text: 'Hồ sơ đang chờ' }))),
        el('tbody', {}, plan.unmapped.map((u) => el('tr', { class: blocking.includes(u) ? 'blocking' : null },
          el('td', { text: u.name + ' (' + u.activityId + ')' }), el('td', { text: u.reason }),
          el('td', { class: 'num', text: u.runningInstances }))))));
    }
    $('instructions').replaceChildren(el('table', { class: 'migrate' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Bước (phiên bản cũ)' }),
        el('th', { scope: 'col', text: 'Bước (phiên bản mới)' }), el('th', { scope: 'col', text: 'Hẹn giờ' }))),
      el('tbody', {}, plan.instructions.map((i) => el('tr', {},
        el('td', { text: i.sourceName + ' (' + i.sourceActivityId + ')' }),
        el('td', { text: i.targetName + ' (' + i.targetActivityId + ')' }),
        el('td', { text: i.updateEventTrigger ? 'tính lại theo phiên bản mới' : '' }))))));
    $('dry-run').replaceChildren();
    $('run-execute').disabled = !plan.valid || blocking.length > 0 || plan.runningInstances === 0;
    $('run-dry').disabled = !plan.valid;
  }

  async function onDryRun() {
    const { processKey, sourceVersion } = state.selected;
    $('run-dry').disabled = true;
    $('dry-run').replaceChildren(el('p', { class: 'loading', text: 'Đang chạy thử từng hồ sơ…' }));
    try {
      const result = await postJson(API + '/' + encodeURIComponent(processKey) + '/dry-run', { sourceVersion });
      const box = el('div', {}, el('p', { class: result.wouldFail ? 'migrate-bad' : 'migrate-ok',
        text: 'Chạy thử ' + result.checked + (result.checked < result.runningInstances ? ' trong số ' + result.runningInstances : '')
          + ' hồ sơ: ' + result.wouldMigrate + ' sẽ được chuyển, ' + result.wouldFail
          + ' sẽ không chuyển được. Chưa có gì thay đổi.' }));
      if (result.failures.length) {
        box.append(el('ul', {}, result.failures.map((f) => el('li', {},
          f.reason + ' — ' + f.instances + ' hồ sơ, ví dụ: ' + f.examples.join(', ')))));
      }
      $('dry-run').replaceChildren(box);
    } catch (e) {
      $('dry-run').replaceChildren(el('p', { class: 'migrate-bad', text: 'Không chạy thử được: ' + describe(e) }));
    } finally {
      $('run-dry').disabled = false;
    }
  }

  async function onExecute() {
    const plan = state.plan;
    if (!window.confirm('Chuyển ' + plan.runningInstances + ' hồ sơ của quy trình ' + plan.processKey + ' từ phiên bản '
      + plan.sourceVersion + ' sang phiên bản ' + plan.targetVersion + '?')) return;
    $('run-execute').disabled = true;
    try {
      const result = await postJson(API + '/' + encodeURIComponent(plan.processKey) + '/execute',
        { sourceVersion: plan.sourceVersion });
      $('dry-run').replaceChildren(el('p', { class: 'migrate-ok' },
        'Đã tạo lô chuyển ' + result.batchId + ' cho ' + result.instances + ' hồ sơ. Theo dõi tiến độ trong ',
        el('a', { href: BATCH_PAGE + encodeURIComponent(result.batchId), text: 'Cockpit, mục Lô xử lý' }), '.'));
    } catch (e) {
      $('dry-run').replaceChildren(el('p', { class: 'migrate-bad', text: 'Chưa chuyển được: ' + describe(e) }));
      $('run-execute').disabled = false;
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    window.dtPage.wireLogin({ app: 'cockpit', start });
    $('run-dry').addEventListener('click', onDryRun);
    $('run-execute').addEventListener('click', onExecute);
    $('policy-apply').addEventListener('click', onApplyPolicy);
    start();
  });
})();
