package edu.alumni.engine.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTests {

  private static List<CsvRecord> readAll(String text) {
    return readAll(text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<CsvRecord> readAll(byte[] bytes) {
    List<CsvRecord> records = new ArrayList<>();
    try (CsvReader reader = CsvReader.utf8(new ByteArrayInputStream(bytes))) {
      for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
        records.add(r);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return records;
  }

  private static CsvFormatException formatError(String text) {
    return formatError(text.getBytes(StandardCharsets.UTF_8));
  }

  private static CsvFormatException formatError(byte[] bytes) {
    try {
      List<CsvRecord> records = readAll(bytes);
      throw new AssertionError("expected a CsvFormatException, read " + records);
    } catch (CsvFormatException e) {
      return e;
    }
  }

  @Test
  void plainRecordsWithIndexAndLine() {
    List<CsvRecord> records = readAll("a,b,c\n1,2,3\n4,5,6\n");

    assertThat(records).extracting(CsvRecord::index).containsExactly(0L, 1L, 2L);
    assertThat(records).extracting(CsvRecord::line).containsExactly(1L, 2L, 3L);
    assertThat(records.get(0).fields()).containsExactly("a", "b", "c");
    assertThat(records.get(2).fields()).containsExactly("4", "5", "6");
  }

  @Test
  void quotedFieldsMayContainCommas() {
    List<CsvRecord> records = readAll("name,city\n\"Wang, Lei\",\"Beijing, China\"\n");

    assertThat(records.get(1).fields()).containsExactly("Wang, Lei", "Beijing, China");
  }

  @Test
  void doubledQuotesInsideQuotedFieldsAreOneQuote() {
    List<CsvRecord> records = readAll("a,b\n\"he said \"\"hi\"\"\",\"\"\"\"\n\"\",x\n");

    assertThat(records.get(1).fields()).containsExactly("he said \"hi\"", "\"");
    assertThat(records.get(2).fields()).containsExactly("", "x");
  }

  @Test
  void crlfLineEnds() {
    List<CsvRecord> records = readAll("a,b\r\n1,2\r\n3,4\r\n");

    assertThat(records).hasSize(3);
    assertThat(records).extracting(CsvRecord::line).containsExactly(1L, 2L, 3L);
    assertThat(records.get(1).fields()).containsExactly("1", "2");
    assertThat(records.get(2).fields()).containsExactly("3", "4");
  }

  @Test
  void lfAndCrlfMixed() {
    List<CsvRecord> records = readAll("a,b\n1,2\r\n3,4\n\"5\",\"6\"\r\n");

    assertThat(records).extracting(CsvRecord::line).containsExactly(1L, 2L, 3L, 4L);
    assertThat(records.get(3).fields()).containsExactly("5", "6");
  }

  @Test
  void newlineInsideQuotedFieldAdvancesPhysicalLinesOfFollowingRecords() {
    List<CsvRecord> records = readAll("a,b\n\"line one\nline two\nline three\",x\n1,2\n\"p\r\nq\",y\r\n3,4\n");

    assertThat(records).extracting(CsvRecord::line).containsExactly(1L, 2L, 5L, 6L, 8L);
    assertThat(records.get(1).fields()).containsExactly("line one\nline two\nline three", "x");
    assertThat(records.get(2).fields()).containsExactly("1", "2");
    // CRLF inside a quoted field is one line break, kept as LF
    assertThat(records.get(3).fields()).containsExactly("p\nq", "y");
    assertThat(records.get(4).fields()).containsExactly("3", "4");
  }

  @Test
  void wrongFieldCountAfterAMultiLineRecordNamesThePhysicalLine() {
    CsvFormatException e = formatError("a,b\n\"x\ny\",1\n1,2,3\n");

    assertThat(e.line()).isEqualTo(4);
    assertThat(e.getMessage()).contains("3 fields").contains("header has 2");
  }

  @Test
  void leadingBomIsSkipped() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "student_no,name\nS0001,张三\n".getBytes(StandardCharsets.UTF_8);
    byte[] file = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, file, 0, bom.length);
    System.arraycopy(body, 0, file, bom.length, body.length);

    List<CsvRecord> records = readAll(file);

    assertThat(records.get(0).fields()).containsExactly("student_no", "name");
    assertThat(records.get(0).fields().get(0)).hasSize("student_no".length());
    assertThat(records.get(1).fields()).containsExactly("S0001", "张三");
  }

  @Test
  void bomOnlyAtTheStartIsSkippedNotElsewhere() {
    List<CsvRecord> records = readAll("a,b\n\uFEFFx,y\n");

    assertThat(records.get(1).fields()).containsExactly("\uFEFFx", "y");
  }

  @Test
  void chineseTextAndSupplementaryCharactersAreKept() {
    List<CsvRecord> records = readAll("name,note\n计算机科学与技术学院,\"𠀀😀, 好\"\n");

    assertThat(records.get(1).fields()).containsExactly("计算机科学与技术学院", "𠀀😀, 好");
  }

  @Test
  void unbalancedQuoteIsAnErrorOnTheLineWhereTheQuoteOpened() {
    CsvFormatException e = formatError("a,b\n1,2\n3,\"never closed\n4,5\n6,7\n");

    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).contains("never closed");
  }

  @Test
  void unbalancedQuoteInALaterFieldOfAMultiLineRecordNamesItsOwnLine() {
    CsvFormatException e = formatError("a,b\n\"x\ny\",\"open\n1,2\n");

    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).contains("never closed");
  }

  @Test
  void textAfterAClosingQuoteIsAnError() {
    CsvFormatException e = formatError("a,b\n1,2\n\"quoted\"tail,3\n");

    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).contains("text after a closing quote");
  }

  @Test
  void quoteInsideAnUnquotedFieldIsAnError() {
    CsvFormatException e = formatError("a,b\n1,2\n3,4\nab\"c,5\n");

    assertThat(e.line()).isEqualTo(4);
    assertThat(e.getMessage()).contains("quote character inside an unquoted field");
  }

  @Test
  void tooManyFieldsIsAnErrorWithItsLine() {
    CsvFormatException e = formatError("a,b,c\n1,2,3\n4,5,6,7\n8,9,10\n");

    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).contains("4 fields").contains("header has 3");
  }

  @Test
  void tooFewFieldsIsAnErrorWithItsLine() {
    CsvFormatException e = formatError("a,b,c\r\n1,2,3\r\n4,5,6\r\n7,8\r\n");

    assertThat(e.line()).isEqualTo(4);
    assertThat(e.getMessage()).contains("2 fields").contains("header has 3");
  }

  @Test
  void badUtf8IsAnErrorWithItsLine() {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes("a,b\n1,好\n2,".getBytes(StandardCharsets.UTF_8));
    file.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28}); // 0xC3 must be followed by a continuation byte
    file.writeBytes("\n3,4\n".getBytes(StandardCharsets.UTF_8));

    CsvFormatException e = formatError(file.toByteArray());

    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).contains("not valid UTF-8");
  }

  @Test
  void badUtf8FarIntoALargeFileNamesTheRightLine() {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes("a,b\n".getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 20_000; i++) {
      file.writeBytes((i + ",校友" + i + "\n").getBytes(StandardCharsets.UTF_8));
    }
    file.writeBytes("x,".getBytes(StandardCharsets.UTF_8));
    file.writeBytes(new byte[] {(byte) 0xFF});
    file.writeBytes("\n".getBytes(StandardCharsets.UTF_8));

    CsvFormatException e = formatError(file.toByteArray());

    assertThat(e.line()).isEqualTo(20_002);
  }

  @Test
  void latin1FileIsRejectedAsNotUtf8() {
    CsvFormatException e = formatError("name\nJosé\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("UTF-8");
  }

  @Test
  void truncatedMultiByteSequenceAtTheEndIsAnError() {
    byte[] text = "a\n好".getBytes(StandardCharsets.UTF_8);
    byte[] truncated = java.util.Arrays.copyOf(text, text.length - 1);

    CsvFormatException e = formatError(truncated);

    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("UTF-8");
  }

  @Test
  void trailingNewlineAndNoTrailingNewlineReadTheSame() {
    List<CsvRecord> with = readAll("a,b\n1,2\n");
    List<CsvRecord> without = readAll("a,b\n1,2");
    List<CsvRecord> withCrlf = readAll("a,b\r\n1,2\r\n");

    assertThat(with).hasSize(2).isEqualTo(without).isEqualTo(withCrlf);
    assertThat(without.get(1).fields()).containsExactly("1", "2");
  }

  @Test
  void lastFieldEmptyWithoutTrailingNewline() {
    List<CsvRecord> records = readAll("a,b\n1,");

    assertThat(records.get(1).fields()).containsExactly("1", "");
  }

  @Test
  void quotedLastFieldWithoutTrailingNewline() {
    List<CsvRecord> records = readAll("a,b\n1,\"x,y\"");

    assertThat(records.get(1).fields()).containsExactly("1", "x,y");
  }

  @Test
  void blankLinesAtTheVeryEndAreIgnored() {
    assertThat(readAll("a,b\n1,2\n\n")).hasSize(2);
    assertThat(readAll("a,b\n1,2\n\n\n")).hasSize(2);
    assertThat(readAll("a,b\r\n1,2\r\n\r\n\r\n")).hasSize(2);
  }

  @Test
  void emptyLineInTheMiddleIsAnErrorWithItsLine() {
    CsvFormatException e = formatError("a,b\n1,2\n\n3,4\n");

    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).contains("empty line");
  }

  @Test
  void severalEmptyLinesInTheMiddleNameTheFirst() {
    CsvFormatException e = formatError("a,b\r\n1,2\r\n\r\n\r\n3,4\r\n");

    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).contains("empty line");
  }

  @Test
  void fileStartingWithAnEmptyLineIsAnError() {
    CsvFormatException e = formatError("\na,b\n1,2\n");

    assertThat(e.line()).isEqualTo(1);
    assertThat(e.getMessage()).contains("header");
  }

  @Test
  void emptyInputHasNoRecords() {
    assertThat(readAll("")).isEmpty();
  }

  @Test
  void fieldsAreNotTrimmedByTheReader() {
    List<CsvRecord> records = readAll("a,b\n  x  ,\" y \"\n");

    assertThat(records.get(1).fields()).containsExactly("  x  ", " y ");
  }

  @Test
  void nextAfterTheEndStaysNull() {
    try (CsvReader reader = CsvReader.utf8(new ByteArrayInputStream("a\n1\n".getBytes(StandardCharsets.UTF_8)))) {
      assertThat(reader.next()).isNotNull();
      assertThat(reader.next()).isNotNull();
      assertThat(reader.next()).isNull();
      assertThat(reader.next()).isNull();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
