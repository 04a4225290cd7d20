package vn.directivetracker.reporting;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class StatusSqlEquivalenceH2Test extends StatusSqlEquivalence {

  @Override
  boolean postgres() {
    return false;
  }
}
