package krishiv.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which raw paths are canonical. */
class CanonicalPathTest {
  @ParameterizedTest
  @ValueSource(strings = {"/", "/healthz", "/api/v1/jobs", "/api/v1/jobs/job-1", "/api/v1/jobs/a%20b",
      "/api/v1/jobs/%C3%A9", "/api/v1/jobs/%c3%a9", "/api/v1/jobs/a:b@c", "/api/v1/jobs/x;y=1", "/api/v1/jobs/%25",
      "/api/v1/jobs/a.b", "/api/v1/jobs/...", "/api/v1/jobs/~x_y-z"})
  void canonicalPathsPass(String path) {
    assertNull(CanonicalPath.violation(path), path);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "*", "api/v1/jobs", "//api/v1/jobs", "/api//v1", "/api/v1/jobs/", "/.", "/./x",
      "/a/./b", "/a/..", "/a/../b", "/%2e", "/%2E%2E/x", "/a%2fb", "/a%2Fb", "/a%5cb", "/%6Aobs", "/%41", "/%7E",
      "/%5F", "/%2D", "/%30", "/a%", "/a%4", "/a%zz", "/a%g0", "/a b", "/a\\b", "/a\"b", "/a#b", "/a<b", "/a\u00e9",
      "/a\u0000b", "/a\tb"})
  void nonCanonicalPathsFail(String path) {
    assertNotNull(CanonicalPath.violation(path), path);
  }
}
