/*
 * Directive Tracker: what Cockpit, Admin and the welcome page share (loaded by each app's
 * scripts/config.js through requireJsConfig as the AngularJS module 'dt.webapps').
 *
 * - Texts written into Camunda's own code, which its locale files cannot reach ("Actions", permission
 *   names, "null", zoom buttons' tooltips, ISO timestamps, the time zone's name), are replaced in the
 *   page as they appear. The replacements are data: the "textsInCamundaCode" section of the app's
 *   locales/vi.json (README, "Language of Tasklist, Cockpit and Admin").
 * - Refusals the engine words in English ("The user with id 'manager' does not have ...") reach the
 *   page in Vietnamese: the same section's "errors".
 * - The footer says which clock the dates follow, and offers administrators English (or, in English,
 *   Vietnamese again) instead of "Powered by Camunda Platform / v7.24.0". The choice is kept in the
 *   browser (localStorage 'directiveTracker.language') and read by each app's config.js; anyone else
 *   who finds it set (an administrator's browser) is switched back to Vietnamese.
 */
define(['angular'], function (angular) {
  'use strict';

  var LANGUAGE_KEY = 'directiveTracker.language';
  var ADMIN_APP = 'admin'; // only administrators (camunda-admin) may open Admin
  var base = document.querySelector('base');
  var appRoot = base.getAttribute('app-root');
  var appName = base.getAttribute('app-name');
  var ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

  function storedLanguage() {
    try {
      return window.localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'vi';
    } catch (e) {
      return 'vi';
    }
  }

  function chooseLanguage(language) {
    try {
      if (language === 'en') {
        window.localStorage.setItem(LANGUAGE_KEY, 'en');
      } else {
        window.localStorage.removeItem(LANGUAGE_KEY);
      }
    } catch (e) {
      return;
    }
    // just signed in: the login page's address would show the login form again after reloading
    var hash = window.location.hash.replace(/^(#!?\/)login.*$/, '$1');
    if (hash !== window.location.hash) {
      window.history.replaceState(null, '', window.location.pathname + window.location.search + hash);
    }
    window.location.reload();
  }

  function isAdministrator(authentication) {
    return !!(authentication && authentication.authorizedApps &&
      authentication.authorizedApps.indexOf(ADMIN_APP) > -1);
  }

  // ---- the dictionary: locales/vi.json, section "textsInCamundaCode" -------------------------------

  var dictionary = { texts: {}, within: [], errors: [] };
  var loaded = false;
  var whenLoaded = [];

  function load() {
    var request = new XMLHttpRequest();
    request.open('GET', appRoot + '/app/' + appName + '/locales/vi.json?bust=' + (window.bust || Date.now()));
    request.onload = function () {
      try {
        var section = JSON.parse(request.responseText.replace(/^\uFEFF/, '')).textsInCamundaCode || {};
        dictionary.texts = section.texts || {};
        dictionary.within = (section.within || []).map(function (scope) {
          return {
            selector: scope.selector, texts: scope.texts || {}, separator: scope.separator,
            pattern: scope.pattern ? new RegExp(scope.pattern) : null, replacement: scope.replacement
          };
        });
        dictionary.errors = (section.errors || []).map(function (rule) {
          return { status: rule.status, english: new RegExp(rule.english), vietnamese: rule.vietnamese };
        });
        dictionary.footer = section.footer || {};
      } catch (e) {
        window.console.error('locales/vi.json: textsInCamundaCode', e);
      }
      loaded = true;
      whenLoaded.forEach(function (callback) { callback(); });
    };
    request.send();
  }

  function translateList(text, texts, separator) {
    var parts = text.split(separator);
    for (var i = 0; i < parts.length; i++) {
      if (!Object.prototype.hasOwnProperty.call(texts, parts[i])) {
        return null;
      }
      parts[i] = texts[parts[i]];
    }
    return parts.join(separator);
  }

  function lookup(text, element) {
    for (var i = 0; i < dictionary.within.length; i++) {
      var scope = dictionary.within[i];
      if (element && element.closest && element.closest(scope.selector)) {
        if (Object.prototype.hasOwnProperty.call(scope.texts, text)) {
          return scope.texts[text];
        }
        var list = scope.separator ? translateList(text, scope.texts, scope.separator) : null;
        if (list !== null) {
          return list;
        }
        if (scope.pattern && scope.pattern.test(text)) { // words in another order than English's
          return text.replace(scope.pattern, scope.replacement);
        }
      }
    }
    if (Object.prototype.hasOwnProperty.call(dictionary.texts, text)) {
      return dictionary.texts[text];
    }
    var date = ISO_DATE_TIME.exec(text);
    if (date) { // Cockpit writes dates as 2026-12-31T23:59:59 (in the browser's time zone)
      return date[3] + '/' + date[2] + '/' + date[1] + ' ' + date[4] + ':' + date[5];
    }
    return null;
  }

  function translateTextNode(node) {
    var raw = node.nodeValue;
    var text = raw.trim();
    if (!text || text.length > 200) {
      return;
    }
    var parent = node.parentElement;
    if (parent && (parent.closest('textarea, script, style, [contenteditable], .dt-untranslated'))) {
      return;
    }
    var translated = lookup(text, parent);
    if (translated !== null && translated !== text) {
      node.nodeValue = raw.replace(text, translated);
    }
  }

  function translateAttributes(element) {
    ['title', 'placeholder'].forEach(function (name) {
      var value = element.getAttribute(name);
      if (value && value.trim()) {
        var translated = lookup(value.trim(), element);
        if (translated !== null && translated !== value.trim()) {
          element.setAttribute(name, translated);
        }
      }
    });
  }

  function translateTree(root) {
    if (root.nodeType === Node.TEXT_NODE) {
      translateTextNode(root);
      return;
    }
    if (root.nodeType !== Node.ELEMENT_NODE) {
      return;
    }
    translateAttributes(root);
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    var node;
    while ((node = walker.nextNode())) {
      if (node.nodeType === Node.TEXT_NODE) {
        translateTextNode(node);
      } else {
        translateAttributes(node);
      }
    }
  }

  function watchPage() {
    translateTree(document.body);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        if (mutation.type === 'characterData') {
          translateTextNode(mutation.target);
        } else if (mutation.type === 'attributes') {
          translateAttributes(mutation.target);
        } else {
          for (var i = 0; i < mutation.addedNodes.length; i++) {
            translateTree(mutation.addedNodes[i]);
          }
        }
      });
    }).observe(document.body, {
      childList: true, subtree: true, characterData: true,
      attributes: true, attributeFilter: ['title', 'placeholder']
    });
  }

  /** The engine's English refusal as a Vietnamese sentence (first rule whose status and text match). */
  function translateError(status, message) {
    for (var i = 0; i < dictionary.errors.length; i++) {
      var rule = dictionary.errors[i];
      var match = (!rule.status || rule.status === status) ? rule.english.exec(message) : null;
      if (match) { // $1, $2 … stand for what the English text's groups matched
        return rule.vietnamese.replace(/\$(\d)/g, function (all, group) { return match[group] || ''; });
      }
    }
    return null;
  }

  var language = storedLanguage();
  if (language === 'vi') {
    load();
  }

  var ngModule = angular.module('dt.webapps', []);

  ngModule.config(['$provide', '$httpProvider', function ($provide, $httpProvider) {
    // the footer: the clock the dates follow, and the language choice for administrators
    $provide.decorator('camWidgetFooterDirective', ['$delegate', function ($delegate) {
      var directive = $delegate[0];
      directive.template = '<div class="container-fluid"><div class="row">' +
        '<div id="footer-timezone" class="col-xs-6">{{ \'CAM_WIDGET_FOOTER_TIMEZONE\' | translate }} ' +
        '<i>{{timezoneName}}</i></div>' +
        '<div class="col-xs-6 dt-language-choice" dt-language-choice></div></div></div>';
      return $delegate;
    }]);

    $httpProvider.interceptors.push(['$q', function ($q) {
      return {
        responseError: function (rejection) {
          var data = rejection && rejection.data;
          if (language === 'vi' && data && typeof data.message === 'string') {
            var translated = translateError(rejection.status, data.message);
            if (translated !== null) {
              data.message = translated;
            }
          }
          return $q.reject(rejection);
        }
      };
    }]);
  }]);

  ngModule.directive('dtLanguageChoice', ['$rootScope', function ($rootScope) {
    return {
      restrict: 'A',
      template: '<a href ng-if="administrator" ng-click="choose()" lang="{{ other }}">{{ label }}</a>',
      link: function (scope) {
        scope.other = language === 'vi' ? 'en' : 'vi';
        // the name of each language in itself: the administrator may not read the other one
        scope.label = language === 'vi' ? 'English' : 'Tiếng Việt';
        scope.choose = function () { chooseLanguage(scope.other); };
        function update(authentication) { scope.administrator = isAdministrator(authentication); }
        update($rootScope.authentication);
        scope.$on('authentication.changed', function (event, authentication) { update(authentication); });
      }
    };
  }]);

  /**
   * Most of Camunda's requests go through its SDK's client (camAPI), not $http: its answers' errors
   * are translated as they reach the page's callbacks.
   */
  function translateSdkErrors(camAPI) {
    var client = camAPI && camAPI.http && Object.getPrototypeOf(camAPI.http);
    if (!client || client.dtTranslatesErrors) {
      return;
    }
    client.dtTranslatesErrors = true;
    ['post', 'get', 'load', 'put', 'del', 'options', 'head'].forEach(function (method) {
      var send = client[method];
      if (typeof send !== 'function') {
        return;
      }
      client[method] = function (path, options) {
        options = options || {};
        var done = options.done;
        options.done = function (error) {
          if (error && typeof error.message === 'string') {
            var translated = translateError(error.status, error.message);
            if (translated !== null) {
              error.message = translated;
            }
          }
          return typeof done === 'function' ? done.apply(this, arguments) : undefined;
        };
        return send.call(this, path, options);
      };
    });
  }

  ngModule.run(['$rootScope', '$injector', function ($rootScope, $injector) {
    if (language === 'vi' && $injector.has('camAPI')) {
      translateSdkErrors($injector.get('camAPI'));
    }

    function enforce(authentication) {
      // English is for administrators: anyone else signing in on a browser where it was chosen gets Vietnamese
      if (language === 'en' && authentication && authentication.name && !isAdministrator(authentication)) {
        chooseLanguage('vi');
      }
    }
    enforce($rootScope.authentication);
    $rootScope.$on('authentication.changed', function (event, authentication) { enforce(authentication); });

    if (language === 'vi') {
      if (loaded) {
        watchPage();
      } else {
        whenLoaded.push(watchPage);
      }
    }
  }]);

  return {
    language: language,
    isAdministrator: isAdministrator,
    lookup: function (text, element) { return language === 'vi' ? lookup(text, element) : null; }
  };
});
