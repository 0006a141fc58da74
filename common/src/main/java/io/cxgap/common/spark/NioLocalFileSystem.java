package io.cxgap.common.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.FSLinkResolver;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system ({@code file:}) with file modes, owners and symbolic links handled
 * through {@code java.nio} instead of a child process per call. Without Hadoop's native library,
 * which Spark does not ship, {@link RawLocalFileSystem} runs {@code chmod} for every file and
 * folder it creates, {@code readlink} twice for every rename through {@code FileContext} (each
 * Delta commit renames its log file that way) and {@code ls -ld} for every file whose mode or owner
 * is asked for ({@code listFiles} asks for each file it lists): thousands of processes for one
 * nightly on local disk. Everything else is Hadoop's. {@code conf/application.conf} sets it for
 * one-machine runs ({@code spark.hadoop.fs.file.impl}, with {@link NioLocalFs} for {@code
 * FileContext}); {@code conf/cluster.conf} keeps Hadoop's own.
 */
public class NioLocalFileSystem extends LocalFileSystem {
  public NioLocalFileSystem() {
    super(new Raw());
  }

  /**
   * The raw (checksum-less) file system under both {@link NioLocalFileSystem} and {@link
   * NioLocalFs}.
   */
  static final class Raw extends RawLocalFileSystem {
    /**
     * POSIX permission bits from the lowest (others' execute) up, as {@code chmod} numbers them.
     */
    private static final PosixFilePermission[] BITS = {
      PosixFilePermission.OTHERS_EXECUTE,
      PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };

    /** {@code mode}'s read, write and execute bits (sticky and set-id bits aside). */
    static Set<PosixFilePermission> posix(short mode) {
      Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
      for (int i = 0; i < BITS.length; i++) {
        if ((mode & (1 << i)) != 0) {
          s.add(BITS[i]);
        }
      }
      return s;
    }

    /** The mode bits of {@code permissions}: the inverse of {@link #posix}. */
    static short mode(Set<PosixFilePermission> permissions) {
      short m = 0;
      for (int i = 0; i < BITS.length; i++) {
        if (permissions.contains(BITS[i])) {
          m |= (short) (1 << i);
        }
      }
      return m;
    }

    @Override
    public FileStatus getFileStatus(Path f) throws IOException {
      return lazy(super.getFileStatus(f));
    }

    @Override
    public FileStatus[] listStatus(Path f) throws IOException {
      FileStatus[] listed = super.listStatus(f);
      for (int i = 0; i < listed.length; i++) {
        listed[i] = lazy(listed[i]);
      }
      return listed;
    }

    private FileStatus lazy(FileStatus hadoops) {
      return hadoops.isSymlink()
          ? hadoops
          : new NioFileStatus(hadoops, pathToFile(hadoops.getPath()).toPath());
    }

    /** As {@code chmod}; a sticky bit, or a file system without POSIX modes, goes to Hadoop's. */
    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      if (permission.getStickyBit()) {
        super.setPermission(p, permission);
        return;
      }
      try {
        Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission.toShort()));
      } catch (UnsupportedOperationException notPosix) {
        super.setPermission(p, permission);
      }
    }

    /**
     * The status of {@code f} itself: a link's with its target (qualified, as {@code FileContext}
     * expects), or the file's or folder's. Hadoop's version asks {@code readlink}.
     */
    @Override
    public FileStatus getFileLinkStatus(Path f) throws IOException {
      java.nio.file.Path p = pathToFile(f).toPath();
      if (!Files.isSymbolicLink(p)) {
        return getFileStatus(f);
      }
      Path target = new Path(Files.readSymbolicLink(p).toString());
      FileStatus link;
      try {
        FileStatus s = getFileStatus(f);
        link =
            new FileStatus(
                s.getLen(),
                false,
                s.getReplication(),
                s.getBlockSize(),
                s.getModificationTime(),
                s.getAccessTime(),
                s.getPermission(),
                s.getOwner(),
                s.getGroup(),
                target,
                f);
      } catch (FileNotFoundException dangling) {
        link = new FileStatus(0, false, 0, 0, 0, 0, FsPermission.getDefault(), "", "", target, f);
      }
      link.setSymlink(FSLinkResolver.qualifySymlinkTarget(getUri(), link.getPath(), target));
      return link;
    }
  }

  /**
   * Hadoop's status of a local file or folder, with its mode, owner and group read through {@code
   * java.nio} the first time one of them is asked for, as Hadoop's own reads them then (by {@code
   * ls -ld}). Where {@code java.nio} cannot read them (no POSIX attributes, the file gone),
   * Hadoop's own status answers, as it would have.
   */
  static final class NioFileStatus extends FileStatus {
    private static final long serialVersionUID = 1L;
    private final transient FileStatus hadoops;
    private final transient java.nio.file.Path file;
    private boolean loaded;

    NioFileStatus(FileStatus hadoops, java.nio.file.Path file) {
      super(
          hadoops.getLen(),
          hadoops.isDirectory(),
          hadoops.getReplication(),
          hadoops.getBlockSize(),
          hadoops.getModificationTime(),
          hadoops.getAccessTime(),
          null,
          null,
          null,
          hadoops.getPath());
      this.hadoops = hadoops;
      this.file = file;
    }

    private synchronized void load() {
      if (loaded) {
        return;
      }
      loaded = true;
      try {
        // as ls -ld: the link itself, not its target
        PosixFileAttributes a =
            Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        setPermission(new FsPermission(Raw.mode(a.permissions())));
        setOwner(a.owner().getName());
        setGroup(a.group().getName());
      } catch (UnsupportedOperationException | IOException notPosixOrGone) {
        setPermission(hadoops.getPermission());
        setOwner(hadoops.getOwner());
        setGroup(hadoops.getGroup());
      }
    }

    @Override
    public FsPermission getPermission() {
      load();
      return super.getPermission();
    }

    @Override
    public String getOwner() {
      load();
      return super.getOwner();
    }

    @Override
    public String getGroup() {
      load();
      return super.getGroup();
    }

    /** Serialized with what it read: the java.nio path does not travel. */
    private Object writeReplace() {
      load();
      return this;
    }
  }
}
