package vn.directivetracker.access;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API is open to anonymous callers unless Camunda's authentication filter is
 * registered: this puts it behind HTTP Basic against the engine's users, and the application's own
 * API under /api behind the same users (the filter also sets the engine's current authentication).
 */
@Configuration(proxyBeanMethods = false)
public class RestAuthenticationConfiguration {

  @Bean
  FilterRegistrationBean<Filter> engineRestAuthentication() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.setOrder(10);
    return registration;
  }

  /** The application's own API: HTTP Basic, or the webapps' login for reading (reports, their links). */
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
}
