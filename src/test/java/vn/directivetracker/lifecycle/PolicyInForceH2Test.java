package vn.directivetracker.lifecycle;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class PolicyInForceH2Test extends PolicyInForcePaths {}
