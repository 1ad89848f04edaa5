package io.digiready.simulator;

import io.digiready.protocol.Fingerprint;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * A deterministic model of a district's PCs: how many each unit has, how each is used, which fail
 * the readiness policy, which commune's line is down, one reimaged PC and one cloned pair. The same
 * seed and units always give the same fleet.
 */
public final class District {
  private static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  final List<UnitRow> units;
  final List<SimMachine> machines;
  final String lineDownUnit;

  /** Enrolled twice (operating system reinstalled): must stay one machine. */
  final SimMachine reimaged;

  /** The second of a cloned pair: same hardware identity as {@link #cloneOriginal}. */
  final SimMachine cloneCopy;

  final SimMachine cloneOriginal;

  private District(
      List<UnitRow> units,
      List<SimMachine> machines,
      String lineDownUnit,
      SimMachine reimaged,
      SimMachine cloneOriginal,
      SimMachine cloneCopy) {
    this.units = units;
    this.machines = machines;
    this.lineDownUnit = lineDownUnit;
    this.reimaged = reimaged;
    this.cloneOriginal = cloneOriginal;
    this.cloneCopy = cloneCopy;
  }

  public List<SimMachine> machines() {
    return machines;
  }

  public static District generate(
      List<UnitRow> units, int machineCount, long seed, boolean withStale) {
    Random random = new Random(seed);
    List<UnitRow> staffed =
        units.stream()
            .filter(u -> u.staff() > 0)
            .sorted(Comparator.comparing(UnitRow::code))
            .toList();
    if (staffed.isEmpty() || machineCount < 4) {
      throw new IllegalArgumentException("need a unit with staff and at least 4 machines");
    }
    int[] perUnit = allocate(staffed, machineCount);
    List<UnitRow> communes = staffed.stream().filter(u -> "commune".equals(u.kind())).toList();
    String lineDown =
        (communes.isEmpty() ? staffed : communes)
            .get(random.nextInt((communes.isEmpty() ? staffed : communes).size()))
            .code();

    List<SimMachine> machines = new ArrayList<>();
    for (int u = 0; u < staffed.size(); u++) {
      UnitRow unit = staffed.get(u);
      for (int i = 1; i <= perUnit[u]; i++) {
        machines.add(machine(random, unit, i, unit.code().equals(lineDown), null, withStale));
      }
    }
    List<SimMachine> present =
        machines.stream().filter(m -> m.power != SimMachine.Power.GONE).toList();
    if (present.size() < 2) {
      throw new IllegalArgumentException("too few machines for a cloned pair and a reimaged PC");
    }
    SimMachine original = present.get(random.nextInt(present.size()));
    SimMachine copy =
        machine(
            random,
            unitOf(staffed, original.unit),
            900,
            original.lineDown,
            original.fingerprint,
            false);
    machines.add(copy);
    List<SimMachine> others = present.stream().filter(m -> m != original).toList();
    SimMachine reimaged = others.get(random.nextInt(others.size()));
    return new District(units, List.copyOf(machines), lineDown, reimaged, original, copy);
  }

  /** True when a PC used in office hours is switched on at {@code now}. */
  public static boolean officeHours(Instant now) {
    ZonedDateTime local = now.atZone(OFFICE_ZONE);
    DayOfWeek day = local.getDayOfWeek();
    int hour = local.getHour();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && hour >= 7 && hour < 17;
  }

  /** Whether a PC is switched on now. */
  public static boolean poweredOn(SimMachine m, Instant now) {
    return switch (m.power) {
      case ALWAYS_ON -> true;
      case SWITCHED_OFF, GONE -> false;
      case OFFICE_HOURS -> officeHours(now);
    };
  }

  private static UnitRow unitOf(List<UnitRow> units, String code) {
    return units.stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow();
  }

