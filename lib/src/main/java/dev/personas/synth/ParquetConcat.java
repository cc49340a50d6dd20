package dev.personas.synth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Concatenates parquet files of one schema into one parquet file, row groups in the order given,
 * without decoding a page: the column chunks (and bloom filters) of every part are copied as they
 * are and one footer lists all row groups, with their byte offsets moved to where the part landed.
 * The result holds the rows of the parts one part after the other, in each part's own order, and
 * the same bytes whatever the machine (it is a function of the parts' bytes).
 *
 * <p>The footer is the parquet format's {@code FileMetaData} in Thrift's compact protocol
 * (apache/parquet-format, {@code parquet.thrift}); it is decoded into a generic tree and written
 * back, so fields this class does not know survive unchanged. Moved offsets: {@code RowGroup
 * .file_offset} (5), {@code ColumnChunk.file_offset} (2, when not 0), {@code offset_index_offset}
 * (4), {@code column_index_offset} (6), {@code ColumnMetaData.data_page_offset} (9),
 * {@code index_page_offset} (10), {@code dictionary_page_offset} (11) and
 * {@code bloom_filter_offset} (14); {@code RowGroup.ordinal} (7) is renumbered and
 * {@code FileMetaData.num_rows} (3) summed. Page indexes store page offsets in the file body,
 * which a plain copy cannot move, so parts with an offset or column index are refused (DuckDB does
 * not write them), as are encrypted footers.
 */
final class ParquetConcat {
  private ParquetConcat() {}

  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  /**
   * Writes {@code out} as the concatenation of {@code parts} (at least one), then deletes the
   * parts. The first part is moved to {@code out} and the others appended to it.
   *
   * @throws IOException when a part is not a parquet file, or the parts' schemas differ, or a part
   *     has page indexes or an encrypted footer
   */
  static void concat(List<Path> parts, Path out) throws IOException {
    if (parts.isEmpty()) throw new IllegalArgumentException("no parts to concatenate into " + out);
    List<Footer> footers = new ArrayList<>();
    for (Path p : parts) footers.add(Footer.read(p));
    byte[] merged = merge(footers, parts);
    Files.move(parts.get(0), out, StandardCopyOption.REPLACE_EXISTING);
    try (FileChannel w = FileChannel.open(out, StandardOpenOption.WRITE)) {
      w.truncate(footers.get(0).start);
      long pos = footers.get(0).start;
      for (int k = 1; k < parts.size(); k++) {
        try (FileChannel r = FileChannel.open(parts.get(k), StandardOpenOption.READ)) {
          long from = MAGIC.length;
          long n = footers.get(k).start - from;
          long done = 0;
          while (done < n) done += r.transferTo(from + done, n - done, w.position(pos + done));
          pos += n;
        }
      }
      ByteBuffer tail = ByteBuffer.allocate(merged.length + 8).order(ByteOrder.LITTLE_ENDIAN);
      tail.put(merged).putInt(merged.length).put(MAGIC).flip();
      w.position(pos);
      while (tail.hasRemaining()) w.write(tail);
    }
    for (int k = 1; k < parts.size(); k++) Files.delete(parts.get(k));
  }

  /**
   * The footer of the parts laid end to end as {@link #concat} lays them: the first whole up to its
   * footer, each other from after its magic to its footer.
   */
  static byte[] merge(List<Footer> footers, List<Path> parts) throws IOException {
    Struct first = footers.get(0).meta;
    byte[] schema = encode(first.get(2));
    long rows = 0;
    List<Object> groups = new ArrayList<>();
    long end = 0; // bytes of the output before part k
    for (int k = 0; k < footers.size(); k++) {
      Footer f = footers.get(k);
      // part k's byte b (after its magic) lands at end + b - 4; the first part's at b
      long shift = k == 0 ? 0 : end - MAGIC.length;
      if (f.meta.get(8) != null) throw new IOException("encrypted parquet footer: " + parts.get(k));
      if (!Arrays.equals(encode(f.meta.get(2)), schema)) {
        throw new IOException("schema of " + parts.get(k) + " differs from that of " + parts.get(0));
      }
      rows += ((Num) f.meta.get(3)).v;
      TList rg = (TList) f.meta.get(4);
      if (rg != null) {
        for (Object o : rg.items) {
          Struct g = (Struct) o;
          shift(g, 5, shift, true);
          if (g.get(7) != null) g.set(7, new Num(groups.size()));
          for (Object c : ((TList) g.get(1)).items) {
            Struct cc = (Struct) c;
            if (cc.get(4) != null || cc.get(6) != null) {
              throw new IOException("parquet page index (offset or column index) in " + parts.get(k)
                  + ": its page offsets cannot be moved");
            }
            shift(cc, 2, shift, false);
            Struct md = (Struct) cc.get(3);
            if (md != null) {
              for (int id : new int[] {9, 10, 11, 14}) shift(md, id, shift, true);
            }
          }
          groups.add(g);
        }
      }
      end += k == 0 ? f.start : f.start - MAGIC.length;
    }
    first.set(3, new Num(rows));
    TList rg = (TList) first.get(4);
    first.set(4, new TList(rg == null ? STRUCT : rg.elemType, groups));
    return encode(first);
  }

  private static void shift(Struct s, int id, long by, boolean zeroToo) {
    Object v = s.get(id);
    if (v instanceof Num n && (zeroToo || n.v != 0)) s.set(id, new Num(n.v + by));
  }

  // ---- the footer of one file --------------------------------------------------------------

  /** A file's decoded footer and the offset where it starts. */
  record Footer(Struct meta, long start) {
    static Footer read(Path p) throws IOException {
      try (FileChannel r = FileChannel.open(p, StandardOpenOption.READ)) {
        long size = r.size();
        if (size < 12) throw new IOException("not a parquet file (" + size + " bytes): " + p);
        ByteBuffer head = ByteBuffer.allocate(4);
        readFully(r, head, 0);
        ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(r, tail, size - 8);
        if (!Arrays.equals(head.array(), MAGIC) || !Arrays.equals(Arrays.copyOfRange(tail.array(), 4, 8), MAGIC)) {
          throw new IOException("not a parquet file (no PAR1 magic): " + p);
        }
        int len = tail.getInt(0);
        if (len <= 0 || len > size - 12) throw new IOException("bad parquet footer length " + len + ": " + p);
        ByteBuffer meta = ByteBuffer.allocate(len);
        readFully(r, meta, size - 8 - len);
        Reader in = new Reader(meta.array());
        Struct s = in.struct();
        if (in.pos != len) throw new IOException("parquet footer of " + p + " has trailing bytes");
        return new Footer(s, size - 8 - len);
      }
    }

    private static void readFully(FileChannel r, ByteBuffer b, long at) throws IOException {
      while (b.hasRemaining()) {
        if (r.read(b, at + b.position()) < 0) throw new IOException("unexpected end of file");
      }
      b.flip();
    }
  }

  // ---- Thrift compact protocol: a generic tree ---------------------------------------------

  static final int BOOL_TRUE = 1, BOOL_FALSE = 2, BYTE = 3, I16 = 4, I32 = 5, I64 = 6, DOUBLE = 7,
      BINARY = 8, LIST = 9, SET = 10, MAP = 11, STRUCT = 12;

  /** An integer of any width (its width is the field's or list's type). */
  record Num(long v) {}

  /** A double, kept as its 8 bytes. */
  record Dbl(long bits) {}

  /** A list or set: element type and elements. */
  record TList(int elemType, List<Object> items) {}

  /** A map: key and value types, keys and values alternating. */
  record TMap(int keyType, int valueType, List<Object> items) {}

  /** One field: id, compact type and value (booleans carry their value in the type). */
  static final class Field {
    final int id;
    int type;
    Object value;

    Field(int id, int type, Object value) {
      this.id = id;
      this.type = type;
      this.value = value;
    }
  }

  /** A struct: its fields in the order read. */
  static final class Struct {
    final List<Field> fields = new ArrayList<>();

    Object get(int id) {
      for (Field f : fields) if (f.id == id) return f.value;
      return null;
    }

    /** Replaces the value of an existing field (a missing field is added at its id's place). */
    void set(int id, Object v) {
      for (Field f : fields) {
        if (f.id == id) {
          f.value = v;
          return;
        }
      }
      int type = v instanceof Num ? I64 : v instanceof TList ? LIST : STRUCT;
      int at = 0;
      while (at < fields.size() && fields.get(at).id < id) at++;
      fields.add(at, new Field(id, type, v));
    }
  }

  static final class Reader {
    final byte[] b;
    int pos;

    Reader(byte[] b) {
      this.b = b;
    }

    Struct struct() throws IOException {
      Struct s = new Struct();
      int last = 0;
      while (true) {
        int h = u8();
        if (h == 0) return s;
        int type = h & 0x0F;
        int delta = h >>> 4;
        int id = delta == 0 ? (int) zigzag(varint()) : last + delta;
        last = id;
        Object v = type == BOOL_TRUE || type == BOOL_FALSE ? null : value(type);
        s.fields.add(new Field(id, type, v));
      }
    }

    Object value(int type) throws IOException {
      return switch (type) {
        case BOOL_TRUE, BOOL_FALSE, BYTE -> new Num(u8());
        case I16, I32, I64 -> new Num(zigzag(varint()));
        case DOUBLE -> {
          long bits = 0;
          for (int i = 0; i < 8; i++) bits |= (long) u8() << (8 * i);
          yield new Dbl(bits);
        }
        case BINARY -> {
          int n = (int) varint();
          if (n < 0 || pos + n > b.length) throw new IOException("bad binary length " + n);
          byte[] v = Arrays.copyOfRange(b, pos, pos + n);
          pos += n;
          yield v;
        }
        case LIST, SET -> {
          int h = u8();
          int n = h >>> 4;
          if (n == 15) n = (int) varint();
          int et = h & 0x0F;
          List<Object> items = new ArrayList<>(n);
          for (int i = 0; i < n; i++) items.add(value(et));
          yield new TList(et, items);
        }
        case MAP -> {
          int n = (int) varint();
          int kv = n == 0 ? 0 : u8();
          List<Object> items = new ArrayList<>(2 * n);
          for (int i = 0; i < n; i++) {
            items.add(value(kv >>> 4));
            items.add(value(kv & 0x0F));
          }
          yield new TMap(kv >>> 4, kv & 0x0F, items);
        }
        case STRUCT -> struct();
        default -> throw new IOException("unknown thrift compact type " + type + " at byte " + pos);
      };
    }

    int u8() throws IOException {
      if (pos >= b.length) throw new IOException("parquet footer ends early");
      return b[pos++] & 0xFF;
    }

    long varint() throws IOException {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int x = u8();
        v |= (long) (x & 0x7F) << shift;
        if ((x & 0x80) == 0) return v;
      }
      throw new IOException("varint too long");
    }

    static long zigzag(long n) {
      return (n >>> 1) ^ -(n & 1);
    }
  }

  /** The compact encoding of a struct (or any value whose type is implied). */
  static byte[] encode(Object v) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    if (v instanceof Struct s) writeStruct(o, s);
    else if (v instanceof TList l) writeValue(o, LIST, l);
    else if (v != null) throw new IllegalArgumentException("not a struct or list: " + v);
    return o.toByteArray();
  }

  private static void writeStruct(ByteArrayOutputStream o, Struct s) {
    int last = 0;
    for (Field f : s.fields) {
      int delta = f.id - last;
      if (delta > 0 && delta <= 15) {
        o.write(delta << 4 | f.type);
      } else {
        o.write(f.type);
        varint(o, (f.id << 1) ^ (f.id >> 31));
      }
      last = f.id;
      if (f.type != BOOL_TRUE && f.type != BOOL_FALSE) writeValue(o, f.type, f.value);
    }
    o.write(0);
  }

  private static void writeValue(ByteArrayOutputStream o, int type, Object v) {
    switch (type) {
      case BOOL_TRUE, BOOL_FALSE, BYTE -> o.write((int) ((Num) v).v);
      case I16, I32, I64 -> {
        long n = ((Num) v).v;
        varint(o, (n << 1) ^ (n >> 63));
      }
      case DOUBLE -> {
        long bits = ((Dbl) v).bits;
        for (int i = 0; i < 8; i++) o.write((int) (bits >>> (8 * i)) & 0xFF);
      }
      case BINARY -> {
        byte[] x = (byte[]) v;
        varint(o, x.length);
        o.write(x, 0, x.length);
      }
      case LIST, SET -> {
        TList l = (TList) v;
        int n = l.items.size();
        if (n < 15) {
          o.write(n << 4 | l.elemType);
        } else {
          o.write(0xF0 | l.elemType);
          varint(o, n);
        }
        for (Object x : l.items) writeValue(o, l.elemType, x);
      }
      case MAP -> {
        TMap m = (TMap) v;
        int n = m.items.size() / 2;
        varint(o, n);
        if (n > 0) o.write(m.keyType << 4 | m.valueType);
        for (int i = 0; i < m.items.size(); i += 2) {
          writeValue(o, m.keyType, m.items.get(i));
          writeValue(o, m.valueType, m.items.get(i + 1));
        }
      }
      case STRUCT -> writeStruct(o, (Struct) v);
      default -> throw new IllegalArgumentException("unknown thrift compact type " + type);
    }
  }

  private static void varint(ByteArrayOutputStream o, long v) {
    while ((v & ~0x7FL) != 0) {
      o.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    o.write((int) v);
  }
}
