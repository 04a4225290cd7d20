package vn.directivetracker.reporting;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class StatusReportsH2Test extends StatusReportPaths {}
