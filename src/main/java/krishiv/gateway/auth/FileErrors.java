package krishiv.gateway.auth;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Short descriptions of file-read failures for messages; they never include file contents. */
final class FileErrors {
  private FileErrors() {}

  static String describe(Throwable err) {
    Throwable t = err;
    while (t != null) {
      if (t instanceof NoSuchFileException) {
        return "no such file";
      }
      if (t instanceof AccessDeniedException) {
        return "permission denied";
      }
      if (t.getCause() == null) {
        break;
      }
      t = t.getCause();
    }
    return t == null ? "unknown error" : t.getClass().getSimpleName();
  }
}
