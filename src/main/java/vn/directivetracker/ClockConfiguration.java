package vn.directivetracker;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

  /** Follows Camunda's ClockUtil so that tests that move the engine clock move ours too. */
  @Bean
  Clock clock() {
    return new EngineClock();
  }
}
