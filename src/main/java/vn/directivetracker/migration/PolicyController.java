package vn.directivetracker.migration;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.deadline.PolicyRollout;

/**
 * {@code /api/policy}: a changed directive-policy.dmn brought to the directives that already run.
 * {@code GET} how many run and how many were last decided by an older version;
 * {@code POST /api/policy/apply-to-running} sends them the signal that decides their policy again
 * and re-times their waiting reminder and escalation ({@link PolicyRollout}). Process owners and
 * administrators only, as for migrations.
 */
@RestController
@RequestMapping("/api/policy")
public class PolicyController {

  private final PolicyRollout rollout;
  private final IdentityService identityService;

  public PolicyController(PolicyRollout rollout, IdentityService identityService) {
    this.rollout = rollout;
    this.identityService = identityService;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  public PolicyRollout.Overview overview() {
    OwnerAccess.caller(identityService);
    return rollout.overview();
  }

  @PostMapping(value = "/apply-to-running", produces = MediaType.APPLICATION_JSON_VALUE)
  public PolicyRollout.Applied applyToRunning() {
    return rollout.applyToRunning(OwnerAccess.caller(identityService));
  }
}
