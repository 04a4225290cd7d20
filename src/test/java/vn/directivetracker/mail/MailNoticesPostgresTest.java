package vn.directivetracker.mail;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import vn.directivetracker.support.PostgresTestDatabase;

/** The same on PostgreSQL, in a database of its own, with the demo's users. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "directive-tracker.demo.import-seed-notices=false",
    "directive-tracker.mail.base-url=https://theodoi.example.gov.vn",
    "directive-tracker.mail.from=theodoi@example.gov.vn",
    "directive-tracker.mail.max-attempts=3",
    "directive-tracker.mail.first-retry=1m"})
@ActiveProfiles({"postgres", "demo"})
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
@DirtiesContext
class MailNoticesPostgresTest extends MailNoticesPaths {}
