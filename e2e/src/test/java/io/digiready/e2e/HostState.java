package io.digiready.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a digiready install leaves on this machine: every file and folder named digiready* under the
 * folders the install scripts write to (with what is inside), and the digiready* users and groups.
 * A test that runs an install script on the host compares it before and after, so that it never has
 * to assume the machine was clean and never removes what it did not create.
 */
final class HostState {
  private static final List<Path> FOLDERS =
      List.of(
          Path.of("/opt"),
          Path.of("/etc"),
          Path.of("/etc/systemd/system"),
          Path.of("/var/lib"),
          Path.of("/var/backups"),
          Path.of("/var/cache"));

  private HostState() {}

  static List<String> snapshot() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path folder : FOLDERS) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> entries = Files.list(folder)) {
        for (Path entry :
            entries.filter(p -> p.getFileName().toString().startsWith("digiready")).toList()) {
          try (Stream<Path> inside = Files.walk(entry)) {
            inside.map(Path::toString).forEach(found::add);
          }
        }
      }
    }
    for (String file : List.of("/etc/passwd", "/etc/group", "/etc/shadow")) {
      Path accounts = Path.of(file);
      if (Files.isReadable(accounts)) {
        Files.readAllLines(accounts).stream()
            .filter(l -> l.startsWith("digiready"))
            .map(l -> file + ": " + l.substring(0, l.indexOf(':')))
            .forEach(found::add);
      }
    }
    return found.stream().sorted().toList();
  }
}
