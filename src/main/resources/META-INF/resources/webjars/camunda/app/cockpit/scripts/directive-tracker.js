/*
 * Directive Tracker: Cockpit for managers (loaded by config.js through requireJsConfig as the
 * AngularJS module 'dt.cockpit'; what all the webapps share is in ../../directive-tracker/webapps.js).
 *
 * - Variables a bean stores as a list or map (Camunda serializes them as JSON, type Object), e.g.
 *   coordinatingAgencies, show their value ("BXD, BKHCN") where Cockpit would show the Java type
 *   "java.util.ArrayList<java.lang.String>"; the dialog behind the link still shows both.
 * - A diagram opens readable at 1366×768: when fitting the whole diagram into the panel would draw it
 *   smaller than READABLE_SCALE, it is drawn at that scale around what is running (the activities
 *   Cockpit marks with a count), or around its start when nothing is marked.
 * - The controls a user may not use are not offered (user-styles.css): body class dt-not-admin until
 *   the signed-in user is known to be an administrator. Nobody writes variables (README, "Who may do
 *   what"), so the variable tables never offer editing.
 */
define(['angular', 'dt-webapps'], function (angular, webapps) {
  'use strict';

  var READABLE_SCALE = 0.8;

  /** The value of a JSON-serialized Object variable, as a person reads it; null when it is not one. */
  function readableValue(variable) {
    var info = variable && variable.valueInfo;
    if (!info || info.serializationDataFormat !== 'application/json' || typeof variable.value !== 'string') {
      return null;
    }
    try {
      return readable(JSON.parse(variable.value));
    } catch (e) {
      return null;
    }
  }

  function readable(value) {
    if (value === null || value === undefined) {
      return '';
    }
    if (Array.isArray(value)) {
      return value.map(readable).join(', ');
    }
    if (typeof value === 'object') {
      return Object.keys(value).map(function (key) { return key + ': ' + readable(value[key]); }).join('; ');
    }
    return String(value);
  }

  /** saved: the viewboxes in the address when the diagram opened (Cockpit adds its own fit soon after). */
  function fitReadably(viewer, saved) {
    var canvas = viewer.get('canvas');
    var definitions = viewer.getDefinitions && viewer.getDefinitions();
    if (definitions && saved[definitions.id]) {
      return; // the user's own zoom, kept in the address
    }
    canvas.zoom('fit-viewport', 'auto');
    if (canvas.zoom() >= READABLE_SCALE) {
      return;
    }
    var registry = viewer.get('elementRegistry');
    var overlays = viewer.get('overlays');
    var marked = registry.filter(function (element) {
      return element.parent && overlays.get({ element: element }).length > 0;
    });
    var focus = marked.length ? marked : registry.filter(function (element) {
      return element.type === 'bpmn:StartEvent' && element.parent === canvas.getRootElement();
    });
    if (!focus.length) {
      return;
    }
    var box = focus.reduce(function (b, e) {
      return {
        x1: Math.min(b.x1, e.x), y1: Math.min(b.y1, e.y),
        x2: Math.max(b.x2, e.x + (e.width || 0)), y2: Math.max(b.y2, e.y + (e.height || 0))
      };
    }, { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity });
    var size = canvas.getSize();
    var scale = Math.max(canvas.zoom(), Math.min(READABLE_SCALE,
      size.width / (box.x2 - box.x1 + 100), size.height / (box.y2 - box.y1 + 100)));
    var width = size.width / scale;
    var height = size.height / scale;
    canvas.viewbox({
      x: (box.x1 + box.x2) / 2 - width / 2,
      y: (box.y1 + box.y2) / 2 - height / 2,
      width: width,
      height: height
    });
  }

  var ngModule = angular.module('dt.cockpit', ['dt.webapps']);

  ngModule.filter('dtVariableValue', function () {
    return function (variable) {
      var value = readableValue(variable);
      return value === null ? variable.valueInfo.objectTypeName : value;
    };
  });

  ngModule.config(['$provide', function ($provide) {
    // the read-only value cell of Object variables: the value instead of the Java type's name
    $provide.decorator('camWidgetVariablesTableDirective', ['$delegate', function ($delegate) {
      var directive = $delegate[0];
      var typeName = /(<a ng-click="editVariableValue\(v\)"\s+href>)\{\{ variable\.valueInfo\.objectTypeName \}\}(<\/a>)/;
      if (typeof directive.template === 'string' && typeName.test(directive.template)) {
        directive.template = directive.template.replace(typeName, '$1{{ variable | dtVariableValue }}$2');
      } else {
        window.console.warn('Directive Tracker: Cockpit\'s variable table changed; Object variables show their type');
      }
      return $delegate;
    }]);

    // the diagram: readable on opening
    $provide.decorator('camWidgetBpmnViewerDirective', ['$delegate', '$location', '$timeout',
      function ($delegate, $location, $timeout) {
        var directive = $delegate[0];
        var link = directive.link;
        var post = typeof link === 'function' ? link : link && link.post;
        if (!post) {
          return $delegate;
        }
        var wrapped = function (scope) {
          post.apply(this, arguments);
          var onLoad = scope.onLoad;
          scope.onLoad = function () {
            var saved = {};
            try {
              saved = JSON.parse(($location.search() || {}).viewbox || '{}');
            } catch (e) {
              saved = {};
            }
            var result = onLoad.apply(this, arguments);
            // Cockpit adds its counts (overlays) just after loading
            $timeout(function () {
              try {
                fitReadably(scope.control.getViewer(), saved);
              } catch (e) {
                window.console.warn('Directive Tracker: diagram zoom', e);
              }
            }, 400);
            return result;
          };
        };
        directive.compile = function () {
          return typeof link === 'function' ? wrapped : { pre: link.pre, post: wrapped };
        };
        return $delegate;
      }]);
  }]);

  ngModule.run(['$rootScope', function ($rootScope) {
    var body = angular.element(document.body);
    function offer(authentication) {
      body.toggleClass('dt-not-admin', !webapps.isAdministrator(authentication));
    }
    offer($rootScope.authentication);
    $rootScope.$on('authentication.changed', function (event, authentication) { offer(authentication); });
  }]);
});
