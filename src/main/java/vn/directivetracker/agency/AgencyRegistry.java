package vn.directivetracker.agency;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/** The agencies reference data, loaded and validated once at start-up. */
@Component
public class AgencyRegistry {

  private final Map<String, Agency> byCode = new LinkedHashMap<>();

  @Autowired
  public AgencyRegistry(ResourceLoader resources,
      @Value("${directive-tracker.agencies-file:classpath:agencies.yaml}") String location) {
    Resource resource = resources.getResource(location);
    try (InputStream input = resource.getInputStream()) {
      new AgencyFileParser().parse(input, location).forEach(agency -> byCode.put(agency.code(), agency));
    } catch (IOException e) {
      throw new AgencyRegistryException(location, List.of("cannot be read: " + e.getMessage()));
    }
  }

  /** For tests and tools that hold the agencies already. */
  public AgencyRegistry(List<Agency> agencies) {
    agencies.forEach(agency -> byCode.put(agency.code(), agency));
  }

  public Collection<Agency> all() {
    return byCode.values();
  }

  public Optional<Agency> find(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** The agency's Vietnamese name, or the code itself when no agency has it (e.g. a role group). */
  public String nameOf(String code) {
    return find(code).map(Agency::name).orElse(code);
  }

  public List<Agency> activeOn(LocalDate day) {
    return byCode.values().stream().filter(agency -> agency.isActiveOn(day)).toList();
  }

  public List<Agency> activeOn(LocalDate day, Set<AgencyKind> kinds) {
    EnumSet<AgencyKind> wanted = EnumSet.copyOf(kinds);
    return activeOn(day).stream().filter(agency -> wanted.contains(agency.kind())).toList();
  }
}
