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

// Directive Tracker: Camunda 7.24's shipped app/tasklist/scripts/config.js with only these changes:
// - requireJsConfig loads scripts/directive-tracker.js (what the user may do, the default sort order)
//   and scripts/directive-forms.js (form texts and dates, server refusals in Vietnamese);
// - the app's name in the header, the browser tab and the login page ("vendor name");
// - Vietnamese for every user: 'vi' is the only locale offered, so the browser's language never
//   switches a user to English (Camunda picks the browser's first language when it is listed).
//   English stays shipped in the webjar (locales/en.json); listing 'en' again would offer it to
//   browsers set to English. Translations: ../locales/vi.json (README, "Language of Tasklist,
//   Cockpit and Admin").
export default {
  app: {
    name: 'Xử lý việc',
    vendor: 'Theo dõi nhiệm vụ –'
  },
  locales: {
    availableLocales: ['vi'],
    fallbackLocale: 'vi'
  },
  // scripts/directive-tracker.js: "Bắt đầu quy trình", "Tạo việc" and the due date's editor shown
  // only to those who may use them; lists sorted by due date until the user picks another order
  requireJsConfig: {
    ngDeps: ['dt.tasklist'],
    deps: ['directive-tracker', 'directive-forms'],
    paths: {
      'directive-tracker': 'scripts/directive-tracker',
      'directive-forms': 'scripts/directive-forms'
    }
  },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  // the keys are Camunda's defaults; the descriptions show in the "Phím tắt" dialog
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'nhận việc đang chọn'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'chuyển tới bộ lọc đầu tiên trong danh sách'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'chuyển tới việc đầu tiên trong danh sách'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'chuyển tới ô nhập đầu tiên của biểu mẫu'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'mở hộp thoại bắt đầu quy trình'
    }
  }
};
