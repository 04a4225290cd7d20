package vn.directivetracker.guard;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AttackerOverRestH2Test extends AttackerPaths {}
