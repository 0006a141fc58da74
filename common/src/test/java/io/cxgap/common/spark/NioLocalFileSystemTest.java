package io.cxgap.common.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.SparkTestBase;
import io.cxgap.common.config.ConfigLoader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local file system without child processes gives what Hadoop's own gives: file modes as {@code
 * chmod} sets them, link status as Hadoop's {@code readlink} reads it, and a {@code FileContext}
 * rename (Delta's log write) that refuses an existing target.
 */
class NioLocalFileSystemTest extends SparkTestBase {
  @TempDir Path dir;

  private static org.apache.hadoop.fs.Path hadoop(Path p) {
    return new org.apache.hadoop.fs.Path(p.toUri());
  }

  private static NioLocalFileSystem.Raw raw() throws Exception {
    NioLocalFileSystem.Raw fs = new NioLocalFileSystem.Raw();
    fs.initialize(URI.create("file:///"), new Configuration(false));
    return fs;
  }

  /** Hadoop's own local file system, which runs readlink and ls -ld: what ours must match. */
  private static RawLocalFileSystem hadoops() throws Exception {
    RawLocalFileSystem fs = new RawLocalFileSystem();
    fs.initialize(URI.create("file:///"), new Configuration(false));
    return fs;
  }

  @Test
  void setPermission_setsTheModeChmodWould() throws Exception {
    Path f = Files.writeString(dir.resolve("f"), "x");
    NioLocalFileSystem.Raw fs = raw();
    // octal 0640 = rw- r-- ---, 0755 = rwx r-x r-x, 0604 = rw- --- r--
    fs.setPermission(hadoop(f), new FsPermission((short) 0640));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
        .isEqualTo("rw-r-----");
    fs.setPermission(hadoop(f), new FsPermission((short) 0755));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
        .isEqualTo("rwxr-xr-x");
    fs.setPermission(hadoop(f), new FsPermission((short) 0604));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
        .isEqualTo("rw----r--");
  }

  @Test
  void linkStatus_ofALinkAFileAndADanglingLink_isHadoopsOwn() throws Exception {
    Path target = Files.writeString(dir.resolve("target.txt"), "hello", StandardCharsets.UTF_8);
    Path link = Files.createSymbolicLink(dir.resolve("link"), target);
    Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("gone"));
    NioLocalFileSystem.Raw ours = raw();
    RawLocalFileSystem hadoops = hadoops();
    for (Path p : List.of(target, link, dangling)) {
      // Hadoop's own asks readlink with the path as given: a plain path, not a file: URI
      FileStatus want = hadoops.getFileLinkStatus(new org.apache.hadoop.fs.Path(p.toString()));
      FileStatus got = ours.getFileLinkStatus(hadoop(p));
      assertThat(got.isSymlink()).as("%s is a link", p).isEqualTo(want.isSymlink());
      assertThat(got.isFile()).as("%s is a file", p).isEqualTo(want.isFile());
      assertThat(got.getLen()).as("%s length", p).isEqualTo(want.getLen());
      if (want.isSymlink()) {
        assertThat(got.getSymlink()).as("%s target", p).isEqualTo(want.getSymlink());
      }
    }
    URI qualified = ours.getFileLinkStatus(hadoop(link)).getSymlink().toUri();
    assertThat(qualified.getScheme()).as("qualified").isEqualTo("file");
    assertThat(qualified.getPath()).isEqualTo(target.toString());
  }

  @Test
  void modeOwnerAndGroup_ofStatedAndListedFiles_areWhatHadoopsLsGives_readWhenAsked()
      throws Exception {
    Path folder = Files.createDirectory(dir.resolve("landing"));
    Path f = Files.writeString(folder.resolve("a.csv"), "x");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-x---"));
    NioLocalFileSystem.Raw ours = raw();
    RawLocalFileSystem hadoops = hadoops();

    List<FileStatus> got = new ArrayList<>(List.of(ours.getFileStatus(hadoop(folder))));
    List<FileStatus> want = new ArrayList<>(List.of(hadoops.getFileStatus(hadoop(folder))));
    got.addAll(List.of(ours.listStatus(hadoop(folder))));
    want.addAll(List.of(hadoops.listStatus(hadoop(folder))));
    var files = ours.listFiles(hadoop(folder), false);
    got.add(files.next());
    want.add(hadoops.listFiles(hadoop(folder), false).next());
    assertThat(got).hasSize(3);
    for (int i = 0; i < got.size(); i++) {
      String what = got.get(i).getPath().getName() + " (" + i + ")";
      assertThat(got.get(i).getPermission()).as(what).isEqualTo(want.get(i).getPermission());
      assertThat(got.get(i).getOwner()).as(what).isEqualTo(want.get(i).getOwner()).isNotEmpty();
      assertThat(got.get(i).getGroup()).as(what).isEqualTo(want.get(i).getGroup()).isNotEmpty();
      assertThat(got.get(i).getLen()).as(what).isEqualTo(want.get(i).getLen());
      assertThat(got.get(i).isDirectory()).as(what).isEqualTo(want.get(i).isDirectory());
    }
    // 0640 and 0750 as octal numbers
    assertThat(got.get(1).getPermission().toShort()).isEqualTo((short) 0640);
    assertThat(got.get(0).getPermission().toShort()).isEqualTo((short) 0750);

    // read when first asked, as Hadoop's own: a mode changed after the listing is the one given
    FileStatus ourLater = ours.getFileStatus(hadoop(f));
    FileStatus hadoopsLater = hadoops.getFileStatus(hadoop(f));
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    assertThat(ourLater.getPermission().toShort())
        .isEqualTo(hadoopsLater.getPermission().toShort())
        .isEqualTo((short) 0600);

    // Java serialization carries what was read
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(ours.getFileStatus(hadoop(f)));
    }
    try (var in =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      FileStatus back = (FileStatus) in.readObject();
      assertThat(back.getPermission().toShort()).isEqualTo((short) 0600);
      assertThat(back.getOwner()).isEqualTo(hadoopsLater.getOwner());
      assertThat(back.getPath()).isEqualTo(hadoopsLater.getPath());
    }
  }

  @Test
  void theSessionsFileContext_isOurs_andItsRenameRefusesAnExistingTarget() throws Exception {
    Configuration conf = spark().sparkContext().hadoopConfiguration();
    FileContext fc = FileContext.getFileContext(dir.toUri(), conf);
    assertThat(fc.getDefaultFileSystem()).isInstanceOf(NioLocalFs.class);
    assertThat(FileSystem.get(dir.toUri(), conf)).isInstanceOf(NioLocalFileSystem.class);
    org.apache.hadoop.fs.Path tmp = hadoop(dir.resolve(".00001.json.tmp"));
    org.apache.hadoop.fs.Path log = hadoop(dir.resolve("00001.json"));
    try (var out = fc.create(tmp, EnumSet.of(org.apache.hadoop.fs.CreateFlag.CREATE))) {
      out.write("{}".getBytes(StandardCharsets.UTF_8));
    }
    fc.rename(tmp, log, Options.Rename.NONE);
    assertThat(Files.readString(dir.resolve("00001.json"))).isEqualTo("{}");
    assertThat(dir.resolve(".00001.json.tmp")).doesNotExist();
    try (var out = fc.create(tmp, EnumSet.of(org.apache.hadoop.fs.CreateFlag.CREATE))) {
      out.write("[]".getBytes(StandardCharsets.UTF_8));
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> fc.rename(tmp, log, Options.Rename.NONE))
        .isInstanceOf(org.apache.hadoop.fs.FileAlreadyExistsException.class);
    assertThat(Files.readString(dir.resolve("00001.json"))).as("kept").isEqualTo("{}");
  }

  @Test
  void applicationConf_setsItForOneMachine_andClusterConf_keepsHadoops() {
    Path root = Path.of(System.getProperty("cx.repo.root", "..")).toAbsolutePath();
    assertThat(ConfigLoader.load(dir, null, List.of()).spark())
        .containsEntry("spark.hadoop.fs.file.impl", NioLocalFileSystem.class.getName())
        .containsEntry("spark.hadoop.fs.AbstractFileSystem.file.impl", NioLocalFs.class.getName());
    assertThat(ConfigLoader.load(dir, root.resolve("conf/cluster.conf"), List.of()).spark())
        .doesNotContainKeys(
            "spark.hadoop.fs.file.impl", "spark.hadoop.fs.AbstractFileSystem.file.impl");
  }
}
