package io.digiready.collector.fleet;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

/**
 * A unit's office hours as given in the API; every field may be null, and a null field is taken
 * from the parent unit (the root falls back to {@link #DEFAULT}).
 *
 * <pre>{"timeZone":"Asia/Ho_Chi_Minh","days":["MON","TUE","WED","THU","FRI"],
 *  "start":"07:00","end":"17:00","holidays":["2026-09-02"]}</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OfficeHours(
    String timeZone, List<String> days, String start, String end, List<String> holidays) {

  public static final OfficeHours DEFAULT =
      new OfficeHours(
          "Asia/Ho_Chi_Minh",
          List.of("MON", "TUE", "WED", "THU", "FRI"),
          "07:00",
          "17:00",
          List.of());

  /** This unit's own fields, with the parent's for those it leaves unset. */
  public OfficeHours over(OfficeHours parent) {
    return new OfficeHours(
        timeZone != null ? timeZone : parent.timeZone,
        days != null ? days : parent.days,
        start != null ? start : parent.start,
        end != null ? end : parent.end,
        holidays != null ? holidays : parent.holidays);
  }

  /** True when {@code now} falls on a working day, not a holiday, within [start, end). */
  public boolean isOpen(java.time.Instant now) {
    ZonedDateTime local = now.atZone(ZoneId.of(timeZone));
    if (holidays.contains(local.toLocalDate().toString())) {
      return false;
    }
    if (!days.contains(abbreviation(local.getDayOfWeek()))) {
      return false;
    }
    LocalTime time = local.toLocalTime();
    return !time.isBefore(LocalTime.parse(start)) && time.isBefore(LocalTime.parse(end));
  }

  private static String abbreviation(DayOfWeek day) {
    return day.name().substring(0, 3);
  }

  /** Checks the given fields; returns a "field: expectation" message or null when fine. */
  public String problem(String prefix) {
    if (timeZone != null) {
      try {
        ZoneId.of(timeZone);
      } catch (RuntimeException e) {
        return prefix + ".timeZone: must be an IANA time zone such as Asia/Ho_Chi_Minh";
      }
    }
    if (days != null) {
      if (days.size() > 7) {
        return prefix + ".days: at most 7 days";
      }
      for (String day : days) {
        if (day == null
            || !List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")
                .contains(day.toUpperCase(Locale.ROOT))
            || !day.equals(day.toUpperCase(Locale.ROOT))) {
          return prefix + ".days: each day must be one of MON TUE WED THU FRI SAT SUN";
        }
      }
    }
    for (String[] time : new String[][] {{"start", start}, {"end", end}}) {
      if (time[1] != null && !time[1].matches("([01][0-9]|2[0-3]):[0-5][0-9]")) {
        return prefix + "." + time[0] + ": must be HH:mm such as 07:00";
      }
    }
    if (start != null && end != null && start.compareTo(end) >= 0) {
      return prefix + ".end: must be after start";
    }
    if (holidays != null) {
      if (holidays.size() > 366) {
        return prefix + ".holidays: at most 366 dates";
      }
      for (String date : holidays) {
        try {
          LocalDate.parse(date == null ? "" : date);
        } catch (RuntimeException e) {
          return prefix + ".holidays: each must be a date such as 2026-09-02";
        }
      }
    }
    return null;
  }
}
