package vn.directivetracker.tasklist;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasklistOverHttpH2Test extends TasklistPaths {}
