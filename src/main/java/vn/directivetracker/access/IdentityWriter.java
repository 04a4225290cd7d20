package vn.directivetracker.access;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Idempotent creation of users, role groups and memberships, shared by the start-up bootstraps. */
@Component
public class IdentityWriter {

  private final IdentityService identityService;

  public IdentityWriter(IdentityService identityService) {
    this.identityService = identityService;
  }

  public void ensureRoleGroup(String id, String name) {
    Group group = identityService.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identityService.newGroup(id);
    } else if (name.equals(group.getName()) && Roles.GROUP_TYPE.equals(group.getType())) {
      return;
    }
    group.setName(name);
    group.setType(Roles.GROUP_TYPE);
    identityService.saveGroup(group);
  }

  /** Creates the user with this password if it does not exist; an existing user's password is left alone. */
  public boolean ensureUser(String id, String firstName, String lastName, String password) {
    if (identityService.createUserQuery().userId(id).count() > 0) {
      return false;
    }
    User user = identityService.newUser(id);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setPassword(password);
    identityService.saveUser(user);
    return true;
  }

  /** Gives the user this e-mail address if they have none; an address set in Admin is left alone. */
  public void ensureEmail(String id, String email) {
    User user = identityService.createUserQuery().userId(id).singleResult();
    if (user != null && (user.getEmail() == null || user.getEmail().isBlank())) {
      user.setEmail(email);
      identityService.saveUser(user);
    }
  }

  public void ensureMembership(String userId, String groupId) {
    if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(userId, groupId);
    }
  }
}
