package io.digiready.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.digiready.protocol.Json;
import java.io.PrintStream;

/** Shared output helpers of the commands. */
final class Commands {
  static final ObjectMapper PRETTY =
      Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

  private Commands() {}

  static void printJson(PrintStream out, Object value) throws Exception {
    out.println(PRETTY.writeValueAsString(value));
    out.flush();
  }
}
