package vn.directivetracker.guard;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads what an engine command carries (its task id, its variables). Camunda's command classes keep
 * these in protected fields without getters; the guard must see them before the command runs. A
 * field that is missing (a Camunda upgrade renamed it) fails the command instead of letting it pass
 * unchecked, and {@code RecordGuardTest} reads every field used here from real command objects.
 */
final class CommandFields {

  private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

  private CommandFields() {}

  static Object read(Object command, String name) {
    Field field = FIELDS.computeIfAbsent(command.getClass().getName() + "#" + name, key -> find(command.getClass(), name));
    try {
      return field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getName(), e);
    }
  }

  static Object readOrNull(Object command, String name) {
    try {
      return read(command, name);
    } catch (IllegalStateException e) {
      return null;
    }
  }

  private static Field find(Class<?> type, String name) {
    for (Class<?> current = type; current != null; current = current.getSuperclass()) {
      try {
        Field field = current.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new IllegalStateException("The write guard cannot check " + type.getName() + ": it has no field " + name
        + " (a Camunda upgrade changed it; update vn.directivetracker.guard)");
  }
}
