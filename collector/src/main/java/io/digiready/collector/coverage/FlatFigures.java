package io.digiready.collector.coverage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a record that carries a {@link UnitFigures} as one flat JSON object: its own components
 * and the figures' components side by side, in the order its {@link JsonPropertyOrder} names (the
 * order its answers have always had), then any field that order does not name in declaration order;
 * {@link JsonIgnoreProperties} leaves fields out. Jackson's {@code @JsonUnwrapped} would put the
 * figures in one block, which changes the order of fields the API has always answered in.
 */
public final class FlatFigures extends StdSerializer<Record> {
  private static final ClassValue<List<Field>> FIELDS =
      new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
          return fields(type);
        }
      };

  public FlatFigures() {
    super(Record.class);
  }

  @Override
  public void serialize(Record value, JsonGenerator g, SerializerProvider provider)
      throws IOException {
    g.writeStartObject(value);
    for (Field f : FIELDS.get(value.getClass())) {
      provider.defaultSerializeField(f.name, f.read(value), g);
    }
    g.writeEndObject();
  }

  /** One JSON field: a record component, or a component of the record's figures. */
  private record Field(String name, Method outer, Method inner) {
    Object read(Object value) {
      try {
        Object v = outer.invoke(value);
        return inner == null || v == null ? v : inner.invoke(v);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + name, e);
      }
    }
  }

  private static List<Field> fields(Class<?> type) {
    Map<String, Field> declared = new LinkedHashMap<>();
    for (RecordComponent c : type.getRecordComponents()) {
      if (c.getType() == UnitFigures.class) {
        for (RecordComponent f : UnitFigures.class.getRecordComponents()) {
          declared.put(f.getName(), new Field(f.getName(), c.getAccessor(), f.getAccessor()));
        }
      } else {
        declared.put(c.getName(), new Field(c.getName(), c.getAccessor(), null));
      }
    }
    JsonIgnoreProperties ignored = type.getAnnotation(JsonIgnoreProperties.class);
    if (ignored != null) {
      declared.keySet().removeAll(Set.of(ignored.value()));
    }
    List<Field> out = new ArrayList<>();
    JsonPropertyOrder order = type.getAnnotation(JsonPropertyOrder.class);
    if (order != null) {
      Arrays.stream(order.value()).map(declared::remove).forEach(out::add);
    }
    out.addAll(declared.values());
    for (Field f : out) {
      if (f == null) {
        throw new IllegalStateException(type + ": @JsonPropertyOrder names a field it lacks");
      }
      f.outer.setAccessible(true);
      if (f.inner != null) {
        f.inner.setAccessible(true);
      }
    }
    return List.copyOf(out);
  }
}
