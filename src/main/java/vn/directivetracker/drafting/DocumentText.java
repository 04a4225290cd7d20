package vn.directivetracker.drafting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The text of an uploaded notice: {@code .txt} (UTF-8), {@code .docx} (Apache POI) or {@code .pdf}
 * with a text layer (PDFBox). The type is told by the file's first bytes, not by its name alone, and
 * a file that is not what it claims to be is refused with {@link InvalidDraftException}.
 */
public final class DocumentText {

  /** A conclusion notice is a few pages; a longer PDF is not one (and costs time to read). */
  static final int MAX_PDF_PAGES = 60;
  /** Memory PDFBox may use for one file's decoded streams. */
  private static final long PDF_MEMORY = 64L * 1024 * 1024;

  /** The largest part of a .docx unpacked (its text is at most a few hundred kB; a zip bomb is more). */
  private static final long MAX_DOCX_ENTRY = 32L * 1024 * 1024;

  private DocumentText() {}

  public static String read(String fileName, byte[] bytes) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).strip();
    if (bytes.length == 0) {
      throw new InvalidDraftException("file", "the file is empty");
    }
    if (name.endsWith(".pdf")) {
      if (!startsWith(bytes, "%PDF-")) {
        throw new InvalidDraftException("file", "'" + shown(fileName) + "' is not a PDF file");
      }
      return pdf(bytes);
    }
    if (name.endsWith(".docx")) {
      if (!startsWith(bytes, "PK")) {
        throw new InvalidDraftException("file", "'" + shown(fileName) + "' is not a Word (.docx) file");
      }
      return docx(bytes);
    }
    if (name.endsWith(".txt")) {
      return utf8(bytes, "file");
    }
    throw new InvalidDraftException("file", "'" + shown(fileName) + "': only .txt, .docx and .pdf files are read"
        + " (a .doc file: save it as .docx; a scan without text: run OCR first)");
  }

  /** UTF-8 text, strictly: a file in another encoding would come out garbled, so it is refused. */
  public static String utf8(byte[] bytes, String field) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      if (text.indexOf('\0') >= 0) {
        throw new InvalidDraftException(field, "the text holds binary data (NUL characters)");
      }
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new InvalidDraftException(field, "the text is not UTF-8; save it as UTF-8 text");
    }
  }

  private static String pdf(byte[] bytes) {
    try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(bytes), "", null, null,
        MemoryUsageSetting.setupMainMemoryOnly(PDF_MEMORY).streamCache)) {
      if (document.getNumberOfPages() > MAX_PDF_PAGES) {
        throw new InvalidDraftException("file", "the PDF has " + document.getNumberOfPages() + " pages, at most "
            + MAX_PDF_PAGES);
      }
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      // a blank line between paragraphs, as a pasted text has
      stripper.setParagraphEnd("\n");
      String text = stripper.getText(document);
      if (text.isBlank()) {
        throw new InvalidDraftException("file", "the PDF has no text layer (a scanned image): run OCR on it first");
      }
      return text;
    } catch (InvalidPasswordException e) {
      throw new InvalidDraftException("file", "the PDF is protected by a password");
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidDraftException invalid) {
        throw invalid;
      }
      throw new InvalidDraftException("file", "the PDF cannot be read (damaged or not a PDF)");
    }
  }

  private static String docx(byte[] bytes) {
    // POI's limit is process-wide; the application reads no other Office file (it only writes XLSX)
    if (ZipSecureFile.getMaxEntrySize() > MAX_DOCX_ENTRY) {
      ZipSecureFile.setMaxEntrySize(MAX_DOCX_ENTRY);
    }
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes));
        XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
      // one Word paragraph per line; a blank line between them marks paragraphs as in a pasted text
      String text = extractor.getText().replace("\r", "").replace("\n", "\n\n");
      if (text.isBlank()) {
        throw new InvalidDraftException("file", "the Word file holds no text");
      }
      return text;
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidDraftException invalid) {
        throw invalid;
      }
      throw new InvalidDraftException("file", "the Word file cannot be read (damaged, or not a .docx file)");
    }
  }

  private static boolean startsWith(byte[] bytes, String magic) {
    byte[] expected = magic.getBytes(StandardCharsets.US_ASCII);
    if (bytes.length < expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (bytes[i] != expected[i]) {
        return false;
      }
    }
    return true;
  }

  static String shown(String value) {
    if (value == null) {
      return "";
    }
    String clean = value.replaceAll("[\\p{Cntrl}]", "?");
    return clean.length() <= 60 ? clean : clean.substring(0, 60) + "…";
  }
}
