package vn.directivetracker.notice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the embedded demo, imports the seed notices at the first start so Tasklist and Cockpit show
 * real work at once. A notice imported before is left as it is, so restarts import nothing.
 */
@Component
@Profile("demo")
@Order(30)
public class DemoNoticeImport implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoNoticeImport.class);

  private final NoticeCatalog catalog;
  private final NoticeRepository repository;
  private final NoticeImporter importer;
  private final boolean enabled;

  public DemoNoticeImport(NoticeCatalog catalog, NoticeRepository repository, NoticeImporter importer,
      @Value("${directive-tracker.demo.import-seed-notices:true}") boolean enabled) {
    this.catalog = catalog;
    this.repository = repository;
    this.importer = importer;
    this.enabled = enabled;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!enabled) {
      return;
    }
    for (NoticeDocument notice : catalog.load()) {
      if (repository.exists(notice.number())) {
        continue;
      }
      ImportResult result = importer.importNotice(notice, Registrar.system("demo"));
      log.info("[{}] seed notice imported: {} items, {} directives", notice.number(), notice.items().size(),
          result.directivesStarted());
    }
  }
}
