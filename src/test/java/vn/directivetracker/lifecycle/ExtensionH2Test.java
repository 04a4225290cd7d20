package vn.directivetracker.lifecycle;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class ExtensionH2Test extends ExtensionPaths {}
