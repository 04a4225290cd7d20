package vn.directivetracker.mail;

import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The SMTP client from {@link MailSettings} (not Spring Boot's {@code spring.mail.*}: one set of
 * {@code directive-tracker.mail.*} settings decides whether mail is on at all), the delivery and
 * digest schedules, and the two pages: {@value #PREFERENCES_PAGE} (each user's choice, the
 * administrators' agency mailboxes) and {@value #MAIL_VIEW_PAGE} (what was sent).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class MailConfiguration implements WebMvcConfigurer {

  public static final String PREFERENCES_PAGE = "/dashboard/thu-dien-tu";
  public static final String MAIL_VIEW_PAGE = "/dashboard/thu-da-gui";
  private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

  @Bean
  JavaMailSenderImpl mailSender(MailSettings settings) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setDefaultEncoding("UTF-8");
    if (settings.enabled()) {
      sender.setHost(settings.host());
      sender.setPort(settings.port());
      if (!settings.username().isBlank()) {
        sender.setUsername(settings.username());
        sender.setPassword(settings.password());
      }
    }
    Properties properties = sender.getJavaMailProperties();
    properties.put("mail.smtp.auth", String.valueOf(!settings.username().isBlank()));
    properties.put("mail.smtp.starttls.enable", String.valueOf(settings.startTls()));
    properties.put("mail.smtp.starttls.required", String.valueOf(settings.startTls()));
    // a server that does not answer must not hold a delivery round for minutes
    properties.put("mail.smtp.connectiontimeout", "10000");
    properties.put("mail.smtp.timeout", "20000");
    properties.put("mail.smtp.writetimeout", "20000");
    return sender;
  }

  @EventListener(ApplicationReadyEvent.class)
  void announce(ApplicationReadyEvent event) {
    MailSettings settings = event.getApplicationContext().getBean(MailSettings.class);
    if (settings.enabled()) {
      log.info("E-mail notices on: SMTP {}:{}{}, from {}, links to {}{}", settings.host(), settings.port(),
          settings.startTls() ? " (STARTTLS)" : "", settings.from(), settings.baseUrl(),
          settings.demoServer() ? " (the demo's own mail server; see " + MAIL_VIEW_PAGE + ")" : "");
    } else {
      log.info("E-mail notices off: no SMTP host configured (DT_SMTP_HOST)");
    }
  }

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController(PREFERENCES_PAGE).setViewName("forward:/dashboard/mail.html");
    registry.addViewController(MAIL_VIEW_PAGE).setViewName("forward:/dashboard/mail-view.html");
  }
}
