/*
 * Thư đã gửi (/dashboard/thu-da-gui): the newest mails from the outbox (GET /api/mail/sent):
 * administrators see all, everyone else those addressed to them. A mail's body is shown as text with
 * its links, never as markup of this page.
 */
'use strict';

(function () {
  const api = window.dtPage;
  const { $ } = api;
  const STATUS = { PENDING: 'chờ gửi', SENDING: 'đang gửi', SENT: 'đã gửi', FAILED: 'không gửi được' };

  function when(value) {
    return value ? new Date(value).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '';
  }

  function mailPanel(mail) {
    const panel = document.createElement('section');
    panel.className = 'panel';
    const title = document.createElement('h2');
    title.textContent = mail.subject;
    const meta = document.createElement('p');
    meta.className = 'panel-note';
    meta.textContent = 'Gửi ' + mail.recipient_address + (mail.recipient_user ? ' (' + mail.recipient_user + ')' : '')
      + ' — ' + (STATUS[mail.status] || mail.status) + (mail.sent_at ? ' lúc ' + when(mail.sent_at) : '')
      + ' — tạo lúc ' + when(mail.created_at) + (mail.attempts > 1 ? ' — ' + mail.attempts + ' lần thử' : '')
      + (mail.last_error && mail.status !== 'SENT' ? ' — lỗi: ' + mail.last_error : '');
    // parsed inertly (no script runs, nothing loads); only its text and its links are shown
    const doc = new DOMParser().parseFromString(mail.body, 'text/html');
    const text = document.createElement('pre');
    text.style.whiteSpace = 'pre-wrap';
    text.textContent = (doc.body ? doc.body.innerText || doc.body.textContent : '').replace(/\n{3,}/g, '\n\n').trim();
    const links = document.createElement('ul');
    for (const anchor of doc.querySelectorAll('a[href]')) {
      const href = anchor.getAttribute('href');
      if (!/^https?:\/\//.test(href)) continue;
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = href;
      link.rel = 'noopener noreferrer';
      link.textContent = (anchor.textContent || href) + ' — ' + href;
      item.append(link);
      links.append(item);
    }
    panel.append(title, meta, text, links);
    return panel;
  }

  async function start() {
    try {
      const answer = await api.call('GET', '/api/mail/sent?limit=100');
      $('loading').hidden = true;
      $('scope').textContent = answer.all ? 'Mọi thư hệ thống đã gửi (100 thư mới nhất)' : 'Thư gửi cho bạn (100 thư mới nhất)';
      $('empty').hidden = answer.mails.length > 0;
      $('mails').replaceChildren(...answer.mails.map(mailPanel));
    } catch (error) {
      $('loading').hidden = true;
      if (error.status === 401) { $('signin').hidden = false; return; }
      $('message').textContent = api.problemText(error);
      $('message').hidden = false;
    }
  }

  start();
})();
