package krishiv.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.EncodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;

/**
 * Reads and writes the report model in Krishiv's JSON shapes with one shared, configured Jackson mapper, and
 * formats {@code generated_at} timestamps.
 *
 * <p>Reading is tolerant: keys it does not know are ignored (a newer Krishiv may add fields), and a non-optional
 * number that is absent or {@code null} reads as 0, so a Krishiv report without the gateway-added counters still
 * parses. (Jackson cannot reject an explicit {@code null} without also rejecting an absent key.) A missing required
 * string or object is rejected by the record's constructor. Failures surface as Vert.x's unchecked
 * {@link DecodeException} / {@link EncodeException}.
 */
public final class ModelJson {
  private static final TypeReference<Map<String, Object>> MAP_TYPE = new TypeReference<>() {};

  /** Exactly three fraction digits and a literal {@code Z}: Instant.toString() drops zero millis, this never does. */
  private static final DateTimeFormatter RFC3339_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** Shared and thread-safe because it is configured once here and never handed out. */
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .serializationInclusion(JsonInclude.Include.ALWAYS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private ModelJson() {}

  /** {@code epochMs} as RFC 3339 UTC with milliseconds, e.g. {@code 2026-12-03T22:49:24.120Z}. */
  public static String rfc3339(long epochMs) {
    return RFC3339_MILLIS.format(Instant.ofEpochMilli(epochMs));
  }

  /** A model record as a Vert.x JSON object (a fresh, mutable tree). */
  public static JsonObject toJson(Object value) {
    Objects.requireNonNull(value, "value");
    try {
      return new JsonObject(MAPPER.convertValue(value, MAP_TYPE));
    } catch (IllegalArgumentException e) {
      throw new EncodeException("cannot encode " + value.getClass().getSimpleName() + " as a JSON object", e);
    }
  }

  public static String toJsonString(Object value) {
    Objects.requireNonNull(value, "value");
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new EncodeException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  public static byte[] toJsonBytes(Object value) {
    Objects.requireNonNull(value, "value");
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new EncodeException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  public static <T> T fromJson(String json, Class<T> type) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(type, "type");
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw decodeFailure(type, e);
    }
  }

  public static <T> T fromJson(byte[] json, Class<T> type) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(type, "type");
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw decodeFailure(type, e);
    }
  }

  public static <T> T fromJson(JsonObject json, Class<T> type) {
    Objects.requireNonNull(json, "json");
    return fromJson(json.encode(), type);
  }

  private static DecodeException decodeFailure(Class<?> type, Exception e) {
    // Jackson's message names the offending property and location; it never carries secrets from this model.
    return new DecodeException("cannot decode " + type.getSimpleName() + ": " + e.getMessage(), e);
  }
}
