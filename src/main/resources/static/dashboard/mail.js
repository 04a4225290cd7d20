/*
 * Nhận thư thông báo (/dashboard/thu-dien-tu): the signed-in user's choice (PUT /api/mail/preferences),
 * and for administrators the agencies' mailboxes (/api/mail/mailboxes). The server checks everything.
 */
'use strict';

(function () {
  const api = window.dtPage;
  const { $ } = api;

  function say(text, isError) {
    $('message').textContent = text;
    $('message').className = isError ? 'form-error' : 'panel-note';
    $('message').hidden = false;
  }

  function showMailboxes(mailboxes) {
    const body = $('mailbox-table').querySelector('tbody');
    body.replaceChildren();
    for (const [agency, address] of Object.entries(mailboxes)) {
      const row = document.createElement('tr');
      for (const text of [agency, address]) {
        const cell = document.createElement('td');
        cell.textContent = text;
        row.append(cell);
      }
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'btn btn-light';
      remove.textContent = 'Xoá';
      remove.addEventListener('click', async () => {
        try {
          showMailboxes((await api.call('DELETE', '/api/mail/mailboxes/' + encodeURIComponent(agency))).mailboxes);
          say('Đã xoá hộp thư của ' + agency + '.');
        } catch (error) { say(api.problemText(error), true); }
      });
      const cell = document.createElement('td');
      cell.append(remove);
      row.append(cell);
      body.append(row);
    }
  }

  async function start() {
    let me;
    try {
      me = await api.call('GET', '/api/mail/preferences');
    } catch (error) {
      $('loading').hidden = true;
      if (error.status === 401) { $('signin').hidden = false; return; }
      say(api.problemText(error), true);
      return;
    }
    $('loading').hidden = true;
    $('who').textContent = 'Người dùng: ' + me.userId;
    $('who').hidden = false;
    $('address').textContent = me.email ? 'Thư gửi tới: ' + me.email
      : 'Tài khoản của bạn chưa có địa chỉ thư điện tử: đề nghị quản trị viên bổ sung trong Admin.';
    $('mail-off').hidden = me.mailEnabled;
    for (const input of document.querySelectorAll('input[name=delivery]')) input.checked = input.value === me.delivery;
    $('preferences').hidden = false;
    $('delivery-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const chosen = document.querySelector('input[name=delivery]:checked');
      if (!chosen) return;
      try {
        await api.call('PUT', '/api/mail/preferences', { delivery: chosen.value });
        say('Đã lưu.');
      } catch (error) { say(api.problemText(error), true); }
    });
    if (me.administrator) {
      showMailboxes((await api.call('GET', '/api/mail/mailboxes')).mailboxes);
      $('mailboxes').hidden = false;
      $('mailbox-form').addEventListener('submit', async (event) => {
        event.preventDefault();
        const agency = $('mailbox-agency').value.trim();
        try {
          showMailboxes((await api.call('PUT', '/api/mail/mailboxes/' + encodeURIComponent(agency),
            { address: $('mailbox-address').value.trim() })).mailboxes);
          say('Đã lưu hộp thư của ' + agency + '.');
        } catch (error) { say(api.problemText(error), true); }
      });
    }
  }

  start();
})();
