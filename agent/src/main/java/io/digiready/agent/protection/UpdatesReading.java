package io.digiready.agent.protection;

import java.util.List;

/**
 * What the OS said about its updates, raw. A null part did not answer or does not exist here.
 *
 * @param hotfixInstalledOn Windows: {@code Win32_QuickFixEngineering.InstalledOn} of each hotfix
 * @param packageLog Linux: the last lines of {@code /var/log/dpkg.log}
 * @param aptHistory Linux: the last lines of {@code /var/log/apt/history.log}
 * @param rebootPending true when the OS flags a pending reboot (Windows Update and servicing
 *     registry keys; {@code /var/run/reboot-required}); null when this OS has no such flag
 */
public record UpdatesReading(
    List<String> hotfixInstalledOn,
    List<String> packageLog,
    List<String> aptHistory,
    Boolean rebootPending) {}
