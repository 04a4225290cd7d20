package vn.directivetracker.reporting;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** {@code /dashboard}: the managers' status page (static files in resources/static/dashboard; data from /api/reports). */
@Configuration(proxyBeanMethods = false)
public class DashboardConfiguration implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/dashboard").setViewName("forward:/dashboard/index.html");
    registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
    // the standing office confirms a whole notice's assignments (notice/NoticeAssignment, /api/assignments)
    registry.addViewController("/dashboard/giao-nhiem-vu").setViewName("forward:/dashboard/assign.html");
    // the standing office registers a notice from its text (drafting/NoticeDraftController, then /api/notices)
    registry.addViewController("/dashboard/thong-bao-moi").setViewName("forward:/dashboard/draft.html");
  }
}
