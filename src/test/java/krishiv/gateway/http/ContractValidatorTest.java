package krishiv.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import krishiv.gateway.testing.ContractValidator;
import krishiv.gateway.testing.TestJobs;
import krishiv.gateway.view.JobCounts;
import krishiv.gateway.view.JobEntry;
import org.junit.jupiter.api.Test;

/** Negative controls: the validator the API tests rely on does reject bodies that break the contract. */
class ContractValidatorTest {
  static final ContractValidator V = ContractValidator.get();

  static JsonObject goodJobList() {
    var job = TestJobs.job("j1", "running", 1, 2, "running");
    JsonObject summary = ApiJson.jobSummary(new JobEntry(job, JobCounts.of(job), List.of(), 0));
    return new JsonObject().put("jobs", new JsonArray().add(summary)).put("total", 1).put("limit", 100)
        .put("offset", 0).put("cursor", "abc:3");
  }

  static List<String> problems(JsonObject body) {
    return V.problems("listJobs", 200, "application/json", body.toBuffer());
  }

  @Test
  void aCorrectBodyPasses() {
    assertEquals(List.of(), problems(goodJobList()));
  }

  @Test
  void aMissingRequiredFieldFails() {
    JsonObject b = goodJobList();
    b.getJsonArray("jobs").getJsonObject(0).remove("job_id");
    assertFalse(problems(b).isEmpty());
    JsonObject noCursor = goodJobList();
    noCursor.remove("cursor");
    assertFalse(problems(noCursor).isEmpty());
  }

  @Test
  void anExtraFieldFails() {
    JsonObject b = goodJobList();
    b.getJsonArray("jobs").getJsonObject(0).put("surprise", 1);
    assertFalse(problems(b).isEmpty());
  }

  @Test
  void aWrongTypeOrStateFails() {
    JsonObject b = goodJobList();
    b.getJsonArray("jobs").getJsonObject(0).put("task_count", "two");
    assertFalse(problems(b).isEmpty());
    JsonObject s = goodJobList();
    s.getJsonArray("jobs").getJsonObject(0).put("state", "RUNNING");
    assertFalse(problems(s).isEmpty(), "states are lowercase");
  }

  @Test
  void anUndeclaredStatusOrMediaTypeFails() {
    assertTrue(V.problems("listJobs", 201, "application/json", goodJobList().toBuffer()).get(0)
        .contains("not declared"));
    assertTrue(V.problems("listJobs", 200, "text/html", Buffer.buffer("<p>")).get(0).contains("not declared"));
    assertTrue(V.problems("getJob", 404, "application/json", Buffer.buffer("{}")).get(0).contains("not declared"),
        "errors are problem+json");
  }

  @Test
  void theProblemShapeIsClosed() {
    JsonObject p = new Problem("about:blank", "Not Found", 404, "x", "/y", null).toJson();
    assertEquals(List.of(), V.problemsAgainstSchema("Problem", p));
    assertFalse(V.problemsAgainstSchema("Problem", p.copy().put("stack", "...")).isEmpty());
  }
}
