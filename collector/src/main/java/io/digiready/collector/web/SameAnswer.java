package io.digiready.collector.web;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The JSON of the last answer, given again while the answer is the very same object. A ministry's
 * unit figures are kept for a few seconds (see {@code LatestFigures}): their 8 MB of JSON are then
 * written once per walk, not once per question. Anything else is a new object each time, and is
 * written each time.
 */
final class SameAnswer {
  private record Written(Object answer, byte[] json) {}

  private volatile Written last;

  byte[] json(Object answer) {
    Written w = last;
    if (w != null && w.answer() == answer) {
      return w.json();
    }
    byte[] json;
    try {
      json = Bodies.MAPPER.writeValueAsBytes(answer);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the answer", e);
    }
    last = new Written(answer, json);
    return json;
  }
}
