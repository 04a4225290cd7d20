package vn.directivetracker.access;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessOverRestH2Test extends AccessOverRestPaths {}
