package vn.directivetracker.access;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    HttpHygienePaths.REQUEST_LIMIT, HttpHygienePaths.NOTICE_LIMIT})
class HttpHygieneH2Test extends HttpHygienePaths {}
