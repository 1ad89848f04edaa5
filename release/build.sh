#!/usr/bin/env bash
# Builds every release file from the two runnable jars into one folder:
#   digiready-agent_V_amd64.deb, digiready-collector_V_amd64.deb (each with its own jlinked Java),
#   digiready-agent-V-linux-x64.tar.gz, digiready-collector-V-linux-x64.tar.gz (the same trees),
#   digiready-agent-V-windows.zip (jar, install.ps1, deploy.ps1, README) and SHA256SUMS.
#
#   release/build.sh --version 0.1.0-SNAPSHOT --agent-jar J --collector-jar J --out DIR
#
# Run by `mvn -Prelease package` (module release/) and by the e2e package test. Tools: the JDK's
# jdeps and jlink, dpkg-deb, GNU tar, gzip, zip, sha256sum (all Debian packages). Reproducible:
# every file gets the time of project.build.outputTimestamp (root pom.xml) or $SOURCE_DATE_EPOCH,
# archives list their entries sorted, owners are root, gzip stores no name or time.
# The Maven version maps to a Debian one: 0.1.0-SNAPSHOT -> 0.1.0~SNAPSHOT ("~" sorts before the
# release 0.1.0). Pass --version with a Debian version (0.1.1, 0.2.0~rc1) to set it directly.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
version="" agent_jar="" collector_jar="" out=""
die() { echo "release/build.sh: $1" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --version) version="$2"; shift 2 ;;
    --agent-jar) agent_jar="$2"; shift 2 ;;
    --collector-jar) collector_jar="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) die "unknown argument: $1" ;;
  esac
done
[[ -n "$version" ]] || die "--version is required"
[[ -f "$agent_jar" ]] || die "--agent-jar: no file at '$agent_jar'"
[[ -f "$collector_jar" ]] || die "--collector-jar: no file at '$collector_jar'"
[[ -n "$out" ]] || die "--out is required"
version="${version//-/\~}"
[[ "$version" =~ ^[0-9][A-Za-z0-9.+~]*$ ]] || die "--version: expected a Debian version like 0.1.0 or 0.1.0~SNAPSHOT. Found: $version"

if [[ -z "${SOURCE_DATE_EPOCH:-}" ]]; then
  stamp="$(sed -n 's:.*<project.build.outputTimestamp>\(.*\)</project.build.outputTimestamp>.*:\1:p' "$root/pom.xml")"
  SOURCE_DATE_EPOCH="$(date -u -d "$stamp" +%s)"
fi
export SOURCE_DATE_EPOCH TZ=UTC LC_ALL=C.UTF-8
umask 022

