package krishiv.gateway.stream;

import io.vertx.core.Future;

/** No authentication (the dev-local profile): every request, with or without a token, may read the stream. */
public final class OpenStreamAuthenticator implements StreamAuthenticator {
  @Override
  public Future<StreamPrincipal> authenticate(String bearerToken) {
    return Future.succeededFuture(StreamPrincipal.anonymous());
  }

  @Override
  public boolean required() {
    return false;
  }
}
