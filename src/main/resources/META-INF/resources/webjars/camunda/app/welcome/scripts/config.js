/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// Directive Tracker: Camunda 7.24's shipped app/welcome/scripts/config.js with only these changes:
// - the app's name in the header, the browser tab and the login page ("vendor name");
// - Vietnamese for every user: one locale is offered, so the browser's language never switches a
//   user to English (Camunda picks the browser's first language when it is listed). English is
//   offered only to administrators, in the footer ("English"): the choice is kept in this browser
//   (localStorage 'directiveTracker.language') and read here; webapps.js switches anyone else back.
//   Translations: ../locales/vi.json (README, "Language of Tasklist, Cockpit and Admin").
// - requireJsConfig loads the scripts named below.
const language = (() => {
  try {
    return window.localStorage.getItem('directiveTracker.language') === 'en' ? 'en' : 'vi';
  } catch (e) {
    return 'vi';
  }
})();

export default {
  app: {
    name: 'Trang chủ',
    vendor: 'Theo dõi nhiệm vụ –'
  },
  locales: {
    availableLocales: [language],
    fallbackLocale: language
  },
  // ../directive-tracker/webapps.js: texts in Camunda's code, English refusals, the footer and the
  // language choice
  requireJsConfig: {
    ngDeps: ['dt.webapps'],
    deps: ['dt-webapps'],
    paths: {
      'dt-webapps': '../directive-tracker/webapps'
    }
  }
};
