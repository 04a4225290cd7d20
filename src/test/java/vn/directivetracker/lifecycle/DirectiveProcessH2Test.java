package vn.directivetracker.lifecycle;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class DirectiveProcessH2Test extends DirectiveProcessPaths {}
