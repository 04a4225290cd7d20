package vn.directivetracker.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Request timing for every servlet. Who may read the metrics is decided in
 * {@code vn.directivetracker.access.RestAuthenticationConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

  /** Outside every other filter but the character encoding: refusals by the hygiene and login filters are timed too. */
  @Bean
  FilterRegistrationBean<Filter> requestTiming(MeterRegistry registry) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new RequestTimingFilter(registry));
    registration.setName("request-timing");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }
}
