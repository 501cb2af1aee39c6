package krishiv.gateway.bench;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Prints an HS256 JWT for benchmarks: {@code MintJwt SECRET SCOPE [TTL_SECONDS]}. The key is the UTF-8 bytes of
 * the secret, as the gateway reads {@code KRISHIV_GATEWAY_JWT_SECRET}.
 */
public final class MintJwt {
  private MintJwt() {}

  public static void main(String[] args) throws Exception {
    long now = System.currentTimeMillis() / 1000;
    long ttl = args.length > 2 ? Long.parseLong(args[2]) : 3600;
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload = b64.encodeToString(("{\"sub\":\"bench\",\"scope\":\"" + args[1] + "\",\"iat\":" + now
        + ",\"exp\":" + (now + ttl) + "}").getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(args[0].getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature = b64.encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
    System.out.println(header + "." + payload + "." + signature);
  }
}
