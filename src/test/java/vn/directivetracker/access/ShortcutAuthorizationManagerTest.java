package vn.directivetracker.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;

/**
 * When a task query may skip the authorization join (only when its rows are the user's own by
 * construction), and that the user's groups are taken as they are.
 */
class ShortcutAuthorizationManagerTest {

  private final Authentication officer = new Authentication("officer-bca", List.of("BCA"));

  @Test
  void theUsersOwnGroupsOrOwnAssignmentsAreReadableByConstruction() {
    assertThat(readable(new TaskQueryImpl().taskCandidateGroup("BCA"))).isTrue();
    assertThat(readable((TaskQueryImpl) new TaskQueryImpl().taskCandidateGroupIn(List.of("BCA")).includeAssignedTasks()))
        .isTrue();
    assertThat(readable(new TaskQueryImpl().taskAssignee("officer-bca"))).isTrue();
  }

  @Test
  void anythingElseKeepsTheEnginesCheck() {
    assertThat(readable(new TaskQueryImpl())).isFalse();
    assertThat(readable(new TaskQueryImpl().taskCandidateGroup("BYT"))).isFalse();
    assertThat(readable((TaskQueryImpl) new TaskQueryImpl().taskCandidateGroupIn(List.of("BCA", "BYT")))).isFalse();
    assertThat(readable(new TaskQueryImpl().taskAssignee("officer-byt"))).isFalse();
    assertThat(readable(new TaskQueryImpl().taskCandidateUser("officer-bca"))).isFalse();
    assertThat(readable(new TaskQueryImpl().taskInvolvedUser("officer-bca"))).isFalse();
    TaskQueryImpl either = new TaskQueryImpl();
    either.taskCandidateGroup("BCA").or().taskAssignee("officer-byt").endOr();
    assertThat(readable(either)).isFalse();
    assertThat(ShortcutAuthorizationManager.readableByConstruction(new TaskQueryImpl().taskCandidateGroup("BCA"), null))
        .isFalse();
  }

  private boolean readable(TaskQueryImpl query) {
    return ShortcutAuthorizationManager.readableByConstruction(query, officer);
  }

  @Test
  void theUsersGroupsAreUsedAsTheyAreWithoutReadingEveryGrant() {
    // the engine would read SELECT DISTINCT GROUP_ID_ over every grant here, on every checked command
    assertThat(new ShortcutAuthorizationManager().filterAuthenticatedGroupIds(List.of("BCA", "reviewers")))
        .containsExactly("BCA", "reviewers");
    assertThat(new ShortcutAuthorizationManager().filterAuthenticatedGroupIds(null)).isEmpty();
  }
}
