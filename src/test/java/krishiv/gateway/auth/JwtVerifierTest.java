package krishiv.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import krishiv.gateway.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** JWT verification: keys and the algorithms they pin, JWKS filtering, scopes, and the cache. */
@ExtendWith(VertxExtension.class)
class JwtVerifierTest {
  private static final KeyPair RSA = JwtMinter.rsaKeyPair();
  private static final KeyPair EC = JwtMinter.ecKeyPair();
  private static final JsonObject GOOD = JwtMinter.claims(null, null, "status:read");

  @Test
  void withOnlyAnRsaKeyHmacTokensAreRefusedWhateverTheirSecret(Vertx vertx) {
    String pem = JwtMinter.pem(RSA.getPublic());
    JwtVerifier jwt = JwtVerifierLoader.build(vertx, config(), null, pem, null);
    assertEquals(Set.of("RS256"), jwt.algorithms());
    assertEquals(Principal.Kind.JWT, verify(jwt, JwtMinter.rs256(RSA.getPrivate(), null, GOOD)).await().kind());
    assertReason(AuthenticationFailure.Reason.ALGORITHM_NOT_ALLOWED,
        verify(jwt, JwtMinter.hs256(pem.getBytes(StandardCharsets.UTF_8), GOOD)));
    assertReason(AuthenticationFailure.Reason.ALGORITHM_NOT_ALLOWED,
        verify(jwt, JwtMinter.hs256(RSA.getPublic().getEncoded(), GOOD)));
    assertReason(AuthenticationFailure.Reason.ALGORITHM_NOT_ALLOWED, verify(jwt, JwtMinter.unsigned(GOOD)));
  }

  @Test
  void aPemKeyVerifiesTokensWhoseHeaderNamesAKid(Vertx vertx) {
    // Identity providers put a kid in every header; a PEM key has none, and must still verify such tokens.
    JwtVerifier jwt = JwtVerifierLoader.build(vertx, config(), null, JwtMinter.pem(RSA.getPublic()), null);
    assertEquals(Principal.Kind.JWT, verify(jwt, JwtMinter.rs256(RSA.getPrivate(), "idp-key-7", GOOD)).await()
        .kind());
  }

  @Test
  void anEcPemKeyVerifiesEs256Only(Vertx vertx) {
    JwtVerifier jwt = JwtVerifierLoader.build(vertx, config(), null, JwtMinter.pem(EC.getPublic()), null);
    assertEquals(Set.of("ES256"), jwt.algorithms());
    assertEquals(Principal.Kind.JWT, verify(jwt, JwtMinter.es256(EC.getPrivate(), null, GOOD)).await().kind());
    assertReason(AuthenticationFailure.Reason.ALGORITHM_NOT_ALLOWED,
        verify(jwt, JwtMinter.rs256(RSA.getPrivate(), null, GOOD)));
  }

  @Test
  void aJwksKeepsOnlyPinnedSignatureKeys(Vertx vertx) throws Exception {
    KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
    p384.initialize(new ECGenParameterSpec("secp384r1"));
    JsonObject jwks = JwtMinter.jwks(
        JwtMinter.rsaJwk((RSAPublicKey) RSA.getPublic(), "rsa-1"),
        JwtMinter.rsaJwk((RSAPublicKey) RSA.getPublic(), "rsa-384").put("alg", "RS384"),
        JwtMinter.rsaJwk((RSAPublicKey) RSA.getPublic(), "rsa-enc").put("use", "enc"),
        JwtMinter.ecJwk((ECPublicKey) EC.getPublic(), "ec-1").put("d", "private-part"),
        JwtMinter.ecJwk((ECPublicKey) p384.generateKeyPair().getPublic(), "ec-384").put("crv", "P-384"),
        new JsonObject().put("kty", "oct").put("k", "c2VjcmV0").put("kid", "hmac"));
    List<JwksFile.Key> keys = JwksFile.parse(jwks.encode(), AuthEnv.JWKS_FILE);
    assertEquals(List.of("rsa-1", "ec-1"), keys.stream().map(k -> k.jwk().getString("kid")).toList());
    assertEquals(List.of("RS256", "ES256"), keys.stream().map(JwksFile.Key::algorithm).toList());
    assertFalse(keys.get(1).jwk().containsKey("d"), "private parts are dropped");

    JwtVerifier jwt = JwtVerifierLoader.build(vertx, config(), null, null, jwks.encode());
    assertEquals(Principal.Kind.JWT, verify(jwt, JwtMinter.rs256(RSA.getPrivate(), "rsa-1", GOOD)).await().kind());
    assertEquals(Principal.Kind.JWT, verify(jwt, JwtMinter.es256(EC.getPrivate(), "ec-1", GOOD)).await().kind());
  }

  @Test
  void unusableKeyFilesAreRefusedWithTheReason() throws Exception {
    KeyPairGenerator small = KeyPairGenerator.getInstance("RSA");
    small.initialize(1024);
    assertMessage("at least 2048", () -> PublicKeyPem.parse(JwtMinter.pem(small.generateKeyPair().getPublic()),
        "src"));
    KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
    p384.initialize(new ECGenParameterSpec("secp384r1"));
    assertMessage("P-256", () -> PublicKeyPem.parse(JwtMinter.pem(p384.generateKeyPair().getPublic()), "src"));
    assertMessage("'RSA PUBLIC KEY'", () -> PublicKeyPem.parse("-----BEGIN RSA PUBLIC KEY-----\nAAAA\n"
        + "-----END RSA PUBLIC KEY-----\n", "src"));
    assertMessage("no PEM block", () -> PublicKeyPem.parse("not a key", "src"));
    assertMessage("not an RSA or EC", () -> PublicKeyPem.parse("-----BEGIN PUBLIC KEY-----\nAAAA\n"
        + "-----END PUBLIC KEY-----\n", "src"));
    assertMessage("not a JWKS", () -> JwksFile.parse("[]", "src"));
    assertMessage("no \"keys\"", () -> JwksFile.parse("{}", "src"));
  }

