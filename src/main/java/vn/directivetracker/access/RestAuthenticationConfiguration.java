package vn.directivetracker.access;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API is open to anonymous callers unless Camunda's authentication filter is
 * registered: this puts it behind HTTP Basic against the engine's users, and the application's own
 * API under /api behind the same users (the filter also sets the engine's current authentication).
 * The Prometheus scrape sits behind the same login, for administrators only. None sends a
 * {@code WWW-Authenticate: Basic} challenge (see {@link BasicWithoutChallengeAuthenticationProvider}):
 * callers send their credentials pre-emptively.
 */
@Configuration(proxyBeanMethods = false)
public class RestAuthenticationConfiguration {

  /** Spring MVC maps no trailing slash or sub-path to the endpoint; covered anyway, should that change. */
  static final String[] METRICS_PATHS = {"/actuator/prometheus", "/actuator/prometheus/*"};

  @Bean
  FilterRegistrationBean<Filter> engineRestAuthentication() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        BasicWithoutChallengeAuthenticationProvider.class.getName());
    registration.setOrder(10);
    return registration;
  }

  /** The application's own API: HTTP Basic, or the webapps' login (writes with its CSRF token). */
  @Bean
  FilterRegistrationBean<Filter> applicationApiAuthentication() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("application-api-authentication");
    registration.addUrlPatterns("/api/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        SessionOrBasicAuthenticationProvider.class.getName());
    registration.setOrder(10);
    return registration;
  }

  /**
   * The Prometheus scrape (engine, job executor, database pool and request figures, per-process
   * counts) is for administrators: HTTP Basic for the scraper, or the webapps' login in a browser.
   * Health and its probes stay open.
   */
  @Bean
  FilterRegistrationBean<Filter> metricsAuthentication() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("metrics-authentication");
    registration.addUrlPatterns(METRICS_PATHS);
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        SessionOrBasicAuthenticationProvider.class.getName());
    registration.setOrder(10);
    return registration;
  }

  /** After the authentication above: signed in is not enough, the caller must be an administrator. */
  @Bean
  FilterRegistrationBean<Filter> metricsAdministratorsOnly() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new AdministratorsOnlyFilter());
    registration.setName("metrics-administrators-only");
    registration.addUrlPatterns(METRICS_PATHS);
    registration.setOrder(11);
    return registration;
  }
}
