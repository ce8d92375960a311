package io.layerwise.publish;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and replaces the character map of a TrueType font. JLaTeXMath's Computer Modern fonts
 * put their glyphs at TeX's code points (shifted: the minus sign at U+00A1, the centred dot at
 * U+00A2), so text drawn in them would copy and search as {@code ¡} and {@code ¢}. {@link
 * MathFonts} gives each glyph its Unicode meaning instead and writes fonts whose character map
 * says so; the PDF's text is then what a reader sees.
 */
final class TrueTypeCmap {

  private TrueTypeCmap() {}

  /** The glyph of each code the font's Windows Unicode (3,1) format-4 subtable maps. */
  static Map<Integer, Integer> read(byte[] font) {
    ByteBuffer b = ByteBuffer.wrap(font);
    int cmap = table(b, "cmap")[0];
    int count = b.getShort(cmap + 2) & 0xffff;
    for (int i = 0; i < count; i++) {
      int rec = cmap + 4 + 8 * i;
      int platform = b.getShort(rec) & 0xffff;
      int encoding = b.getShort(rec + 2) & 0xffff;
      int sub = cmap + b.getInt(rec + 4);
      if (platform == 3 && encoding == 1 && (b.getShort(sub) & 0xffff) == 4) {
        return format4(b, sub);
      }
    }
    throw new IllegalArgumentException("the font has no Unicode format-4 character map");
  }

  /**
   * Each glyph's advance width in ems ({@code hmtx} over {@code head}'s units per em); glyphs
   * past the last long metric share its advance.
   */
  static double[] advances(byte[] font) {
    ByteBuffer b = ByteBuffer.wrap(font);
    double unitsPerEm = b.getShort(table(b, "head")[0] + 18) & 0xffff;
    int metrics = b.getShort(table(b, "hhea")[0] + 34) & 0xffff;
    int hmtx = table(b, "hmtx")[0];
    double[] advances = new double[metrics];
    for (int g = 0; g < metrics; g++) {
      advances[g] = (b.getShort(hmtx + 4 * g) & 0xffff) / unitsPerEm;
    }
    return advances;
  }

  private static Map<Integer, Integer> format4(ByteBuffer b, int sub) {
    int segments = (b.getShort(sub + 6) & 0xffff) / 2;
    int ends = sub + 14;
    int starts = ends + 2 * segments + 2;
    int deltas = starts + 2 * segments;
    int offsets = deltas + 2 * segments;
    Map<Integer, Integer> map = new TreeMap<>();
    for (int s = 0; s < segments; s++) {
      int end = b.getShort(ends + 2 * s) & 0xffff;
      int start = b.getShort(starts + 2 * s) & 0xffff;
      int delta = b.getShort(deltas + 2 * s);
      int rangeOffset = b.getShort(offsets + 2 * s) & 0xffff;
      for (int c = start; c <= end && c != 0xffff; c++) {
        int glyph;
        if (rangeOffset == 0) {
          glyph = (c + delta) & 0xffff;
        } else {
          int at = offsets + 2 * s + rangeOffset + 2 * (c - start);
          glyph = b.getShort(at) & 0xffff;
          glyph = glyph == 0 ? 0 : (glyph + delta) & 0xffff;
        }
        if (glyph != 0) {
          map.put(c, glyph);
        }
      }
    }
    return map;
  }

  /**
   * The font with its character map replaced by {@code glyphs} (Basic Multilingual Plane code
   * points to glyph ids), as one format-4 subtable for both Unicode platforms.
   */
  static byte[] replace(byte[] font, Map<Integer, Integer> glyphs) {
    return rewrite(font, "cmap", cmap(glyphs));
  }

  /**
   * The font without its table {@code tag}: without {@code GSUB}, PDFBox sets no ligatures (a
   * printed "ﬂatten" would copy and search as one glyph, not as "flatten").
   */
  static byte[] without(byte[] font, String tag) {
    return rewrite(font, tag, null);
  }