  /** Shares machines out by headcount (largest remainder), so most units are near their staff. */
  static int[] allocate(List<UnitRow> units, int machines) {
    long staff = units.stream().mapToLong(UnitRow::staff).sum();
    int[] share = new int[units.size()];
    double[] remainder = new double[units.size()];
    int given = 0;
    for (int i = 0; i < units.size(); i++) {
      double exact = (double) machines * units.get(i).staff() / staff;
      share[i] = (int) Math.floor(exact);
      remainder[i] = exact - share[i];
      given += share[i];
    }
    while (given < machines) {
      int best = 0;
      for (int i = 1; i < units.size(); i++) {
        if (remainder[i] > remainder[best]) {
          best = i;
        }
      }
      share[best]++;
      remainder[best] = -1;
      given++;
    }
    return share;
  }

  private static SimMachine machine(
      Random random,
      UnitRow unit,
      int index,
      boolean lineDown,
      Fingerprint cloneOf,
      boolean withStale) {
    double p = random.nextDouble();
    SimMachine.Power power =
        p < 0.10
            ? SimMachine.Power.SWITCHED_OFF
            : p < 0.25 ? SimMachine.Power.ALWAYS_ON : SimMachine.Power.OFFICE_HOURS;
    if (withStale && random.nextDouble() < 0.06) {
      power = SimMachine.Power.GONE;
    }
    long memory = (random.nextBoolean() ? 8 : 16) * SimMachine.GIB;
    String osVersion = random.nextBoolean() ? "10" : "11";
    long diskTotal = 256 * SimMachine.GIB;
    long diskFree = (40 + random.nextInt(150)) * SimMachine.GIB;
    Duration clock = Duration.ofSeconds(random.nextInt(20));
    int cpus = 4;
    double flaw = random.nextDouble();
    if (flaw < 0.04) {
      memory = 2 * SimMachine.GIB;
    } else if (flaw < 0.08) {
      osVersion = "7";
    } else if (flaw < 0.11) {
      diskFree = diskTotal / 50;
    } else if (flaw < 0.14) {
      clock = Duration.ofMinutes(65);
    } else if (flaw < 0.16) {
      cpus = 1;
    }
    String suffix = unit.code().substring(unit.code().lastIndexOf('.') + 1);
    String hostname =
        String.format(Locale.ROOT, "PC-%s-%02d", suffix.toUpperCase(Locale.ROOT), index);
    byte[] mac = new byte[6];
    random.nextBytes(mac);
    mac[0] = (byte) ((mac[0] & 0xFC) | 0x02); // locally administered, unicast
    String macText = HexFormat.ofDelimiter(":").formatHex(mac);
    String osInstallId = HexFormat.of().formatHex(randomBytes(random, 16));
    Fingerprint fingerprint =
        cloneOf != null
            ? new Fingerprint(
                cloneOf.hardwareUuid(),
                cloneOf.systemSerial(),
                cloneOf.baseboardSerial(),
                List.of(macText),
                osInstallId)
            : new Fingerprint(
                new UUID(random.nextLong(), random.nextLong()).toString(),
                "SN"
                    + Long.toString(Math.abs(random.nextLong()) % 1_000_000_000L, 36)
                        .toUpperCase(Locale.ROOT),
                "BB"
                    + Long.toString(Math.abs(random.nextLong()) % 1_000_000_000L, 36)
                        .toUpperCase(Locale.ROOT),
                List.of(macText),
                osInstallId);
    return new SimMachine(
        unit.code(),
        hostname,
        fingerprint,
        power,
        lineDown,
        memory,
        "Windows",
        osVersion,
        diskTotal,
        diskFree,
        clock,
        cpus,
        // a stream of its own, so that the rest of the fleet is what it was for the same seed
        SoftwareCatalog.profile(new java.math.BigInteger(osInstallId, 16).longValue()));
  }

  private static byte[] randomBytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  /** A new OS install id for the reimaged PC: same hardware, fresh operating system. */
  static Fingerprint reinstalled(Fingerprint f, long seed) {
    Random random = new Random(seed ^ 0x5eed);
    return new Fingerprint(
        f.hardwareUuid(),
        f.systemSerial(),
        f.baseboardSerial(),
        f.macs(),
        HexFormat.of().formatHex(randomBytes(random, 16)));
  }
}
