package vn.directivetracker.web;

import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import vn.directivetracker.database.DatabaseOutageFilter;
import vn.directivetracker.database.DatabaseReachability;

/**
 * The HTTP filters in front of the dashboard and the APIs. They run right after Spring's character
 * encoding filter and before everything that reads a body (Spring's FormContentFilter at -9900,
 * Camunda's authentication filters at 10, the webapps' filters, Jersey, Spring MVC), in this order:
 * security headers (so every answer carries them, refusals included), cross-site writes, sizes,
 * and a 503 while the database does not answer.
 */
@Configuration(proxyBeanMethods = false)
public class HttpHygieneConfiguration {

  static final String[] API_PATHS = {"/api/*", "/engine-rest/*", "/camunda/api/*"};

  @Bean
  FilterRegistrationBean<Filter> securityHeaders() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new SecurityHeadersFilter());
    registration.setName("security-headers");
    // not /camunda: the webapps send their own headers (and their own Content-Security-Policy)
    registration.addUrlPatterns("/dashboard", "/dashboard/*", "/api/*", "/engine-rest/*", "/actuator/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> crossSiteRequests() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new CrossSiteRequestFilter());
    registration.setName("cross-site-requests");
    registration.addUrlPatterns(API_PATHS);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> requestSizeLimits(HttpLimits limits) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(limits));
    registration.setName("request-size-limits");
    registration.addUrlPatterns(API_PATHS);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 12);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> databaseOutage(DatabaseReachability database) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new DatabaseOutageFilter(database));
    registration.setName("database-outage");
    registration.addUrlPatterns(API_PATHS);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 13);
    return registration;
  }
}
