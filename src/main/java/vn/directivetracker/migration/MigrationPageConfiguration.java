package vn.directivetracker.migration;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code /dashboard/chuyen-phien-ban}: the process owners' migration page, beside the dashboard
 * (static files in resources/static/dashboard, the same headers and policy; data from /api/migrations).
 */
@Configuration(proxyBeanMethods = false)
public class MigrationPageConfiguration implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/dashboard/chuyen-phien-ban").setViewName("forward:/dashboard/migrate.html");
  }
}
