package vn.directivetracker.web;

import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webapps' HTTP session lives in the database (Spring Session JDBC, tables of Flyway V5), shared by
 * every node: README, "Running several nodes".
 */
@Configuration(proxyBeanMethods = false)
public class SessionConfiguration {

  @Bean
  FilterRegistrationBean<Filter> logoutEndsSession() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new LogoutEndsSessionFilter());
    registration.setName("logout-ends-session");
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
    // inside Spring Session's filter (Integer.MIN_VALUE + 50), outside Camunda's
    registration.setOrder(0);
    return registration;
  }
}
