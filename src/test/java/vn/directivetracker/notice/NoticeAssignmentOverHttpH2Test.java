package vn.directivetracker.notice;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/** On H2, in an application of its own (seed import off). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "directive-tracker.demo.import-seed-notices=false")
@DirtiesContext
class NoticeAssignmentOverHttpH2Test extends NoticeAssignmentPaths {}
