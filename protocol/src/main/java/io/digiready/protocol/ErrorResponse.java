package io.digiready.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Every 4xx answer: {@code error} is a stable code ("invalid_request", "unauthorized", ...), {@code
 * detail} names the field and the expectation ("heartbeats[3].seq: must be >= 1") for people, and
 * {@code field} is the same path for programs ({@code heartbeats[3].seq}), absent when the error is
 * not about one field. Agents act on {@code field}, never on the wording of {@code detail}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(String error, String detail, String field) {

  public ErrorResponse(String error, String detail) {
    this(error, detail, null);
  }

  /**
   * The index of the list element the field path points into, such as 3 for {@code
   * heartbeats[3].seq} and list {@code heartbeats}; -1 when the path is about something else.
   */
  public int indexIn(String list) {
    if (field == null || !field.startsWith(list + "[")) {
      return -1;
    }
    int end = field.indexOf(']', list.length() + 1);
    if (end < 0) {
      return -1;
    }
    try {
      return Integer.parseInt(field.substring(list.length() + 1, end));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
