package krishiv.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.Set;
import java.util.stream.Collectors;
import krishiv.gateway.http.ApiContract;
import krishiv.gateway.http.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The contract governs what each route requires; contracts the policy cannot enforce exactly are refused. */
@ExtendWith(VertxExtension.class)
class ScopePolicyTest {
  @Test
  void theContractMakesHealthzPublicReadsNeedStatusReadAndCommandsJobsWrite(Vertx vertx) {
    ApiContract contract = ApiContract.load(vertx).await();
    ScopePolicy policy = ScopePolicy.fromContract(contract.contract());
    assertTrue(policy.isPublic(Operation.GET_HEALTH.operationId()));
    assertNull(policy.required(Operation.GET_HEALTH.operationId()));
    Set<String> secured = Operation.operationIds().stream().filter(id -> !id.equals("getHealth"))
        .collect(Collectors.toSet());
    assertEquals(secured, policy.securedOperations());
    Set<String> writes = Set.of(Operation.TRIGGER_SAVEPOINT.operationId(), Operation.CANCEL_JOB.operationId());
    for (String id : secured) {
      Scope expected = writes.contains(id) ? Scope.JOBS_WRITE
          : Operation.GET_METRICS.operationId().equals(id) ? Scope.METRICS_READ
          : Operation.STREAM_EVENTS.operationId().equals(id) ? Scope.EVENTS_READ : Scope.STATUS_READ;
      assertEquals(Set.of(expected), policy.required(id), id);
    }
  }

  @Test
  void theServedContractDeclaresTheBearerScheme() {
    JsonObject doc = new JsonObject(ApiContract.readJson());
    JsonObject scheme = doc.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("bearerAuth");
    assertEquals("http", scheme.getString("type"));
    assertEquals("bearer", scheme.getString("scheme"));
    assertEquals("JWT or opaque token", scheme.getString("bearerFormat"));
    JsonObject healthz = doc.getJsonObject("paths").getJsonObject("/healthz").getJsonObject("get");
    assertEquals(new JsonArray(), healthz.getJsonArray("security"), "/healthz declares security: []");
  }

  @Test
  void anOperationWithoutASecurityDeclarationIsRefused(Vertx vertx) {
    assertRefused(vertx, null, "declares no security requirement");
  }

  @Test
  void anUnknownScopeIsRefused(Vertx vertx) {
    assertRefused(vertx, new JsonArray().add(new JsonObject().put("bearerAuth", new JsonArray().add("status:raed"))),
        "unknown scope 'status:raed'");
  }

  @Test
  void alternativeRequirementsAreRefused(Vertx vertx) {
    JsonArray security = new JsonArray().add(new JsonObject().put("bearerAuth", new JsonArray().add("status:read")))
        .add(new JsonObject().put("bearerAuth", new JsonArray().add("metrics:read")));
    assertRefused(vertx, security, "alternative security requirements");
  }

  @Test
  void anotherSchemeIsRefused(Vertx vertx) {
    assertRefused(vertx, new JsonArray().add(new JsonObject().put("basicAuth", new JsonArray())), "only bearerAuth");
  }

  @Test
  void anEmptyRequirementMeansPublic(Vertx vertx) {
    ScopePolicy policy = ScopePolicy.fromContract(contract(vertx, new JsonArray().add(new JsonObject())));
    assertTrue(policy.isPublic("op"));
  }

  @Test
  void aBearerRequirementWithoutScopesNeedsOnlyAValidToken(Vertx vertx) {
    ScopePolicy policy = ScopePolicy.fromContract(contract(vertx,
        new JsonArray().add(new JsonObject().put("bearerAuth", new JsonArray()))));
    assertEquals(Set.of(), policy.required("op"));
  }

  private static void assertRefused(Vertx vertx, JsonArray security, String message) {
    OpenAPIContract c = contract(vertx, security);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ScopePolicy.fromContract(c));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  /** A one-operation contract with the given operation-level security (null: none declared). */
  private static OpenAPIContract contract(Vertx vertx, JsonArray security) {
    JsonObject op = new JsonObject().put("operationId", "op")
        .put("responses", new JsonObject().put("200", new JsonObject().put("description", "ok")));
    if (security != null) {
      op.put("security", security);
    }
    JsonObject schemes = new JsonObject()
        .put("bearerAuth", new JsonObject().put("type", "http").put("scheme", "bearer"))
        .put("basicAuth", new JsonObject().put("type", "http").put("scheme", "basic"));
    JsonObject doc = new JsonObject().put("openapi", "3.1.0")
        .put("info", new JsonObject().put("title", "t").put("version", "1"))
        .put("paths", new JsonObject().put("/op", new JsonObject().put("get", op)))
        .put("components", new JsonObject().put("securitySchemes", schemes));
    return OpenAPIContract.from(vertx, doc).await();
  }
}
