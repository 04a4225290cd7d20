package vn.directivetracker.notice;

import java.util.Set;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who registers or corrects a notice: a signed-in user with their groups, or the system itself
 * (the seed catalog of the demo, benchmarks), which the standing-office rule does not apply to.
 *
 * @param name the user id, or the system's name, recorded with the notice
 */
public record Registrar(String name, Set<String> groups, boolean system) {

  public Registrar {
    groups = groups == null ? Set.of() : Set.copyOf(groups);
  }

  public static Registrar system(String name) {
    return new Registrar(name, Set.of(), true);
  }

  /** The signed-in user, or null when there is none. */
  public static Registrar of(Authentication authentication) {
    if (authentication == null || authentication.getUserId() == null) {
      return null;
    }
    return new Registrar(authentication.getUserId(),
        authentication.getGroupIds() == null ? Set.of() : Set.copyOf(authentication.getGroupIds()), false);
  }

  public boolean memberOf(String group) {
    return system || groups.contains(group);
  }
}
