package vn.directivetracker.migration;

import java.util.Locale;

/**
 * The engine's migration validation failures (English, from Camunda's validators in
 * org.camunda.bpm.engine.impl.migration.validation) said in Vietnamese for the process owner.
 * An unknown failure still names the step; the engine's words go beside it.
 */
final class MigrationReasons {

  private MigrationReasons() {}

  static String missing(String name) {
    return "Bước «" + name + "» không còn trong phiên bản mới";
  }

  static String renamed(String name, String newId) {
    return "Bước «" + name + "» không còn trong phiên bản mới: phiên bản mới có bước cùng tên nhưng mã khác ("
        + newId + "); hãy giữ nguyên mã bước khi sửa mô hình";
  }

  static String otherType(String name) {
    return "Bước «" + name + "» đã đổi loại bước trong phiên bản mới";
  }

  static String otherScope(String name) {
    return "Bước «" + name + "» đã được chuyển sang phạm vi khác (tiến trình con khác) trong phiên bản mới";
  }

  /** One failure of the engine's validation report about the step named {@code name}. */
  static String translate(String failure, String name) {
    String text = failure == null ? "" : failure.toLowerCase(Locale.ROOT);
    String step = "«" + name + "»";
    if (text.contains("no migration instruction")) {
      return missing(name);
    }
    if (text.contains("incompatible types") || text.contains("not supported for activity instance migration")) {
      return otherType(name);
    }
    if (text.contains("events are not of the same type")) {
      return "Sự kiện " + step + " đã đổi loại sự kiện trong phiên bản mới";
    }
    if (text.contains("multi-instance")) {
      return "Bước nhiều lượt " + step + " phải giữ nguyên bước bên trong ở phiên bản mới";
    }
    if (text.contains("ancestor") || text.contains("event scope") || text.contains("flow scope")) {
      return otherScope(name);
    }
    if (text.contains("asyncbefore") || text.contains("asyncafter") || text.contains("transition instance")) {
      return "Bước " + step + " đang chờ chạy nền, nhưng ở phiên bản mới không còn đánh dấu chạy nền (asyncBefore/asyncAfter)";
    }
    if (text.contains("not migrated")) {
      return "Bước " + step + " còn việc hẹn giờ hoặc sự kiện chờ mà phiên bản mới không có";
    }
    if (text.contains("gateway")) {
      return "Cổng rẽ nhánh " + step + " không khớp với phiên bản mới";
    }
    if (text.contains("variable")) {
      return "Bước " + step + ": biến trùng tên ở hai phạm vi của phiên bản mới";
    }
    if (text.contains("event trigger") || text.contains("conditional")) {
      return "Sự kiện " + step + " không cập nhật được điều kiện kích hoạt theo phiên bản mới";
    }
    return "Bộ máy quy trình không chuyển được bước " + step;
  }
}
