package io.digiready.simulator;

import io.digiready.protocol.Inventory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The applications an office PC of a Vietnamese public administration typically carries, with the
 * spread of versions a real fleet shows (newest first, older ones less often), and the protection
 * and update states the simulator hands out: most PCs protected and updated, some without
 * anti-malware, some with it switched off or out of date, some not updated for more than 60 days.
 */
public final class SoftwareCatalog {
  /** One application: always installed, or on this share of PCs; versions newest first. */
  record App(String name, String vendor, double share, List<String> versions) {}

  static final List<App> APPS =
      List.of(
          app(
              "Microsoft Edge",
              "Microsoft Corporation",
              1.0,
              "131.0.2903.70",
              "130.0.2849.80",
              "128.0.2739.79"),
          app(
              "Microsoft Visual C++ 2015-2022 Redistributable (x64)",
              "Microsoft Corporation",
              0.95,
              "14.40.33810.0",
              "14.38.33135.0",
              "14.32.31332.0"),
          app(
              "Microsoft Visual C++ 2015-2022 Redistributable (x86)",
              "Microsoft Corporation",
              0.9,
              "14.40.33810.0",
              "14.38.33135.0"),
          app(
              "Microsoft .NET Desktop Runtime - 8.0.11 (x64)",
              "Microsoft Corporation",
              0.5,
              "8.0.11.34221",
              "8.0.8.33931"),
          app(
              "Google Chrome",
              "Google LLC",
              0.9,
              "131.0.6778.86",
              "130.0.6723.117",
              "129.0.6668.101",
              "126.0.6478.127",
              "109.0.5414.120"),
          app("Cốc Cốc", "COC COC Company Limited", 0.55, "131.0.210", "129.0.160", "124.0.146"),
          app(
              "Mozilla Firefox (x64 en-US)",
              "Mozilla",
              0.25,
              "133.0",
              "132.0.2",
              "128.5.0",
              "115.17.0"),
          app("Microsoft Office Standard 2016", "Microsoft Corporation", 0.35, "16.0.4266.1001"),
          app(
              "Microsoft Office Professional Plus 2019",
              "Microsoft Corporation",
              0.3,
              "16.0.10416.20047",
              "16.0.10405.20015"),
          app(
              "Microsoft 365 Apps for business - vi-vn",
              "Microsoft Corporation",
              0.2,
              "16.0.18129.20158",
              "16.0.17928.20286"),
          app("LibreOffice 7.6.7.2", "The Document Foundation", 0.15, "7.6.7.2"),
          app("WPS Office", "Kingsoft Corp.", 0.1, "12.2.0.18911", "11.2.0.11440"),
          app(
              "Adobe Acrobat Reader DC (64-bit)",
              "Adobe",
              0.6,
              "24.005.20320",
              "24.003.20180",
              "23.008.20470"),
          app("Foxit PDF Reader", "Foxit Software Inc.", 0.35, "2024.3.0.26795", "12.1.3.15356"),
          app("Unikey 4.3 RC5", "Pham Kim Long", 0.8, "4.3.5"),
          app("EVKey", "Lâm Quang Minh", 0.15, "3.3.8"),
          app("Zalo", "VNG Corporation", 0.85, "24.11.1", "24.10.2", "24.8.5", "23.12.1"),
          app("UltraViewer version 6.6.110", "DucFabulous", 0.65, "6.6.110", "6.5.92"),
          app("TeamViewer", "TeamViewer", 0.25, "15.60.3", "15.48.5", "15.21.4"),
          app("AnyDesk", "philandro Software GmbH", 0.15, "ad 8.1.0", "ad 7.1.16"),
          app("7-Zip 24.08 (x64)", "Igor Pavlov", 0.55, "24.08", "23.01"),
          app("WinRAR 7.01 (64-bit)", "win.rar GmbH", 0.45, "7.01.0", "6.24.0"),
          app("VLC media player", "VideoLAN", 0.35, "3.0.21", "3.0.20", "3.0.18"),
          app("Notepad++ (64-bit x64)", "Notepad++ Team", 0.2, "8.7.1", "8.6.9", "8.4.6"),
          app(
              "Zoom Workplace",
              "Zoom Video Communications, Inc.",
              0.3,
              "6.2.11",
              "6.1.1",
              "5.17.11"),
          app("Microsoft Teams classic", "Microsoft Corporation", 0.15, "1.7.00.13456"),
          app(
              "Java 8 Update 431 (64-bit)",
              "Oracle Corporation",
              0.3,
              "8.0.4310.10",
              "8.0.4010.10"),
          app("VNPT-CA Plugin", "VNPT", 0.45, "1.0.4.3", "1.0.3.9"),
          app("Viettel-CA Token Manager", "Viettel Group", 0.3, "2.0.0.5", "1.5.6.0"),
          app("Phần mềm Hỗ trợ kê khai thuế HTKK", "Tổng cục Thuế", 0.2, "5.2.5", "5.1.9"),
          app("iTaxViewer", "Tổng cục Thuế", 0.2, "2.3.1"),
          app(
              "Phần mềm quản lý văn bản và điều hành iOffice",
              "Công ty CP Công nghệ Tin học NetNam",
              0.3,
              "4.2.1",
              "3.9.0"),
          app("MISA Mimosa.NET 2023", "MISA JSC", 0.1, "23.1.0.5"),
          app("Font chữ tiếng Việt TCVN3-Unicode", null, 0.4, "1.0"),
          app("Skype version 8.131", "Skype Technologies S.A.", 0.1, "8.131.0.202"),
          app(
              "Intel(R) Graphics Driver",
              "Intel Corporation",
              0.7,
              "31.0.101.2130",
              "27.20.100.9664"),
          app(
              "Realtek High Definition Audio Driver",
              "Realtek Semiconductor Corp.",
              0.75,
              "6.0.9373.1",
              "6.0.1.8733"));

