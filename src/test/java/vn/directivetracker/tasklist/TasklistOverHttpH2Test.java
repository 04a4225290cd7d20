package vn.directivetracker.tasklist;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * On H2, in an application of its own (seed import off): the webapps keep process-wide state that a
 * cached context does not get back once another test's application has closed, and these tests call
 * the webapps' engine API as Tasklist does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "directive-tracker.demo.import-seed-notices=false")
@DirtiesContext
class TasklistOverHttpH2Test extends TasklistPaths {}
