package krishiv.gateway.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one error shape of the API ({@code application/problem+json}, RFC 9457), mirrored by the contract's
 * {@code Problem} schema. Tests read error bodies back with {@link #fromJson}.
 */
public record Problem(String type, String title, int status, String detail, String instance,
    List<FieldError> errors) {

  public static final String CONTENT_TYPE = "application/problem+json";

  /** One bad request parameter. */
  public record FieldError(String name, String in, String reason) {
    public JsonObject toJson() {
      return new JsonObject().put("name", name).put("in", in).put("reason", reason);
    }
  }

  public Problem {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject().put("type", type).put("title", title).put("status", status).put("detail", detail)
        .put("instance", instance);
    if (!errors.isEmpty()) {
      JsonArray a = new JsonArray();
      errors.forEach(e -> a.add(e.toJson()));
      o.put("errors", a);
    }
    return o;
  }

  public static Problem fromJson(JsonObject o) {
    List<FieldError> errors = new ArrayList<>();
    JsonArray a = o.getJsonArray("errors");
    if (a != null) {
      for (int i = 0; i < a.size(); i++) {
        JsonObject e = a.getJsonObject(i);
        errors.add(new FieldError(e.getString("name"), e.getString("in"), e.getString("reason")));
      }
    }
    return new Problem(o.getString("type"), o.getString("title"), o.getInteger("status"), o.getString("detail"),
        o.getString("instance"), errors);
  }
}
