package vn.directivetracker.agency;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes every agency active today a Camunda group (type {@code agency}) whose id is the agency
 * code: task candidate groups and authorizations refer to these groups. Runs at every start;
 * creates what is missing, updates changed names, never duplicates. Groups of agencies that
 * ceased to exist are kept: finished directives and their history still name them.
 */
@Component
@Order(10)
public class AgencyGroupSync implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AgencyGroupSync.class);

  private final AgencyRegistry registry;
  private final IdentityService identityService;
  private final Clock clock;

  public AgencyGroupSync(AgencyRegistry registry, IdentityService identityService, Clock clock) {
    this.registry = registry;
    this.identityService = identityService;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    sync();
  }

  /** Returns how many groups were created and updated. */
  public SyncResult sync() {
    int created = 0;
    int updated = 0;
    List<Agency> active = registry.activeOn(LocalDate.now(clock));
    Map<String, Group> existing = identityService.createGroupQuery()
        .groupIdIn(active.stream().map(Agency::code).toArray(String[]::new)).list().stream()
        .collect(Collectors.toMap(Group::getId, Function.identity()));
    for (Agency agency : active) {
      Group group = existing.get(agency.code());
      if (group == null) {
        group = identityService.newGroup(agency.code());
        created++;
      } else if (Objects.equals(group.getName(), agency.name()) && Agency.GROUP_TYPE.equals(group.getType())) {
        continue;
      } else {
        updated++;
      }
      group.setName(agency.name());
      group.setType(Agency.GROUP_TYPE);
      identityService.saveGroup(group);
    }
    SyncResult result = new SyncResult(created, updated);
    log.info("Agency groups synchronised: {} created, {} updated", created, updated);
    return result;
  }

  public record SyncResult(int created, int updated) {}
}
