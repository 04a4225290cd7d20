package vn.directivetracker.mail;

import org.springframework.boot.test.context.SpringBootTest;

/** On H2, with the demo's users. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "directive-tracker.demo.import-seed-notices=false",
    "directive-tracker.mail.base-url=https://theodoi.example.gov.vn",
    "directive-tracker.mail.from=theodoi@example.gov.vn",
    "directive-tracker.mail.max-attempts=3",
    "directive-tracker.mail.first-retry=1m"})
class MailNoticesH2Test extends MailNoticesPaths {}
