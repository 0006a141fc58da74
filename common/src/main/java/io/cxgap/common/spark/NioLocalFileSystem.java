package io.cxgap.common.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
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
 * Hadoop's local file system ({@code file:}) with file modes and symbolic links handled through
 * {@code java.nio} instead of a child process per call. Without Hadoop's native library, which
 * Spark does not ship, {@link RawLocalFileSystem} runs {@code chmod} for every file and folder it
 * creates and {@code readlink} twice for every rename through {@code FileContext} (each Delta
 * commit renames its log file that way): thousands of processes for one nightly on local disk.
 * Everything else is Hadoop's. {@code conf/application.conf} sets it for one-machine runs ({@code
 * spark.hadoop.fs.file.impl}, with {@link NioLocalFs} for {@code FileContext}); {@code
 * conf/cluster.conf} keeps Hadoop's own.
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
}
