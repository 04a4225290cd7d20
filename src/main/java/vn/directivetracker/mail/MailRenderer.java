package vn.directivetracker.mail;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders mail bodies from the Thymeleaf templates in {@code resources/mail/} (HTML, UTF-8). Thymeleaf
 * escapes every value, so a directive's text cannot inject markup into a mail.
 */
@Component
public class MailRenderer {

  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
  private final TemplateEngine engine = new TemplateEngine();

  public MailRenderer() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("mail/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    engine.setTemplateResolver(resolver);
  }

  public String render(String template, Map<String, Object> model) {
    return engine.process(template, new Context(VIETNAMESE, model));
  }
}
