package dev.sluice.engine.serde;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldOptions;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.Descriptors;
import com.google.protobuf.UnknownFieldSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Parses the text of a .proto file, as the Schema Registry keeps PROTOBUF schemas, into a protobuf
 * {@link Descriptors.FileDescriptor} (protobuf-java has no parser of its own). It reads what registered schemas
 * use: {@code syntax}, {@code package}, {@code import}, {@code option}s (skipped), messages with nested messages
 * and enums, scalar, message and enum fields, {@code repeated} / {@code optional} labels, {@code map<K, V>},
 * {@code oneof} groups and {@code reserved} ranges; of the field options in brackets only
 * {@code (confluent.field_meta)} is kept (a decimal's precision and scale), {@code extend} blocks are skipped.
 * Imports are resolved by
 * the caller (registry references, or protobuf's well-known types); names resolve as protoc resolves them.
 */
public final class ProtoParser {
  private static final Map<String, FieldDescriptorProto.Type> SCALARS = Map.ofEntries(
      Map.entry("double", FieldDescriptorProto.Type.TYPE_DOUBLE),
      Map.entry("float", FieldDescriptorProto.Type.TYPE_FLOAT),
      Map.entry("int32", FieldDescriptorProto.Type.TYPE_INT32),
      Map.entry("int64", FieldDescriptorProto.Type.TYPE_INT64),
      Map.entry("uint32", FieldDescriptorProto.Type.TYPE_UINT32),
      Map.entry("uint64", FieldDescriptorProto.Type.TYPE_UINT64),
      Map.entry("sint32", FieldDescriptorProto.Type.TYPE_SINT32),
      Map.entry("sint64", FieldDescriptorProto.Type.TYPE_SINT64),
      Map.entry("fixed32", FieldDescriptorProto.Type.TYPE_FIXED32),
      Map.entry("fixed64", FieldDescriptorProto.Type.TYPE_FIXED64),
      Map.entry("sfixed32", FieldDescriptorProto.Type.TYPE_SFIXED32),
      Map.entry("sfixed64", FieldDescriptorProto.Type.TYPE_SFIXED64),
      Map.entry("bool", FieldDescriptorProto.Type.TYPE_BOOL),
      Map.entry("string", FieldDescriptorProto.Type.TYPE_STRING),
      Map.entry("bytes", FieldDescriptorProto.Type.TYPE_BYTES));

  private final List<String> tokens;
  private int pos;
  private final FileDescriptorProto.Builder file = FileDescriptorProto.newBuilder();

  private ProtoParser(String text) {
    this.tokens = tokenize(text);
  }

  /**
   * Parses a .proto text.
   *
   * @param name the file's name, as other files import it
   * @param imports resolves an imported file name to its descriptor
   * @throws IllegalArgumentException when the text is not a .proto file this parser reads
   */
  public static Descriptors.FileDescriptor parse(String name, String text,
      Function<String, Descriptors.FileDescriptor> imports) {
    ProtoParser p = new ProtoParser(text);
    p.file.setName(name);
    p.parseFile();
    List<Descriptors.FileDescriptor> deps = new ArrayList<>();
    for (String dep : p.file.getDependencyList()) {
      deps.add(imports.apply(dep));
    }
    try {
      return Descriptors.FileDescriptor.buildFrom(p.file.build(), deps.toArray(new Descriptors.FileDescriptor[0]));
    } catch (Descriptors.DescriptorValidationException e) {
      throw new IllegalArgumentException("Invalid protobuf schema: " + e.getMessage(), e);
    }
  }

  private void parseFile() {
    file.setSyntax("proto3");
    while (pos < tokens.size()) {
      String t = next();
      switch (t) {
        case "syntax" -> {
          expect("=");
          file.setSyntax(unquote(next()));
          expect(";");
        }
        case "package" -> {
          file.setPackage(next());
          expect(";");
        }
        case "import" -> {
          String dep = next();
          if (dep.equals("public") || dep.equals("weak")) {
            dep = next();
          }
          file.addDependency(unquote(dep));
          expect(";");
        }
        case "option", "extend", "service" -> skipStatement();
        case "message" -> file.addMessageType(message());
        case "enum" -> file.addEnumType(enumType());
        case ";" -> { }
        default -> throw error("unexpected '" + t + "'");
      }
    }
  }

  private DescriptorProto message() {
    DescriptorProto.Builder m = DescriptorProto.newBuilder().setName(next());
    expect("{");
    body(m, -1);
    syntheticOneofsLast(m);
    return m.build();
  }

  /**
   * Moves the synthetic oneofs of proto3 {@code optional} fields after the declared ones, as protoc orders them
   * (protobuf-java rejects any other order), renumbering the fields' oneof indexes.
   */
  private static void syntheticOneofsLast(DescriptorProto.Builder m) {
    int n = m.getOneofDeclCount();
    boolean[] synthetic = new boolean[n];
    for (FieldDescriptorProto f : m.getFieldList()) {
      if (f.getProto3Optional() && f.hasOneofIndex()) {
        synthetic[f.getOneofIndex()] = true;
      }
    }
    int[] newIndex = new int[n];
    List<OneofDescriptorProto> ordered = new ArrayList<>();
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < n; i++) {
        if (synthetic[i] == (pass == 1)) {
          newIndex[i] = ordered.size();
          ordered.add(m.getOneofDecl(i));
        }
      }
    }
    m.clearOneofDecl().addAllOneofDecl(ordered);
    for (int i = 0; i < m.getFieldCount(); i++) {
      if (m.getField(i).hasOneofIndex()) {
        m.setField(i, m.getField(i).toBuilder().setOneofIndex(newIndex[m.getField(i).getOneofIndex()]));
      }
    }
  }

  /** Reads a message body up to its closing brace; fields land in {@code oneof} when it is not -1. */
  private void body(DescriptorProto.Builder m, int oneof) {
    while (true) {
      String t = next();
      switch (t) {
        case "}":
          return;
        case ";":
          break;
        case "message":
          m.addNestedType(message());
          break;
        case "enum":
          m.addEnumType(enumType());
          break;
        case "option":
        case "reserved":
        case "extensions":
        case "extend":
          skipStatement();
          break;
        case "oneof":
          m.addOneofDecl(OneofDescriptorProto.newBuilder().setName(next()));
          expect("{");
          body(m, m.getOneofDeclCount() - 1);
          break;
        default:
          field(m, t, oneof);
      }
    }
  }

  private void field(DescriptorProto.Builder m, String first, int oneof) {
    FieldDescriptorProto.Builder f = FieldDescriptorProto.newBuilder()
        .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL);
    String type = first;
    boolean proto3Optional = false;
    if (type.equals("repeated")) {
      f.setLabel(FieldDescriptorProto.Label.LABEL_REPEATED);
      type = next();
    } else if (type.equals("optional") || type.equals("required")) {
      proto3Optional = type.equals("optional");
      type = next();
    }
    if (type.equals("map")) {
      expect("<");
      String key = next();
      expect(",");
      String value = next();
      expect(">");
      String name = next();
      String entry = Character.toUpperCase(name.charAt(0)) + camel(name.substring(1)) + "Entry";
      DescriptorProto.Builder e = DescriptorProto.newBuilder().setName(entry)
          .setOptions(MessageOptions.newBuilder().setMapEntry(true));
      e.addField(typed(FieldDescriptorProto.newBuilder().setName("key").setNumber(1)
          .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL), key));
      e.addField(typed(FieldDescriptorProto.newBuilder().setName("value").setNumber(2)
          .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL), value));
      m.addNestedType(e);
      f.setName(name).setLabel(FieldDescriptorProto.Label.LABEL_REPEATED).setTypeName(entry);
    } else {
      typed(f, type);
      f.setName(next());
    }
    f.setJsonName(camel(f.getName()));
    expect("=");
    f.setNumber(number(next()));
    if (peek("[")) {
      fieldOptions(f);
    }
    expect(";");
    if (oneof >= 0) {
      f.setOneofIndex(oneof);
    } else if (proto3Optional && "proto3".equals(file.getSyntax())) {
      // proto3 `optional`: a synthetic oneof, as protoc makes it
      f.setProto3Optional(true);
      m.addOneofDecl(OneofDescriptorProto.newBuilder().setName("_" + f.getName()));
      f.setOneofIndex(m.getOneofDeclCount() - 1);
    }
    m.addField(f);
  }

  /**
   * Reads a field's options in brackets. Only {@code (confluent.field_meta)} is kept (its params carry a decimal's
   * precision and scale), as the option's unknown extension field, since the extension itself is not declared;
   * the other options do not change how values are read or written.
   */
  private void fieldOptions(FieldDescriptorProto.Builder f) {
    expect("[");
    while (true) {
      String name = next();
      if (name.equals("(")) {
        name = "(" + next() + ")";
        expect(")");
      }
      while (peek(".") || pos < tokens.size() && tokens.get(pos).startsWith(".")) {
        name += next();
      }
      expect("=");
      if (name.equals("(confluent.field_meta)") && peek("{")) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        textMessage(params, false);
        f.setOptions(FieldOptions.newBuilder().setUnknownFields(UnknownFieldSet.newBuilder()
            .addField(ProtobufKnownTypes.FIELD_META, UnknownFieldSet.Field.newBuilder()
                .addLengthDelimited(ProtobufKnownTypes.metaOption(params)).build()).build()));
      } else if (peek("{")) {
        skipBalanced("{", "}");
      } else {
        next();
      }
      String t = next();
      if (t.equals("]")) {
        return;
      } else if (!t.equals(",")) {
        throw error("expected ',' or ']' but found '" + t + "'");
      }
    }
  }

  /**
   * Reads a message in the protobuf text format, from its opening brace; the {@code key} / {@code value} pairs of
   * its {@code params} entries land in {@code params}.
   */
  private void textMessage(Map<String, String> params, boolean entry) {
    expect("{");
    String key = null;
    String value = null;
    while (!peek("}")) {
      String name = next();
      if (peek(":")) {
        next();
      }
      if (peek("[")) {
        next();
        while (!peek("]")) {
          textValue(params, name);
          if (peek(",")) {
            next();
          }
        }
        next();
      } else if (entry && (name.equals("key") || name.equals("value"))) {
        String v = unquote(next());
        if (name.equals("key")) {
          key = v;
        } else {
          value = v;
        }
      } else {
        textValue(params, name);
      }
      if (peek(",") || peek(";")) {
        next();
      }
    }
    next();
    if (entry && key != null && value != null) {
      params.put(key, value);
    }
  }

  private void textValue(Map<String, String> params, String name) {
    if (peek("{")) {
      textMessage(params, name.equals("params"));
    } else {
      next();
    }
  }

  private static FieldDescriptorProto.Builder typed(FieldDescriptorProto.Builder f, String type) {
    FieldDescriptorProto.Type scalar = SCALARS.get(type);
    return scalar != null ? f.setType(scalar) : f.setTypeName(type);
  }

  private EnumDescriptorProto enumType() {
    EnumDescriptorProto.Builder e = EnumDescriptorProto.newBuilder().setName(next());
    expect("{");
    while (true) {
      String t = next();
      if (t.equals("}")) {
        return e.build();
      }
      if (t.equals(";")) {
        continue;
      }
      if (t.equals("option") || t.equals("reserved")) {
        skipStatement();
        continue;
      }
      expect("=");
      e.addValue(EnumValueDescriptorProto.newBuilder().setName(t).setNumber(number(next())));
      if (peek("[")) {
        skipBalanced("[", "]");
      }
      expect(";");
    }
  }

  // ------------------------------------------------------------------ tokens

  private void skipStatement() {
    int depth = 0;
    while (true) {
      String t = next();
      if (t.equals("{")) {
        depth++;
      } else if (t.equals("}")) {
        depth--;
      } else if (t.equals(";") && depth == 0) {
        return;
      }
      if (depth == 0 && t.equals("}")) {
        return;
      }
    }
  }

  private void skipBalanced(String open, String close) {
    int depth = 0;
    do {
      String t = next();
      if (t.equals(open)) {
        depth++;
      } else if (t.equals(close)) {
        depth--;
      }
    } while (depth > 0);
  }

  private boolean peek(String t) {
    return pos < tokens.size() && tokens.get(pos).equals(t);
  }

  private String next() {
    if (pos >= tokens.size()) {
      throw error("unexpected end of the schema");
    }
    return tokens.get(pos++);
  }

  private void expect(String t) {
    String got = next();
    if (!got.equals(t)) {
      throw error("expected '" + t + "' but found '" + got + "'");
    }
  }

  private int number(String t) {
    try {
      return t.startsWith("0x") || t.startsWith("0X") ? Integer.parseInt(t.substring(2), 16) : Integer.parseInt(t);
    } catch (NumberFormatException e) {
      throw error("expected a number but found '" + t + "'");
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("Invalid protobuf schema: " + what);
  }

  private static String unquote(String s) {
    return s.length() >= 2 && (s.startsWith("\"") || s.startsWith("'")) ? s.substring(1, s.length() - 1) : s;
  }

  private static String camel(String name) {
    StringBuilder sb = new StringBuilder();
    boolean upper = false;
    for (char c : name.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        sb.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return sb.toString();
  }

  /** Splits into identifiers (dotted names included), numbers, quoted strings and single symbols. */
  private static List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && text.charAt(j) != c) {
          j += text.charAt(j) == '\\' ? 2 : 1;
        }
        out.add(text.substring(i, Math.min(n, j + 1)));
        i = j + 1;
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '+') {
        int j = i;
        while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || "_.-+".indexOf(text.charAt(j)) >= 0)) {
          j++;
        }
        out.add(text.substring(i, j));
        i = j;
      } else {
        out.add(String.valueOf(c));
        i++;
      }
    }
    return out;
  }

  /** The lower-case name of a scalar type, for messages. */
  static String scalarName(FieldDescriptorProto.Type type) {
    return type.name().substring(5).toLowerCase(Locale.ROOT);
  }
}