missing=()
for tool in dpkg-deb:dpkg strip:binutils zip:zip tar:tar gzip:gzip sha256sum:coreutils jlink:openjdk-17-jdk-headless; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool%%:*} (Debian package ${tool#*:})")
done
[[ ${#missing[@]} -eq 0 ]] || die "missing: ${missing[*]}"

java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")}"
[[ -d "$java_home/jmods" ]] || die "no jmods/ in $java_home (Debian: apt-get install openjdk-17-jdk-headless)"

mkdir -p "$out"
out="$(cd "$out" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The modules jdeps finds, plus what it cannot see: jdk.crypto.ec (TLS handshakes with EC
# certificates), and for the collector the locale data of its report languages and jdk.zipfs (it
# reads its own jar as a file system: without it "Provider \"jar\" not found").
runtime() { # JAR EXTRA_MODULES DEST [jlink options]
  local jar="$1" extra="$2" dest="$3"
  shift 3
  local mods
  mods="$("$java_home/bin/jdeps" --ignore-missing-deps --multi-release 17 --print-module-deps "$jar")"
  "$java_home/bin/jlink" --add-modules "$mods,$extra" --strip-debug --no-header-files \
    --no-man-pages --compress=2 "$@" --output "$dest"
  # what dh_strip would do: symbol tables out of the native files (lintian: unstripped-binary-or-object)
  find "$dest" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jexec -o -name jspawnhelper \) \
    -exec strip --strip-unneeded --remove-section=.comment --remove-section=.note {} +
  # jlink leaves some files read-only (0444); Debian wants 0644/0755
  find "$dest" -type f -perm 0444 -exec chmod 0644 {} +
}

doc() { # PACKAGE TREE: copyright and Debian changelog
  local pkg="$1" tree="$2" d="$2/usr/share/doc/$1"
  mkdir -p "$d"
  cp "$here/copyright" "$d/copyright"
  printf '%s (%s) stable; urgency=medium\n\n  * Release %s.\n\n -- digiready <digiready@example.org>  %s\n' \
    "$pkg" "$version" "$version" "$(date -u -R -d "@$SOURCE_DATE_EPOCH")" | gzip -9n >"$d/changelog.gz"
}

# Package-specific unit: the source tree's unit with the package's paths (the hardening is kept
# in one file, install/*/linux/*.service).
unit() { # SOURCE DEST sed-expressions...
  local src="$1" dest="$2"
  shift 2
  mkdir -p "$(dirname "$dest")"
  sed -e '1s/installed by .*/from the Debian package (Java: its own runtime beside the launcher)./' \
    -e '/@JAVA_HOME_LINE@/d' "$@" "$src" >"$dest"
  chmod 0644 "$dest"
}

deb() { # PACKAGE TREE
  local pkg="$1" tree="$2"
  find "$tree" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
  mkdir -p "$tree/DEBIAN"
  sed -e "s/@VERSION@/$version/" \
      -e "s/@SIZE@/$(du -sk --exclude=DEBIAN "$tree" | cut -f1)/" "$here/$pkg/control" >"$tree/DEBIAN/control"
  for script in postinst prerm postrm; do
    install -m 0755 "$here/$pkg/$script" "$tree/DEBIAN/$script"
  done
  if [[ -f "$here/$pkg/conffiles" ]]; then install -m 0644 "$here/$pkg/conffiles" "$tree/DEBIAN/conffiles"; fi
  (cd "$tree" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) >"$tree/DEBIAN/md5sums"
  find "$tree/DEBIAN" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
  dpkg-deb --root-owner-group -Zgzip -z9 --build "$tree" "$out/${pkg}_${version}_amd64.deb" >/dev/null
}

tarball() { # PACKAGE TREE: the deb's files under one top folder, without DEBIAN/
  local pkg="$1" tree="$2" name="$1-$version-linux-x64"
  tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner --format=gnu \
    --exclude=./DEBIAN --transform "s,^\.,$name," -C "$tree" -cf - . | gzip -6n >"$out/$name.tar.gz"
}

# --- agent -----------------------------------------------------------------------------------
a="$work/agent"
al="$a/usr/lib/digiready-agent"
mkdir -p "$al" "$a/usr/bin" "$a/etc/digiready-agent"
# No class-data archive in the package: Java 17 does not write the same one twice (the build would
# not be reproducible); postinst makes it on the PC (java -Xshare:dump), the launcher's AppCDS
# archive of the agent's own classes builds on it.
runtime "$agent_jar" jdk.crypto.ec "$al/runtime"
install -m 0644 "$agent_jar" "$al/digiready-agent.jar"
# the classes of the service and of its inventory child, from which the launcher dumps their
# class-data archives before the first start
install -m 0644 "$root/install/agent/linux/digiready-agent.classlist" "$al/digiready-agent.classlist"
install -m 0644 "$root/install/agent/linux/digiready-agent-inventory.classlist" \
  "$al/digiready-agent-inventory.classlist"
install -m 0755 "$root/install/agent/linux/digiready-agent" "$al/digiready-agent"
install -m 0755 "$here/digiready-agent/digiready-agent" "$a/usr/bin/digiready-agent"
install -m 0644 "$here/digiready-agent/agent.properties" "$a/etc/digiready-agent/agent.properties"
unit "$root/install/agent/linux/digiready-agent.service" "$a/lib/systemd/system/digiready-agent.service" \
  -e 's|/etc/digiready/agent.properties|/etc/digiready-agent/agent.properties|' \
  -e 's|^ExecStart=/opt/digiready-agent/digiready-agent|ExecStart=/usr/lib/digiready-agent/digiready-agent|'
doc digiready-agent "$a"
deb digiready-agent "$a"
tarball digiready-agent "$a"

# --- collector -------------------------------------------------------------------------------
c="$work/collector"
cl="$c/usr/lib/digiready-collector"
mkdir -p "$cl" "$c/usr/bin"
runtime "$collector_jar" jdk.crypto.ec,jdk.localedata,jdk.zipfs "$cl/runtime" --include-locales=en,vi
install -m 0644 "$collector_jar" "$cl/digiready-collector.jar"
install -m 0755 "$root/install/collector/linux/digiready-collector" "$cl/digiready-collector"
ln -s ../lib/digiready-collector/digiready-collector "$c/usr/bin/digiready-collector"
for u in digiready-collector.service digiready-collector-backup.service digiready-collector-backup.timer; do
  unit "$root/install/collector/linux/$u" "$c/lib/systemd/system/$u" \
    -e 's|/etc/digiready/collector.properties|/etc/digiready-collector/collector.properties|' \
    -e 's|/opt/digiready-collector/digiready-collector|/usr/lib/digiready-collector/digiready-collector|'
done
doc digiready-collector "$c"
deb digiready-collector "$c"
tarball digiready-collector "$c"

# --- Windows bundle --------------------------------------------------------------------------
w="$work/digiready-agent-$version-windows"
mkdir -p "$w"
install -m 0644 "$agent_jar" "$w/digiready-agent.jar"
for f in install.ps1 deploy.ps1 README.md; do install -m 0644 "$root/install/agent/windows/$f" "$w/$f"; done
find "$w" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
rm -f "$out/digiready-agent-$version-windows.zip"
(cd "$work" && find "digiready-agent-$version-windows" | sort | zip -q -X -D -9 -@ "$out/digiready-agent-$version-windows.zip")

(cd "$out" && sha256sum -- *"$version"* | grep -v SHA256SUMS >SHA256SUMS.new && mv SHA256SUMS.new SHA256SUMS)
cat "$out/SHA256SUMS"
