package dev.sluice.planner.function;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.calcite.avatica.util.ByteString;

/** Conversions between BYTES and strings or numbers. Bad input (an odd hex string...) gives NULL. */
public final class BytesFunctions {
  private BytesFunctions() {}

  private static final String CAT = "BYTES";

  @Udf(name = "TO_BYTES", category = CAT, description = "The bytes a string encodes in hex, utf8, ascii or base64.")
  public static ByteString toBytes(@UdfParam("str") String str, @UdfParam("encoding") String encoding) {
    if (str == null || encoding == null) {
      return null;
    }
    try {
      switch (encoding.toLowerCase(Locale.ROOT)) {
        case "hex":
          String hex = str.startsWith("0x") || str.startsWith("0X") ? str.substring(2) : str;
          return new ByteString(HexFormat.of().parseHex(hex.length() % 2 == 1 ? "0" + hex : hex));
        case "utf8":
          return new ByteString(str.getBytes(StandardCharsets.UTF_8));
        case "ascii":
          return new ByteString(str.getBytes(StandardCharsets.US_ASCII));
        case "base64":
          return new ByteString(Base64.getDecoder().decode(str));
        default:
          return null;
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Udf(name = "FROM_BYTES", category = CAT, description = "The string of bytes in hex, utf8, ascii or base64.")
  public static String fromBytes(@UdfParam("bytes") ByteString bytes, @UdfParam("encoding") String encoding) {
    if (bytes == null || encoding == null) {
      return null;
    }
    switch (encoding.toLowerCase(Locale.ROOT)) {
      case "hex":
        return HexFormat.of().withUpperCase().formatHex(bytes.getBytes());
      case "utf8":
        return new String(bytes.getBytes(), StandardCharsets.UTF_8);
      case "ascii":
        return new String(bytes.getBytes(), StandardCharsets.US_ASCII);
      case "base64":
        return Base64.getEncoder().encodeToString(bytes.getBytes());
      default:
        return null;
    }
  }

  private static ByteBuffer buffer(ByteString bytes, String order, int size) {
    if (bytes == null || order == null || bytes.length() != size) {
      return null;
    }
    ByteOrder o;
    if (order.equalsIgnoreCase("BIG_ENDIAN")) {
      o = ByteOrder.BIG_ENDIAN;
    } else if (order.equalsIgnoreCase("LITTLE_ENDIAN")) {
      o = ByteOrder.LITTLE_ENDIAN;
    } else {
      return null;
    }
    return ByteBuffer.wrap(bytes.getBytes()).order(o);
  }

  @Udf(name = "INT_FROM_BYTES", category = CAT, description = "The INT of 4 big-endian bytes.")
  public static Integer intFromBytes(@UdfParam("bytes") ByteString bytes) {
    return intFromBytes(bytes, "BIG_ENDIAN");
  }

  @Udf(name = "INT_FROM_BYTES", category = CAT, description = "The INT of 4 bytes in the given byte order"
      + " (BIG_ENDIAN or LITTLE_ENDIAN).")
  public static Integer intFromBytes(@UdfParam("bytes") ByteString bytes, @UdfParam("byteOrder") String order) {
    ByteBuffer b = buffer(bytes, order, 4);
    return b == null ? null : b.getInt();
  }

  @Udf(name = "BIGINT_FROM_BYTES", category = CAT, description = "The BIGINT of 8 big-endian bytes.")
  public static Long bigintFromBytes(@UdfParam("bytes") ByteString bytes) {
    return bigintFromBytes(bytes, "BIG_ENDIAN");
  }

  @Udf(name = "BIGINT_FROM_BYTES", category = CAT, description = "The BIGINT of 8 bytes in the given byte"
      + " order (BIG_ENDIAN or LITTLE_ENDIAN).")
  public static Long bigintFromBytes(@UdfParam("bytes") ByteString bytes, @UdfParam("byteOrder") String order) {
    ByteBuffer b = buffer(bytes, order, 8);
    return b == null ? null : b.getLong();
  }

  @Udf(name = "DOUBLE_FROM_BYTES", category = CAT, description = "The DOUBLE of 8 big-endian bytes.")
  public static Double doubleFromBytes(@UdfParam("bytes") ByteString bytes) {
    return doubleFromBytes(bytes, "BIG_ENDIAN");
  }

  @Udf(name = "DOUBLE_FROM_BYTES", category = CAT, description = "The DOUBLE of 8 bytes in the given byte"
      + " order (BIG_ENDIAN or LITTLE_ENDIAN).")
  public static Double doubleFromBytes(@UdfParam("bytes") ByteString bytes, @UdfParam("byteOrder") String order) {
    ByteBuffer b = buffer(bytes, order, 8);
    return b == null ? null : b.getDouble();
  }
}
