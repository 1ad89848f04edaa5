package io.digiready.agent.protection;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.COM.COMException;
import com.sun.jna.platform.win32.COM.WbemcliUtil;
import com.sun.jna.platform.win32.WinReg;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import oshi.util.platform.windows.WmiQueryHandler;

/**
 * The Windows side of protection and updates, read through OSHI's WMI handler (COM set up as OSHI
 * does it) and JNA's registry helpers. Thin on purpose: each method is one query, whose answer is
 * returned as rows of property name to value for {@link ProtectionMapper}. A query that fails (the
 * namespace does not exist, as Security Center on Windows Server) or does not answer within its
 * timeout returns null. Only called on Windows.
 */
public final class WindowsSecurity {
  static final String SECURITY_CENTER = "ROOT\\SecurityCenter2";
  static final String DEFENDER = "ROOT\\Microsoft\\Windows\\Defender";

  /** Property names as WMI spells them (WQL is case-insensitive). */
  enum AntiVirusProduct {
    DISPLAYNAME,
    PRODUCTSTATE
  }

  enum MpComputerStatus {
    AMSERVICEENABLED,
    ANTIVIRUSENABLED,
    REALTIMEPROTECTIONENABLED,
    ANTIVIRUSSIGNATUREAGE
  }

  enum QuickFixEngineering {
    HOTFIXID,
    INSTALLEDON
  }

  private static final String[] REBOOT_KEYS = {
    "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired",
    "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending"
  };

  private WindowsSecurity() {}

  public static List<Map<String, Object>> securityCenterProducts(int timeoutMillis) {
    return query(SECURITY_CENTER, "AntiVirusProduct", AntiVirusProduct.class, timeoutMillis);
  }

  /** Defender's status row, or null. */
  public static Map<String, Object> defenderStatus(int timeoutMillis) {
    List<Map<String, Object>> rows =
        query(DEFENDER, "MSFT_MpComputerStatus", MpComputerStatus.class, timeoutMillis);
    return rows == null || rows.isEmpty() ? null : rows.get(0);
  }

  public static List<String> hotfixInstalledOn(int timeoutMillis) {
    List<Map<String, Object>> rows =
        query("ROOT\\CIMV2", "Win32_QuickFixEngineering", QuickFixEngineering.class, timeoutMillis);
    if (rows == null) {
      return null;
    }
    List<String> dates = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Object on = row.get(QuickFixEngineering.INSTALLEDON.name());
      if (on != null) {
        dates.add(on.toString());
      }
    }
    return dates;
  }

  /** True when Windows Update or component servicing waits for a reboot. */
  public static Boolean rebootPending() {
    for (String key : REBOOT_KEYS) {
      if (Advapi32Util.registryKeyExists(WinReg.HKEY_LOCAL_MACHINE, key)) {
        return true;
      }
    }
    return false;
  }

  private static <T extends Enum<T>> List<Map<String, Object>> query(
      String namespace, String wmiClass, Class<T> properties, int timeoutMillis) {
    WmiQueryHandler handler = WmiQueryHandler.createInstance();
    if (handler == null) {
      return null;
    }
    boolean comInit = false;
    try {
      comInit = handler.initCOM();
      WbemcliUtil.WmiResult<T> result =
          new WbemcliUtil.WmiQuery<>(namespace, wmiClass, properties).execute(timeoutMillis);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i = 0; i < result.getResultCount(); i++) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (T property : properties.getEnumConstants()) {
          row.put(property.name(), result.getValue(property, i));
        }
        rows.add(row);
      }
      return rows;
    } catch (COMException | TimeoutException e) {
      return null; // no such namespace (Windows Server), access denied, or no answer in time
    } finally {
      if (comInit) {
        handler.unInitCOM();
      }
    }
  }
}
