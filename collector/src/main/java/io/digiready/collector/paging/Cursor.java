package io.digiready.collector.paging;

import io.digiready.collector.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code nextCursor} of the paged lists ({@code /api/v1/software?q=}, {@code
 * /api/v1/machines?limit=}): where the next page starts. Opaque so that a later version may key it
 * on the last row instead of an offset without changing what clients send.
 */
public final class Cursor {
  private static final String PREFIX = "after:";

  private Cursor() {}

  public static String of(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  /** The offset a cursor stands for; 0 for none; 400 naming {@code cursor} for anything else. */
  public static int offset(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return 0;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith(PREFIX)) {
        int offset = Integer.parseInt(text.substring(PREFIX.length()));
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // reported below, the same for every cursor that is not one of ours
    }
    throw Problem.invalid("cursor", "must be a nextCursor from an earlier answer");
  }
}
