package io.digiready.agent.protection;

import java.util.List;
import java.util.Map;

/**
 * What the OS said about anti-malware, as raw as it came: rows of WMI answers keyed by property
 * name (any case), systemd unit states. {@link ProtectionMapper} turns it into the report. A null
 * part is a source that did not answer (or does not exist on this OS).
 *
 * @param securityCenter Windows Security Center {@code root\SecurityCenter2 AntiVirusProduct}
 * @param defender Windows Defender {@code root\Microsoft\Windows\Defender MSFT_MpComputerStatus}
 * @param scannerUnits Linux: a known scanner's systemd units and their state ({@code active}, ...);
 *     null when none of them is installed
 * @param scannerDatabaseEpochSeconds Linux: when the scanner's newest signature file was written
 */
public record ProtectionReading(
    List<Map<String, Object>> securityCenter,
    Map<String, Object> defender,
    Map<String, String> scannerUnits,
    Long scannerDatabaseEpochSeconds) {}
