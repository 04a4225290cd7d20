/*
 * Directive Tracker: Camunda Forms, Tasklist's notices and the texts Camunda writes in its code in
 * Vietnamese, and form dates that are taken exactly as typed or refused in plain sight. Loaded by
 * config.js (requireJsConfig.deps).
 *
 * Why a script: form-js (the Camunda Forms renderer inside Tasklist) writes its validation
 * messages in English in its code, and its date picker reads a typed date in the browser's
 * language (m/d/yyyy in an English browser), rolling impossible dates over: 31/02 became a date in
 * March, "abc" became empty. Here every form date field reads dd/MM/yyyy, and a text that is not an
 * existing date in the years 1901–2198 is refused with a message next to the field, kept as typed,
 * and "Hoàn thành" does nothing until it is corrected. The server checks every date again (README,
 * "Who may do what").
 *
 * The texts are data: locales/vi-texts.json.
 */
define([], function () {
  'use strict';

  var VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
  var TYPED_DATE = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/;
  var FIRST_YEAR = 1901;
  var LAST_YEAR = 2198;
  // Tasklist's "Hoàn thành" and "Lưu" under a Camunda Form, and the start dialog's "Bắt đầu"
  var COMPLETING_BUTTONS = 'button[ng-click="complete()"], button[ng-click^="save("], button[ng-click="startProcessInstance()"]';

  // form-js hands a changed date to the form one or two frames later (a Preact effect): a click on
  // "Hoàn thành" right after typing would submit the date from before. Such a click waits this long.
  var SETTLE_MILLIS = 400;

  var texts = null;
  var refusals = new Map(); // date input -> message shown
  var lastDateChange = 0;
  var deferredClick = null;

  var appRoot = (document.querySelector('base') || document.documentElement).getAttribute('app-root') || '/camunda';
  fetch(appRoot + '/app/tasklist/locales/vi-texts.json', { credentials: 'same-origin' })
    .then(function (answer) { return answer.json(); })
    .then(function (loaded) {
      texts = loaded;
      texts.formPatterns = compile(loaded.formMessages);
      texts.errorPatterns = compile(loaded.serverErrors.patterns);
      sweep(document.body);
      new MutationObserver(function (changes) {
        changes.forEach(function (change) {
          if (change.type === 'characterData') {
            translateText(change.target);
          } else {
            change.addedNodes.forEach(sweep);
          }
        });
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    })
    .catch(function (problem) {
      // without the texts, dates keep Camunda's behaviour; say so where a developer looks
      console.error('Directive Tracker: locales/vi-texts.json not loaded', problem);
    });

  // "Field must have minimum value of {min}." -> a regular expression and the names of its parts
  function compile(messages) {
    return Object.keys(messages).filter(function (key) { return key.charAt(0) !== '_'; }).map(function (english) {
      var names = [];
      var source = english.split(/(\{\w+\})/).map(function (part) {
        var name = /^\{(\w+)\}$/.exec(part);
        if (name) {
          names.push(name[1]);
          return '([\\s\\S]*?)';
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      }).join('');
      return { pattern: new RegExp('^' + source + '$'), names: names, vietnamese: messages[english] };
    });
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }

  function translate(text, patterns) {
    var trimmed = text.trim();
    for (var i = 0; i < patterns.length; i++) {
      var match = patterns[i].pattern.exec(trimmed);
      if (match) {
        var values = {};
        patterns[i].names.forEach(function (name, index) { values[name] = match[index + 1]; });
        return fill(patterns[i].vietnamese, values);
      }
    }
    return null;
  }

  function sweep(node) {
    if (!node || node.nodeType !== 1) {
      if (node && node.nodeType === 3) {
        translateText(node);
      }
      return;
    }
    node.querySelectorAll('.fjs-form-field-error li, .fjs-form-field-error').forEach(function (element) {
      element.childNodes.forEach(translateText);
    });
    if (node.matches('.fjs-form-field-error li')) {
      node.childNodes.forEach(translateText);
    }
    node.querySelectorAll('input.fjs-input.flatpickr-input').forEach(takeDates);
    if (node.matches('input.fjs-input.flatpickr-input')) {
      takeDates(node);
    }
    node.querySelectorAll('.notifications .alert, [notifications-panel] .alert').forEach(translateNotice);
    if (node.matches('.notifications .alert, [notifications-panel] .alert')) {
      translateNotice(node);
    }
    if (node.closest && node.closest('.notifications .alert, [notifications-panel] .alert')) {
      translateNotice(node.closest('.notifications .alert, [notifications-panel] .alert'));
    }
    node.querySelectorAll('#footer-timezone i').forEach(function (zone) {
      var names = texts.pageTexts.timeZones;
      var name = zone.textContent.trim();
      if (name && !zone.getAttribute('data-dt-zone')) {
        zone.setAttribute('data-dt-zone', name);
        zone.textContent = names[name] || fill(names._other, { zone: name });
      }
    });
    node.querySelectorAll('.sr-only').forEach(function (hidden) {
      var vietnamese = texts.pageTexts.screenReader[hidden.textContent.trim()];
      if (vietnamese) {
        hidden.textContent = vietnamese;
      }
    });
    node.querySelectorAll('[title]').forEach(function (titled) {
      var vietnamese = texts.pageTexts.titles[titled.getAttribute('title')];
      if (vietnamese) {
        titled.setAttribute('title', vietnamese);
      }
    });
    node.querySelectorAll('.modal option, .modal .help-block, .modal [uib-tooltip]').forEach(function (element) {
      element.childNodes.forEach(translateText);
      var tip = element.getAttribute('uib-tooltip');
      if (tip && texts.filterCriteria.help[tip]) {
        element.setAttribute('uib-tooltip', texts.filterCriteria.help[tip]);
      }
    });
    node.querySelectorAll('h5.assignee[uib-tooltip="task.assignee"]').forEach(function (assignee) {
      assignee.removeAttribute('uib-tooltip');
    });
    node.querySelectorAll('.overdue [am-time-ago]').forEach(function (since) {
      since.childNodes.forEach(translateText);
    });
    node.querySelectorAll('.fjs-form input[placeholder], .fjs-form .fjs-select-display, .fjs-form .fjs-taglist-input').forEach(function (element) {
      var vietnamese = element.placeholder && translate(element.placeholder, texts.formPatterns);
      if (vietnamese) {
        element.placeholder = vietnamese;
      }
    });
  }

  function translateText(textNode) {
    if (!texts || textNode.nodeType !== 3 || !textNode.parentElement) {
      return;
    }
    var parent = textNode.parentElement;
    if (parent.closest('.fjs-form-field-error, .fjs-select-display, .fjs-dropdownlist, .fjs-form-field-select')) {
      var vietnamese = translate(textNode.nodeValue, texts.formPatterns);
      if (vietnamese && vietnamese !== textNode.nodeValue) {
        textNode.nodeValue = vietnamese;
      }
    } else if (parent.closest('.modal')) {
      // the filter editor's criteria ("Business Key Like *") and their help
      var criterion = /^(\s*)(.*?)(\s*\*?\s*)$/.exec(textNode.nodeValue);
      var name = texts.filterCriteria.names[criterion[2]] || texts.filterCriteria.help[criterion[2]];
      if (name) {
        textNode.nodeValue = criterion[1] + name + criterion[3];
      }
    } else if (parent.matches('[am-time-ago]') && parent.closest('.overdue')) {
      // moment says "2 ngày trước" for a due date two days ago; an officer reads "đã quá 2 ngày"
      var since = /^(.+) trước$/.exec(textNode.nodeValue.trim());
      if (since) {
        textNode.nodeValue = fill(texts.pageTexts.overdueSince, { time: since[1] });
      }
    } else if (parent.closest('.notifications .alert, [notifications-panel] .alert')) {
      translateNotice(parent.closest('.notifications .alert, [notifications-panel] .alert'));
    }
  }

  // Tasklist's notice: a translated status ("Không gửi được biểu mẫu") and the server's message
  function translateNotice(alert) {
    if (!texts) {
      return;
    }
    alert.querySelectorAll('.message').forEach(function (message) {
      var original = message.textContent;
      if (!original.trim() || message.getAttribute('data-dt-shown') === original) {
        return;
      }
      var vietnamese = translate(original, texts.errorPatterns);
      var shown = vietnamese !== null ? vietnamese : original;
      if (!VIETNAMESE.test(shown) || /\b[0-9a-f]{8}-[0-9a-f]{4}-/i.test(shown) || /\b[a-z]+\.[a-z]+\.[A-Z]\w+/.test(shown)) {
        console.warn('Directive Tracker: server message shown in plain words:', original);
        shown = texts.serverErrors.fallback;
      }
      message.textContent = shown;
      message.setAttribute('data-dt-shown', shown);
    });
  }

  // ---- dates ---------------------------------------------------------------------------------

  function takeDates(input, attempt) {
    if (input.getAttribute('data-dt-dates')) {
      return;
    }
    var picker = input._flatpickr;
    if (!picker) {
      // form-js creates the picker in an effect after the input is in the page
      if ((attempt || 0) < 50) {
        setTimeout(function () { takeDates(input, (attempt || 0) + 1); }, 20);
      }
      return;
    }
    input.setAttribute('data-dt-dates', 'true');
    var words = texts.datePicker;
    picker.set('locale', {
      weekdays: { shorthand: words.weekdaysShort, longhand: words.weekdays },
      months: { shorthand: words.monthsShort, longhand: words.months },
      firstDayOfWeek: 1,
      rangeSeparator: ' – ',
      time_24hr: true,
      monthAriaLabel: words.monthAriaLabel,
      yearAriaLabel: words.yearAriaLabel
    });
    picker.set('dateFormat', 'd/m/Y');
    // what a screen reader says for each day of the calendar ("November 29, 2026" in Camunda's)
    picker.set('ariaDateFormat', 'd/m/Y');
    input.placeholder = words.placeholder;
    if (picker.calendarContainer) {
      picker.calendarContainer.querySelectorAll('.flatpickr-monthDropdown-months').forEach(function (select) {
        select.setAttribute('aria-label', words.monthAriaLabel);
        select.querySelectorAll('option').forEach(function (option) {
          option.textContent = words.months[Number(option.value)];
        });
      });
      picker.calendarContainer.querySelectorAll('.numInput.cur-year').forEach(function (year) {
        year.setAttribute('aria-label', words.yearAriaLabel);
      });
    }

    picker.config.onValueUpdate.push(function () { lastDateChange = Date.now(); });
    var setDate = picker.setDate;
    // every path that reads typed text (blur, Enter, a click elsewhere, form-js's own) ends here
    picker.setDate = function (date, triggerChange, format) {
      if (typeof date !== 'string' || date.trim() === '') {
        clearRefusal(input);
        return setDate.apply(picker, arguments);
      }
      var reading = readTypedDate(date);
      if (reading.refusal) {
        refuse(input, reading.refusal);
        return undefined;
      }
      clearRefusal(input);
      lastDateChange = Date.now();
      return setDate.call(picker, reading.date, triggerChange);
    };
  }

  function readTypedDate(text) {
    var words = texts.datePicker;
    var parts = TYPED_DATE.exec(text);
    if (!parts) {
      return { refusal: fill(words.notADate, { text: text.trim(), example: words.example }) };
    }
    var day = Number(parts[1]);
    var month = Number(parts[2]);
    var year = Number(parts[3]);
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      return { refusal: fill(words.yearOutOfRange, { year: String(year) }) };
    }
    var date = new Date(year, month - 1, day);
    if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) {
      return { refusal: fill(words.noSuchDate, { text: text.trim(), example: words.example }) };
    }
    return { date: date };
  }

  function messageBox(input) {
    var field = input.closest('.fjs-form-field') || input.parentElement;
    var box = field.querySelector('.dt-date-refusal');
    if (!box) {
      box = document.createElement('div');
      box.className = 'dt-date-refusal fjs-form-field-error';
      box.setAttribute('role', 'alert');
      box.id = (input.id || 'dt-date') + '-refusal';
      field.appendChild(box);
    }
    return box;
  }

  function refuse(input, message) {
    refusals.set(input, message);
    messageBox(input).textContent = message;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-errormessage', messageBox(input).id);
    var field = input.closest('.fjs-form-field');
    if (field) {
      field.classList.add('fjs-has-errors', 'dt-date-refused');
    }
  }

  function clearRefusal(input) {
    if (!refusals.has(input)) {
      return;
    }
    refusals.delete(input);
    var field = input.closest('.fjs-form-field') || input.parentElement;
    var box = field.querySelector('.dt-date-refusal');
    if (box) {
      box.remove();
    }
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-errormessage');
    field.classList.remove('fjs-has-errors', 'dt-date-refused');
  }

  // "Hoàn thành", "Lưu" and "Bắt đầu" do nothing while a refused date is on the page, and wait for a date
  // that was just typed to reach the form
  function guardCompletion(event) {
    var button = event.target.closest && event.target.closest(COMPLETING_BUTTONS);
    if (!button || !texts) {
      return;
    }
    var stillRefused = null;
    refusals.forEach(function (message, input) {
      if (!document.body.contains(input)) {
        refusals.delete(input);
      } else if (!stillRefused) {
        stillRefused = input;
      }
    });
    if (stillRefused) {
      event.preventDefault();
      event.stopImmediatePropagation();
      var field = stillRefused.closest('.fjs-form-field');
      var label = field && field.querySelector('.fjs-form-field-label');
      messageBox(stillRefused).textContent = refusals.get(stillRefused) + ' ' +
        fill(texts.datePicker.completeBlocked, { label: label ? label.textContent.trim() : '' });
      // to the field, with its calendar closed so that the message stays in sight
      stillRefused.focus();
      if (stillRefused._flatpickr) {
        stillRefused._flatpickr.close();
      }
      messageBox(stillRefused).scrollIntoView({ block: 'center' });
      return;
    }
    var wait = lastDateChange + SETTLE_MILLIS - Date.now();
    if (wait > 0 || deferredClick) {
      event.preventDefault();
      event.stopImmediatePropagation();
      if (!deferredClick) {
        deferredClick = setTimeout(function () {
          deferredClick = null;
          if (document.body.contains(button)) {
            button.click();
          }
        }, wait);
      }
    }
  }
  document.addEventListener('click', guardCompletion, true);

  // Camunda's task card has uib-tooltip="task.assignee" (no braces): hovering the assignee's name
  // showed the words "task.assignee". The name is on the card already; the tooltip is not shown.
  ['mouseenter', 'focus'].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (event.target.matches && event.target.matches('h5.assignee[uib-tooltip="task.assignee"]')) {
        event.stopImmediatePropagation();
      }
    }, true);
  });

  return {};
});