  @Test
  void malformedTokensAreCategorised(Vertx vertx) {
    JwtVerifier jwt = JwtVerifierLoader.build(vertx, config(), "s".repeat(32), null, null);
    assertReason(AuthenticationFailure.Reason.MALFORMED_JWT, verify(jwt, "not.a.jwt"));
    assertReason(AuthenticationFailure.Reason.MALFORMED_JWT, verify(jwt, "e30.e30.x"));
    assertTrue(JwtVerifier.looksLikeJwt("a.b.c"));
    assertFalse(JwtVerifier.looksLikeJwt("a.b"));
    assertFalse(JwtVerifier.looksLikeJwt("a.b.c.d"));
  }

  @Test
  void scopesComeFromScopeAndScp() {
    assertEquals(EnumSet.of(Scope.STATUS_READ, Scope.JOBS_WRITE),
        JwtVerifier.scopes(new JsonObject().put("scope", "status:read jobs:write admin")));
    assertEquals(EnumSet.of(Scope.EVENTS_READ, Scope.METRICS_READ),
        JwtVerifier.scopes(new JsonObject().put("scp", new JsonArray().add("events:read").add("metrics:read"))));
    assertEquals(EnumSet.of(Scope.EVENTS_READ, Scope.STATUS_READ),
        JwtVerifier.scopes(new JsonObject().put("scope", "status:read").put("scp", "events:read")));
    assertEquals(EnumSet.noneOf(Scope.class), JwtVerifier.scopes(new JsonObject().put("scope", 7)));
  }

  @Test
  void aVerifiedTokenIsCachedUntilItsExpiryAndFailuresAreNot(Vertx vertx) {
    String secret = "c".repeat(32);
    JWTAuth auth = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
    AtomicLong clock = new AtomicLong(System.currentTimeMillis());
    VerifiedTokenCache cache = new VerifiedTokenCache(100);
    JwtVerifier jwt = new JwtVerifier(auth, Set.of("HS256"), cache, 30_000, Duration.ofMinutes(5).toMillis(),
        clock::get);
    String token = JwtMinter.hs256(secret, GOOD);
    Principal first = verify(jwt, token).await();
    assertSame(first, verify(jwt, token).await(), "the second request is answered from the cache");
    assertEquals(1, cache.size());
    assertReason(AuthenticationFailure.Reason.JWT_REJECTED, verify(jwt, JwtMinter.hs256("w".repeat(32), GOOD)));
    assertEquals(1, cache.size(), "refused tokens are not cached");
    // Past exp + leeway (60 s + 30 s) the cache entry is gone: the token is verified again.
    clock.addAndGet(91_000);
    assertNotSame(first, verify(jwt, token).await());
  }

  @Test
  void aTokenWithoutExpIsAcceptedAndCachedForTheTtlOnly(Vertx vertx) {
    String secret = "n".repeat(32);
    JWTAuth auth = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
    AtomicLong clock = new AtomicLong(System.currentTimeMillis());
    JwtVerifier jwt = new JwtVerifier(auth, Set.of("HS256"), new VerifiedTokenCache(10), 0, 1_000, clock::get);
    JsonObject claims = GOOD.copy();
    claims.remove("exp");
    String token = JwtMinter.hs256(secret, claims);
    Principal first = verify(jwt, token).await();
    assertSame(first, verify(jwt, token).await());
    clock.addAndGet(1_000);
    assertNotSame(first, verify(jwt, token).await(), "re-verified once the cache TTL passed");
  }

  @Test
  void theCacheStaysBounded() {
    VerifiedTokenCache cache = new VerifiedTokenCache(10);
    long now = 1_000;
    for (int i = 0; i < 25; i++) {
      cache.put(TokenDigest.of("t" + i), Principal.anonymous(), now + 60_000, now);
      assertTrue(cache.size() <= 10, "size " + cache.size());
    }
    cache.put(TokenDigest.of("expired"), Principal.anonymous(), now, now);
    assertEquals(null, cache.get(TokenDigest.of("expired"), now));
    new VerifiedTokenCache(0).put(TokenDigest.of("x"), Principal.anonymous(), now + 1, now);
  }

  private static Future<Principal> verify(JwtVerifier jwt, String token) {
    return jwt.verify(token, TokenDigest.of(token));
  }

  private static void assertReason(AuthenticationFailure.Reason reason, Future<Principal> result) {
    AuthenticationFailure e = assertThrows(AuthenticationFailure.class, result::await);
    assertEquals(reason, e.reason());
  }

  private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable parse) {
    ConfigException e = assertThrows(ConfigException.class, parse);
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }

  private static JwtConfig config() {
    return new JwtConfig("unused", null, null, null, "", List.of(), Duration.ofSeconds(30), 100,
        Duration.ofMinutes(5));
  }
}
