package io.cxgap.jobs.runstate;

import io.cxgap.common.CxErrors;
import io.cxgap.common.config.CxConfig;
import io.cxgap.common.config.Locations;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Properties;

/**
 * One writing run at a time per warehouse (DESIGN.md §6). An OS file lock on {@code
 * <warehouse>/_cxgap/run.lock} ({@link FileChannel#tryLock}), which the OS releases when the
 * process dies, however it dies; beside it {@code holder.properties} names the holder (pid, host,
 * command, date, run id, the step in progress) for the error message a second run prints.
 *
 * <p>A clean exit, successful or failed, deletes {@code holder.properties}. When the next run finds
 * it, the run that wrote it was killed: its step in progress is recorded as {@code interrupted}.
 *
 * <p>The lock works on local and POSIX file systems. A warehouse on an object store (s3a://,
 * abfss://) gets no lock: there the scheduler must keep to one run at a time.
 */
public final class RunLock implements AutoCloseable {
  private final Path dir;
  private final FileChannel channel;
  private final FileLock lock;
  private final Properties holder;
  private final Properties previous;

  private RunLock(
      Path dir, FileChannel channel, FileLock lock, Properties holder, Properties previous) {
    this.dir = dir;
    this.channel = channel;
    this.lock = lock;
    this.holder = holder;
    this.previous = previous;
  }

  /** Takes the lock or fails at once with exit 4, naming the holder. */
  public static RunLock acquire(CxConfig config, String command, LocalDate date, String runId) {
    Optional<Path> local = localFolder(config.warehouse());
    Properties me = new Properties();
    me.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
    me.setProperty("host", hostName());
    me.setProperty("command", command);
    me.setProperty("date", date.toString());
    me.setProperty("run_id", runId);
    me.setProperty("started", Instant.now().toString());
    me.setProperty("step", "");
    if (local.isEmpty()) {
      return new RunLock(null, null, null, me, null);
    }
    Path dir = local.get().resolve("_cxgap");
    FileChannel ch = null;
    try {
      Files.createDirectories(dir);
      ch =
          FileChannel.open(
              dir.resolve("run.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null; // held by this JVM (a test running two commands at once)
      }
      if (l == null) {
        ch.close();
        throw CxErrors.locked(config.warehouse(), describe(read(dir)));
      }
      Properties previous = read(dir);
      RunLock lock = new RunLock(dir, ch, l, me, previous.isEmpty() ? null : previous);
      lock.save();
      return lock;
    } catch (IOException e) {
      closeQuietly(ch);
      throw new UncheckedIOException("run lock in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The holder file left by a run that died holding the lock, if any. */
  public Optional<Properties> interrupted() {
    return Optional.ofNullable(previous);
  }

  String runId() {
    return holder.getProperty("run_id");
  }

  /** Records the step in progress ({@code ""} between steps). */
  public void step(String name, Instant started) {
    holder.setProperty("step", name);
    holder.setProperty("step_started", name.isEmpty() ? "" : started.toString());
    if (dir != null) {
      try {
        save();
      } catch (IOException e) {
        throw new UncheckedIOException("run lock in " + dir + ": " + e.getMessage(), e);
      }
    }
  }

  @Override
  public void close() {
    if (dir == null) {
      return;
    }
    try {
      Files.deleteIfExists(dir.resolve("holder.properties"));
      lock.release();
    } catch (IOException e) {
      throw new UncheckedIOException("run lock in " + dir + ": " + e.getMessage(), e);
    } finally {
      closeQuietly(channel);
    }
  }

  /** One line naming a holder, for messages. */
  public static String describe(Properties p) {
    if (p.isEmpty()) {
      return "holder unknown";
    }
    String step = p.getProperty("step", "");
    return String.format(
        java.util.Locale.ROOT,
        "pid %s on %s, %s --date %s, run %s, started %s%s",
        p.getProperty("pid", "?"),
        p.getProperty("host", "?"),
        p.getProperty("command", "?"),
        p.getProperty("date", "?"),
        p.getProperty("run_id", "?"),
        p.getProperty("started", "?"),
        step.isEmpty() ? "" : ", step " + step);
  }

  /** The holder file of a local warehouse, empty when absent (read-only: takes no lock). */
  public static Properties holder(CxConfig config) {
    return localFolder(config.warehouse())
        .map(w -> read(w.resolve("_cxgap")))
        .orElseGet(Properties::new);
  }

  private void save() throws IOException {
    Path tmp = dir.resolve("holder.properties.tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      holder.store(w, "cxgap run lock holder");
    }
    Files.move(
        tmp,
        dir.resolve("holder.properties"),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  private static Properties read(Path dir) {
    Properties p = new Properties();
    Path f = dir.resolve("holder.properties");
    if (Files.isRegularFile(f)) {
      try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException | IllegalArgumentException e) {
        p.setProperty("pid", "?");
      }
    }
    return p;
  }

  /** The local folder of a warehouse: a plain path or a file: URI; empty for other schemes. */
  static Optional<Path> localFolder(String warehouse) {
    return Locations.localPath(warehouse).map(Path::toAbsolutePath);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // the lock goes with the channel; nothing more to do
      }
    }
  }
}