  /** The font with its table {@code tag} replaced by {@code table}, or dropped where null. */
  private static byte[] rewrite(byte[] font, String tag, byte[] table) {
    ByteBuffer in = ByteBuffer.wrap(font);
    int count = in.getShort(4) & 0xffff;
    List<String> tags = new ArrayList<>();
    List<byte[]> data = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int rec = 12 + 16 * i;
      byte[] t = new byte[4];
      in.get(rec, t);
      int offset = in.getInt(rec + 8);
      int length = in.getInt(rec + 12);
      String name = new String(t, java.nio.charset.StandardCharsets.US_ASCII);
      if (name.equals(tag) && table == null) {
        continue;
      }
      tags.add(name);
      data.add(name.equals(tag) ? table : Arrays.copyOfRange(font, offset, offset + length));
    }
    int numTables = tags.size();
    int size = 12 + 16 * numTables;
    for (byte[] d : data) {
      size += (d.length + 3) & ~3;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(font, 0, 4);
    int searchRange = 16 * Integer.highestOneBit(numTables);
    out.putShort((short) numTables).putShort((short) searchRange)
        .putShort((short) Integer.numberOfTrailingZeros(searchRange / 16))
        .putShort((short) (numTables * 16 - searchRange));
    int offset = 12 + 16 * numTables;
    int headAt = -1;
    for (int i = 0; i < numTables; i++) {
      byte[] d = data.get(i);
      if (tags.get(i).equals("head")) {
        headAt = offset;
        Arrays.fill(d, 8, 12, (byte) 0);
      }
      out.put(tags.get(i).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.putInt(checksum(d));
      out.putInt(offset);
      out.putInt(d.length);
      out.put(offset, d);
      offset += (d.length + 3) & ~3;
    }
    byte[] result = out.array();
    if (headAt >= 0) {
      ByteBuffer.wrap(result).putInt(headAt + 8, 0xB1B0AFBA - checksum(result));
    }
    return result;
  }

  private static byte[] cmap(Map<Integer, Integer> glyphs) {
    List<Integer> codes = new ArrayList<>(new TreeMap<>(glyphs).keySet());
    codes.removeIf(c -> c < 0 || c >= 0xffff);
    int segments = codes.size() + 1;
    int subLength = 16 + 8 * segments;
    ByteBuffer b = ByteBuffer.allocate(4 + 8 * 2 + subLength);
    b.putShort((short) 0).putShort((short) 2);
    b.putShort((short) 0).putShort((short) 3).putInt(20);
    b.putShort((short) 3).putShort((short) 1).putInt(20);
    int searchRange = 2 * Integer.highestOneBit(segments);
    b.putShort((short) 4).putShort((short) subLength).putShort((short) 0)
        .putShort((short) (2 * segments)).putShort((short) searchRange)
        .putShort((short) (Integer.numberOfTrailingZeros(searchRange / 2)))
        .putShort((short) (2 * segments - searchRange));
    for (int c : codes) {
      b.putShort((short) c);
    }
    b.putShort((short) 0xffff).putShort((short) 0);
    for (int c : codes) {
      b.putShort((short) c);
    }
    b.putShort((short) 0xffff);
    for (int c : codes) {
      b.putShort((short) (glyphs.get(c) - c));
    }
    b.putShort((short) 1);
    for (int i = 0; i < segments; i++) {
      b.putShort((short) 0);
    }
    return b.array();
  }

  private static int[] table(ByteBuffer b, String tag) {
    int numTables = b.getShort(4) & 0xffff;
    for (int i = 0; i < numTables; i++) {
      int rec = 12 + 16 * i;
      byte[] t = new byte[4];
      b.get(rec, t);
      if (new String(t, java.nio.charset.StandardCharsets.US_ASCII).equals(tag)) {
        return new int[] {b.getInt(rec + 8), b.getInt(rec + 12)};
      }
    }
    throw new IllegalArgumentException("the font has no " + tag + " table");
  }

  private static int checksum(byte[] d) {
    int sum = 0;
    for (int i = 0; i < d.length; i += 4) {
      int word = 0;
      for (int j = 0; j < 4; j++) {
        word = (word << 8) | (i + j < d.length ? d[i + j] & 0xff : 0);
      }
      sum += word;
    }
    return sum;
  }
}
