package dev.warden.ui.tools;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

/** Writes a JavaFX image as an RGB PNG, so screenshots need neither AWT nor javafx-swing. */
final class PngWriter {

  private PngWriter() {}

  static void write(WritableImage image, Path file) throws IOException {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    PixelReader pixels = image.getPixelReader();
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(raw)) {
      byte[] row = new byte[1 + w * 3];
      for (int y = 0; y < h; y++) {
        row[0] = 0;
        for (int x = 0; x < w; x++) {
          int argb = pixels.getArgb(x, y);
          row[1 + x * 3] = (byte) (argb >> 16);
          row[2 + x * 3] = (byte) (argb >> 8);
          row[3 + x * 3] = (byte) argb;
        }
        z.write(row);
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(png);
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    DataOutputStream hd = new DataOutputStream(header);
    hd.writeInt(w);
    hd.writeInt(h);
    hd.write(new byte[] {8, 2, 0, 0, 0});
    chunk(out, "IHDR", header.toByteArray());
    chunk(out, "IDAT", raw.toByteArray());
    chunk(out, "IEND", new byte[0]);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, png.toByteArray());
  }

  private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    out.writeInt(data.length);
    out.write(name);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeInt((int) crc.getValue());
  }
}
