package io.digiready.protocol;

import java.util.List;

/**
 * What the collector decides a machine's identity from. Placeholders are mapped to {@code null}
 * before sending, so a {@code null} here always means "not known".
 *
 * @param osInstallId {@code /etc/machine-id} on Linux, {@code MachineGuid} on Windows: changes when
 *     the OS is reinstalled or a disk image is cloned, not when hardware changes
 */
public record Fingerprint(
    String hardwareUuid,
    String systemSerial,
    String baseboardSerial,
    List<String> macs,
    String osInstallId) {}
