/*
 * Directive Tracker: Tasklist offers only what the signed-in user may do, and sorts a filter's
 * tasks by due date until the user picks another order. Loaded by config.js (requireJsConfig) as
 * the AngularJS module 'dt.tasklist'; the server refuses the same things whatever the page shows
 * (README, "Who may do what").
 *
 * - "Bắt đầu quy trình" shows when the user can start a process from Tasklist (the start dialog's own
 *   query: startable, latest, active, with the CREATE_INSTANCE check), i.e. for the standing offices.
 * - "Tạo việc" and editing a task's due date show for administrators (camunda-admin) only.
 * - The "Phím tắt" dialog lists the start-process shortcut only where "Bắt đầu quy trình" shows.
 * Until the answers arrive the controls stay hidden (body classes dt-may-not-*, user-styles.css).
 */
define(['angular'], function (angular) {
  'use strict';

  // what Tasklist's header shows is what the server sorts by: filters carry no order of their own
  var DEFAULT_SORTING = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);
  var ADMINISTRATORS = 'camunda-admin';

  var ngModule = angular.module('dt.tasklist', []);

  ngModule.run(['$rootScope', '$http', '$location', 'Uri', '$locale', 'uibDatepickerConfig',
    function ($rootScope, $http, $location, Uri, $locale, uibDatepickerConfig) {
    var body = angular.element(document.body);

    // Tasklist's own calendar (follow-up and due date) takes its month and day names from
    // AngularJS's locale, which Camunda ships in English only: the same names as the form calendars
    uibDatepickerConfig.startingDay = 1;
    uibDatepickerConfig.formatDayTitle = 'MMMM, yyyy';
    var appRoot = document.querySelector('base').getAttribute('app-root');
    $http.get(appRoot + '/app/tasklist/locales/vi-texts.json').then(function (answer) {
      var words = answer.data.datePicker;
      var formats = $locale.DATETIME_FORMATS;
      formats.MONTH = words.months;
      formats.SHORTMONTH = words.monthsShort;
      formats.STANDALONEMONTH = words.months;
      formats.DAY = words.weekdays;
      formats.SHORTDAY = words.weekdaysShort;
      formats.FIRSTDAYOFWEEK = 0;
    });

    function sortByDueDateUnlessChosen() {
      if ($location.path() === '/' && !$location.search().sorting) {
        $location.search('sorting', DEFAULT_SORTING).replace();
      }
    }

    function offer(authentication) {
      body.addClass('dt-may-not-start dt-may-not-create-task dt-may-not-redate');
      if (!authentication || !authentication.name) {
        return;
      }
      var engine = Uri.appUri('engine://engine/:engine');
      $http.get(engine + '/process-definition/count', {
        params: { latestVersion: true, active: true, startableInTasklist: true, startablePermissionCheck: true }
      }).then(function (answer) {
        body.toggleClass('dt-may-not-start', !(answer.data.count > 0));
      });
      $http.get(engine + '/group/count', {
        params: { id: ADMINISTRATORS, member: authentication.name }
      }).then(function (answer) {
        var admin = answer.data.count > 0;
        body.toggleClass('dt-may-not-create-task', !admin);
        body.toggleClass('dt-may-not-redate', !admin);
      });
    }

    sortByDueDateUnlessChosen();
    $rootScope.$on('$locationChangeSuccess', sortByDueDateUnlessChosen);
    offer($rootScope.authentication);
    $rootScope.$on('authentication.changed', function (event, authentication) {
      offer(authentication);
    });

    // the "Phím tắt" dialog lists the start-process shortcut only to those who may start a process
    var startKey = window.camTasklistConf && window.camTasklistConf.shortcuts &&
      window.camTasklistConf.shortcuts.startProcess && window.camTasklistConf.shortcuts.startProcess.key;
    new MutationObserver(function () {
      if (!startKey || !body.hasClass('dt-may-not-start')) {
        return;
      }
      document.querySelectorAll('.modal .cam-table tr').forEach(function (row) {
        var key = row.querySelector('td');
        if (key && key.textContent.trim() === startKey && row.style.display !== 'none') {
          row.style.display = 'none';
        }
      });
    }).observe(document.body, { childList: true, subtree: true });

    // the keyboard reaches what the styles hide: Enter on the due date, the start-process shortcut
    document.addEventListener('keydown', function (event) {
      var dueDate = event.key === 'Enter' && body.hasClass('dt-may-not-redate') && event.target.closest &&
        event.target.closest('[cam-tasklist-task-meta] .due-date');
      var start = event.ctrlKey && event.altKey && (event.key === 'p' || event.key === 'π') &&
        body.hasClass('dt-may-not-start');
      if (dueDate || start) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    }, true);
  }]);

  return ngModule;
});
