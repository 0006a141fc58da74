package io.cxgap.common.generate.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files under the landing root, opened on first use (with the CSV header, if any) and kept open
 * until {@link #close}. Paths are relative, with {@code /}.
 */
public final class LandingOutput implements AutoCloseable {
  private final Path root;
  private final Map<String, Writer> open = new TreeMap<>();

  public LandingOutput(Path root) {
    this.root = root;
  }

  /** Appends {@code text} to {@code file}, creating it with {@code header} (may be null). */
  public void write(String file, String header, String text) {
    try {
      writer(file, header).write(text);
    } catch (IOException e) {
      throw new UncheckedIOException("generate: cannot write " + root.resolve(file), e);
    }
  }

  public int fileCount() {
    return open.size();
  }

  private Writer writer(String file, String header) throws IOException {
    Writer w = open.get(file);
    if (w == null) {
      Path p = root.resolve(file);
      Files.createDirectories(p.getParent());
      w =
          new BufferedWriter(
              new OutputStreamWriter(Files.newOutputStream(p), StandardCharsets.UTF_8), 1 << 16);
      if (header != null) {
        w.write(header);
      }
      open.put(file, w);
    }
    return w;
  }

  @Override
  public void close() {
    IOException failure = null;
    for (Map.Entry<String, Writer> e : open.entrySet()) {
      try {
        e.getValue().close();
      } catch (IOException ex) {
        failure = ex;
      }
    }
    if (failure != null) {
      throw new UncheckedIOException("generate: cannot finish writing under " + root, failure);
    }
  }
}
