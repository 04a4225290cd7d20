package vn.directivetracker.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fan-out's shape on several nodes. On a multi-instance activity the engine reads the activity's
 * own async attributes for the multi-instance body (one job that creates the per-element jobs, and the
 * join) and the loop characteristics' attributes for each element's job. The body stays exclusive (its
 * counters are the instance's); each element's job is not, so any node may take it: it only starts one
 * called instance on its own concurrent execution.
 */
class FanOutJobsTest {

  @ParameterizedTest
  @CsvSource({"processes/notice.bpmn, CallActivity_TrackItems", "processes/notice-item.bpmn, CallActivity_TrackDirective"})
  void eachElementOfTheFanOutIsAJobAnyNodeMayRun(String file, String activityId) {
    BpmnModelInstance model = Bpmn.readModelFromFile(new File(file));
    CallActivity fanOut = model.getModelElementById(activityId);
    MultiInstanceLoopCharacteristics each = (MultiInstanceLoopCharacteristics) fanOut.getLoopCharacteristics();

    assertThat(fanOut.isCamundaAsyncBefore()).as("the body's job: computes the collection").isTrue();
    assertThat(fanOut.isCamundaExclusive()).as("the body's jobs are exclusive").isTrue();
    assertThat(each.isCamundaAsyncBefore()).as("one job per element").isTrue();
    assertThat(each.isCamundaExclusive()).as("an element's job is not exclusive").isFalse();
    assertThat(each.isSequential()).isFalse();
  }
}