  private static final String DEFENDER = "Windows Defender";
  private static final String KASPERSKY = "Kaspersky Endpoint Security for Windows";
  private static final String BKAV = "Bkav Pro Internet Security";
  private static final LocalDate FIRST_INSTALL = LocalDate.of(2023, 1, 1);

  private SoftwareCatalog() {}

  private static App app(String name, String vendor, double share, String... versions) {
    return new App(name, vendor, share, List.of(versions));
  }

  /** The profile of one PC; the same seed always gives the same profile. */
  static SecurityProfile profile(long seed) {
    Random random = new Random(seed);
    List<Inventory.Software> software = new ArrayList<>();
    for (App app : APPS) {
      if (random.nextDouble() < app.share()) {
        // the smaller of two draws: newer versions are the common ones
        int index =
            Math.min(random.nextInt(app.versions().size()), random.nextInt(app.versions().size()));
        software.add(
            new Inventory.Software(
                app.name(),
                app.versions().get(index),
                app.vendor(),
                FIRST_INSTALL.plusDays(random.nextInt(700))));
      }
    }
    double p = random.nextDouble();
    SecurityProfile.AntiMalware kind =
        p < 0.06
            ? SecurityProfile.AntiMalware.NONE
            : p < 0.12
                ? SecurityProfile.AntiMalware.DISABLED
                : p < 0.20
                    ? SecurityProfile.AntiMalware.OUT_OF_DATE
                    : SecurityProfile.AntiMalware.PROTECTED;
    String thirdParty = random.nextDouble() < 0.5 ? BKAV : KASPERSKY;
    boolean defenderOnly = random.nextDouble() < 0.6;
    List<Inventory.AntiMalware> products =
        switch (kind) {
          case NONE -> List.of();
          case DISABLED -> List.of(new Inventory.AntiMalware(DEFENDER, false, true));
          case OUT_OF_DATE ->
              defenderOnly
                  ? List.of(new Inventory.AntiMalware(DEFENDER, true, false))
                  : List.of(
                      new Inventory.AntiMalware(DEFENDER, false, true),
                      new Inventory.AntiMalware(thirdParty, true, false));
          case PROTECTED ->
              defenderOnly
                  ? List.of(new Inventory.AntiMalware(DEFENDER, true, true))
                  : List.of(
                      new Inventory.AntiMalware(DEFENDER, false, true),
                      new Inventory.AntiMalware(thirdParty, true, true));
        };
    if (kind != SecurityProfile.AntiMalware.NONE && !defenderOnly) {
      software.add(
          new Inventory.Software(
              thirdParty,
              thirdParty.equals(BKAV) ? "5.2.0.0" : "12.6.0.438",
              thirdParty.equals(BKAV) ? "Bkav Corporation" : "AO Kaspersky Lab",
              FIRST_INSTALL.plusDays(random.nextInt(700))));
    }
    double u = random.nextDouble();
    int daysSinceUpdate =
        u < 0.75
            ? random.nextInt(31)
            : u < 0.88 ? 31 + random.nextInt(30) : 61 + random.nextInt(340);
    boolean rebootPending = random.nextDouble() < 0.1;
    software.sort(Comparator.comparing(Inventory.Software::name, String.CASE_INSENSITIVE_ORDER));
    return new SecurityProfile(
        List.copyOf(software), kind, products, daysSinceUpdate, rebootPending);
  }
}
