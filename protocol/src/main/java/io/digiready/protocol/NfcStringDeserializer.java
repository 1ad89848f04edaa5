package io.digiready.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/**
 * Every text an agent or an administrator sends, in NFC: Windows registry values often come
 * decomposed (NFD), and "Phần mềm" written two ways must be one application, one hostname, one unit
 * name. Jackson's own rules for text (no number coerced into a string) stay as they are.
 */
final class NfcStringDeserializer extends StringDeserializer {
  @Override
  public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    return Text.nfc(super.deserialize(p, ctxt));
  }
}
