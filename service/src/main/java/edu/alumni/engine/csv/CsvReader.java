package edu.alumni.engine.csv;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: one record at a time, physical line numbers kept, strict about what it accepts
 * (unbalanced quotes, text after a closing quote, bad UTF-8 and a differing number of fields are errors, never
 * guessed at). A leading UTF-8 BOM is skipped. Line ends may be CRLF or LF.
 */
public final class CsvReader implements Closeable {

  private static final int EOF = -1;
  private static final int NONE = Integer.MIN_VALUE;

  private final Reader in;
  private long line = 1;
  private long nextIndex;
  private int expectedFields = -1;
  private boolean done;
  /** First character of the next record, already read while looking for the end of the previous one. */
  private int pushBack = NONE;
  private final StringBuilder field = new StringBuilder(64);

  public CsvReader(Reader in) {
    this.in = in instanceof BufferedReader ? in : new BufferedReader(in, 1 << 16);
  }

  /** Reads UTF-8 strictly: a malformed byte sequence is a {@link CsvFormatException}, not a replacement char. */
  public static CsvReader utf8(InputStream in) {
    return new CsvReader(new StrictUtf8Reader(in));
  }

  /** The next record, or {@code null} at the end of the file. Blank lines at the very end are ignored. */
  public CsvRecord next() {
    if (done) {
      return null;
    }
    try {
      return readRecord();
    } catch (CharacterCodingException e) {
      throw new CsvFormatException(line, "the file is not valid UTF-8 (found a malformed byte sequence); save it as UTF-8");
    } catch (IOException e) {
      throw new CsvFormatException(line, "the file could not be read: " + e.getMessage());
    }
  }

  private CsvRecord readRecord() throws IOException {
    long startLine = line;
    List<String> fields = new ArrayList<>(expectedFields > 0 ? expectedFields : 24);
    int c = pushBack;
    if (c == NONE) {
      c = in.read();
    }
    pushBack = NONE;
    if (nextIndex == 0 && c == '\uFEFF') {
      c = in.read();
    }
    // skip trailing empty lines at end of file; an empty line in the middle is a record with a wrong field count
    if (c == '\r' || c == '\n') {
      long emptyLine = line;
      while (c == '\r' || c == '\n') {
        c = consumeLineEnd(c);
      }
      if (c == EOF) {
        done = true;
        return null;
      }
      if (nextIndex == 0) {
        throw new CsvFormatException(emptyLine, "the file starts with an empty line; the first line must be the header");
      }
      throw new CsvFormatException(emptyLine, "empty line inside the file; remove it");
    }
    if (c == EOF) {
      done = true;
      return null;
    }
    field.setLength(0);
    while (true) {
      if (c == '"' && field.length() == 0) {
        c = readQuoted(line);
      } else {
        while (c != ',' && c != '\r' && c != '\n' && c != EOF) {
          if (c == '"') {
            throw new CsvFormatException(line, "a quote character inside an unquoted field; quote the whole field "
                + "and double the quotes inside it (\"\")");
          }
          field.append((char) c);
          c = in.read();
        }
      }
      fields.add(field.toString());
      field.setLength(0);
      if (c == ',') {
        c = in.read();
        continue;
      }
      if (c == EOF) {
        done = true;
      } else {
        c = consumeLineEnd(c);
        if (c == EOF) {
          done = true;
        } else {
          pushBack = c;
        }
      }
      break;
    }
    if (expectedFields < 0) {
      expectedFields = fields.size();
    } else if (fields.size() != expectedFields) {
      throw new CsvFormatException(startLine, "this line has " + fields.size() + " fields but the header has "
          + expectedFields + "; check for a missing or extra comma, or a value with a comma that is not quoted");
    }
    return new CsvRecord(nextIndex++, startLine, fields);
  }

  /** Reads the quoted part of a field opened on {@code openLine}; returns the character after the closing quote. */
  private int readQuoted(long openLine) throws IOException {
    while (true) {
      int c = in.read();
      if (c == EOF) {
        throw new CsvFormatException(openLine, "a quoted field opened on this line is never closed (unbalanced quotes)");
      }
      if (c == '"') {
        int d = in.read();
        if (d == '"') {
          field.append('"');
          continue;
        }
        if (d != ',' && d != '\r' && d != '\n' && d != EOF) {
          throw new CsvFormatException(line, "text after a closing quote; quote the whole field and double the quotes "
              + "inside it (\"\")");
        }
        return d;
      }
      if (c == '\n') {
        line++;
      } else if (c == '\r') {
        // CRLF inside a quoted field counts as one line break; keep it as LF in the value
        in.mark(1);
        if (in.read() != '\n') {
          in.reset();
        }
        line++;
        field.append('\n');
        continue;
      }
      field.append((char) c);
    }
  }

  /** Consumes CR, LF or CRLF; returns the first character of the next line. */
  private int consumeLineEnd(int c) throws IOException {
    if (c == '\r') {
      int d = in.read();
      line++;
      return d == '\n' ? in.read() : d;
    }
    line++;
    return in.read();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /**
   * Strict UTF-8 decoding that hands out every character before a malformed byte sequence and fails only when the
   * reader reaches it, so the error names the line it is on. ({@link InputStreamReader} with a reporting decoder
   * fails a whole read ahead of the parser, so the line would be that of the last buffer fill.)
   */
  static final class StrictUtf8Reader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private boolean eof;
    private boolean flushed;

    StrictUtf8Reader(InputStream in) {
      this.in = in;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      CharBuffer out = CharBuffer.wrap(cbuf, off, len);
      while (true) {
        if (flushed) {
          return out.position() > off ? out.position() - off : -1;
        }
        CoderResult result = decoder.decode(bytes, out, eof);
        if (result.isError()) {
          if (out.position() > off) {
            // deliver what came before the bad bytes; the next read fails on them
            return out.position() - off;
          }
          result.throwException();
        }
        if (result.isOverflow()) {
          return out.position() - off;
        }
        // underflow: all bytes decoded
        if (eof) {
          decoder.flush(out);
          flushed = true;
          continue;
        }
        if (out.position() > off) {
          return out.position() - off;
        }
        bytes.compact();
        int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (n < 0) {
          eof = true;
        } else {
          bytes.position(bytes.position() + n);
        }
        bytes.flip();
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
