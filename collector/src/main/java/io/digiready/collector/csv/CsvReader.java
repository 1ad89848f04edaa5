package io.digiready.collector.csv;

import io.digiready.collector.problem.Problem;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an uploaded CSV: UTF-8 only (with or without a byte-order mark), RFC 4180 quoting. A file
 * in another encoding (a cp1252 export) is refused with the line of its first bad byte instead of
 * being stored with replacement characters; a quote inside an unquoted field is refused too, since
 * it usually means a broken export.
 */
public final class CsvReader {

  /** One record: its fields and the line it starts on (1-based). */
  public record Record(int line, List<String> fields) {
    public boolean blank() {
      return fields.size() == 1 && fields.get(0).isBlank();
    }
  }

  private CsvReader() {}

  public static List<Record> read(byte[] bytes) {
    return split(decode(bytes));
  }

  static String decode(byte[] bytes) {
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    var result = utf8.decode(in, out, true);
    if (result.isError()) {
      throw Problem.invalid(
          "line "
              + lineAt(bytes, in.position())
              + ": not UTF-8 (save the file as \"CSV UTF-8\"; byte "
              + (in.position() + 1)
              + ")");
    }
    try {
      result = utf8.flush(out);
      if (result.isError()) {
        result.throwException();
      }
    } catch (CharacterCodingException e) {
      throw Problem.invalid("line " + lineAt(bytes, bytes.length) + ": not UTF-8");
    }
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static int lineAt(byte[] bytes, int position) {
    int line = 1;
    for (int i = 0; i < position && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /** Splits into records of fields, remembering the line each record starts on. */
  static List<Record> split(String text) {
    List<Record> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean closed = false;
    boolean any = false;
    int line = 1;
    int start = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
            closed = true;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0 && !closed) {
        quoted = true;
        any = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        closed = false;
        any = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        records.add(new Record(start, fields));
        fields = new ArrayList<>();
        field.setLength(0);
        closed = false;
        any = false;
        line++;
        start = line;
      } else if (c == '"' || closed) {
        throw Problem.invalid(
            "line "
                + line
                + ": a quote inside a field must be doubled and the field quoted"
                + " (\"Văn phòng \"\"Một cửa\"\"\")");
      } else {
        field.append(c);
        any = true;
      }
    }
    if (quoted) {
      throw Problem.invalid("line " + start + ": unterminated quoted field");
    }
    if (any || field.length() > 0) {
      fields.add(field.toString());
      records.add(new Record(start, fields));
    }
    return records;
  }
}
