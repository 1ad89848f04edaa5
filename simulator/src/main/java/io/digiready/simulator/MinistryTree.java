package io.digiready.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A ministry's whole administration as a unit tree: the ministry, its 63 provinces, about 700
 * districts and about 10,000 communes, with Vietnamese names and a staff spread like real offices
 * (a few large units, many small ones). The same seed always gives the same tree, so a bench run
 * and its re-run compare like with like.
 *
 * <p>Staff is each unit's own headcount (the collector sums the subtree); the communes carry most
 * of it, as they do in a ministry that counts its local offices.
 */
public final class MinistryTree {
  public static final int PROVINCES = 63;

  /** Districts per commune in the real administration: about 700 for 10,000 communes. */
  static final double DISTRICTS_PER_COMMUNE = 0.07;

  /** Own staff of the upper levels, as shares of the whole headcount. */
  static final double MINISTRY_SHARE = 0.002;

  static final double PROVINCES_SHARE = 0.05;
  static final double DISTRICTS_SHARE = 0.15;

  static final String[] PROVINCE_NAMES = {
    "Hà Nội",
    "Hà Giang",
    "Cao Bằng",
    "Bắc Kạn",
    "Tuyên Quang",
    "Lào Cai",
    "Điện Biên",
    "Lai Châu",
    "Sơn La",
    "Yên Bái",
    "Hòa Bình",
    "Thái Nguyên",
    "Lạng Sơn",
    "Quảng Ninh",
    "Bắc Giang",
    "Phú Thọ",
    "Vĩnh Phúc",
    "Bắc Ninh",
    "Hải Dương",
    "Hải Phòng",
    "Hưng Yên",
    "Thái Bình",
    "Hà Nam",
    "Nam Định",
    "Ninh Bình",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Quảng Bình",
    "Quảng Trị",
    "Thừa Thiên Huế",
    "Đà Nẵng",
    "Quảng Nam",
    "Quảng Ngãi",
    "Bình Định",
    "Phú Yên",
    "Khánh Hòa",
    "Ninh Thuận",
    "Bình Thuận",
    "Kon Tum",
    "Gia Lai",
    "Đắk Lắk",
    "Đắk Nông",
    "Lâm Đồng",
    "Bình Phước",
    "Tây Ninh",
    "Bình Dương",
    "Đồng Nai",
    "Bà Rịa - Vũng Tàu",
    "Hồ Chí Minh",
    "Long An",
    "Tiền Giang",
    "Bến Tre",
    "Trà Vinh",
    "Vĩnh Long",
    "Đồng Tháp",
    "An Giang",
    "Kiên Giang",
    "Cần Thơ",
    "Hậu Giang",
    "Sóc Trăng",
    "Bạc Liêu",
    "Cà Mau"
  };

  /** Syllables that Vietnamese place names are commonly made of. */
  static final String[] SYLLABLES = {
    "An", "Bình", "Phú", "Hòa", "Tân", "Thạnh", "Long", "Phước", "Mỹ", "Hưng", "Đông", "Tây", "Nam",
    "Bắc", "Trung", "Thuận", "Lộc", "Hải", "Sơn", "Thủy", "Quang", "Vĩnh", "Đức", "Minh", "Thành",
    "Hiệp", "Lợi", "Xuân", "Cẩm", "Hồng", "Kim", "Ngọc", "Phong", "Quảng", "Thái", "Tiến", "Trường",
    "Văn", "Yên", "Điền"
  };

  private MinistryTree() {}

  /**
   * The tree with {@code communes} communes and about {@code staff} people in all, parents before
   * children (the order the collector's import needs).
   */
  public static List<UnitRow> generate(int communes, long staff, long seed) {
    if (communes < PROVINCES) {
      throw new IllegalArgumentException("communes: at least " + PROVINCES);
    }
    Random random = new Random(seed);
    int districts = Math.max(PROVINCES, (int) Math.round(communes * DISTRICTS_PER_COMMUNE));
    int[] districtsOf = spread(districts, PROVINCES, random);
    int[] communesOf = spread(communes, districts, random);
    long communeStaff =
        Math.round(staff * (1 - MINISTRY_SHARE - PROVINCES_SHARE - DISTRICTS_SHARE));

    List<UnitRow> rows = new ArrayList<>(1 + PROVINCES + districts + communes);
    rows.add(new UnitRow("bo", "Bộ Nội vụ", null, "ministry", share(staff, MINISTRY_SHARE, 1)));
    int district = 0;
    int commune = 0;
    for (int p = 0; p < PROVINCES; p++) {
      String province = String.format("t%02d", p + 1);
      rows.add(
          new UnitRow(
              province,
              "Tỉnh " + PROVINCE_NAMES[p],
              "bo",
              "province",
              headcount(share(staff, PROVINCES_SHARE, PROVINCES), random)));
      for (int d = 0; d < districtsOf[p]; d++, district++) {
        String districtCode = String.format("%s.h%02d", province, d + 1);
        rows.add(
            new UnitRow(
                districtCode,
                "Huyện " + placeName(random),
                province,
                "district",
                headcount(share(staff, DISTRICTS_SHARE, districts), random)));
        for (int c = 0; c < communesOf[district]; c++, commune++) {
          rows.add(
              new UnitRow(
                  String.format("%s.x%02d", districtCode, c + 1),
                  (c % 5 == 4 ? "Phường " : "Xã ") + placeName(random),
                  districtCode,
                  "commune",
                  headcount((int) (communeStaff / communes), random)));
        }
      }
    }
    return rows;
  }

  /** The collector's unit CSV for {@code rows}. */
  public static String csv(List<UnitRow> rows) {
    StringBuilder out =
        new StringBuilder("code,name,parent,kind,staff,equipmentTarget,connectivityTarget\n");
    for (UnitRow r : rows) {
      out.append(r.code())
          .append(',')
          .append(r.name().contains(",") ? '"' + r.name() + '"' : r.name())
          .append(',')
          .append(r.parent() == null ? "" : r.parent())
          .append(',')
          .append(r.kind())
          .append(',')
          .append(r.staff())
          .append(",1.0,0.98\n");
    }
    return out.toString();
  }

  private static int share(long staff, double share, int units) {
    return (int) Math.max(1, Math.round(staff * share / units));
  }

  /**
   * Around {@code mean}, skewed like office sizes: most near the mean, some twice as large, a few a
   * third of it (a log-normal with a spread of about 40 %).
   */
  static int headcount(int mean, Random random) {
    double factor = Math.exp(random.nextGaussian() * 0.4 - 0.08);
    return (int) Math.max(1, Math.round(mean * factor));
  }

  /**
   * {@code total} items over {@code bins}, each bin between half and one and a half times the mean
   * and the sum exact.
   */
  static int[] spread(int total, int bins, Random random) {
    int[] out = new int[bins];
    double mean = (double) total / bins;
    int given = 0;
    for (int i = 0; i < bins; i++) {
      out[i] = Math.max(1, (int) Math.round(mean * (0.5 + random.nextDouble())));
      given += out[i];
    }
    // Settle the difference one item at a time over the bins, never below one item each.
    for (int i = 0; given != total; i = (i + 1) % bins) {
      if (given < total) {
        out[i]++;
        given++;
      } else if (out[i] > 1) {
        out[i]--;
        given--;
      }
    }
    return out;
  }

  private static String placeName(Random random) {
    return SYLLABLES[random.nextInt(SYLLABLES.length)]
        + " "
        + SYLLABLES[random.nextInt(SYLLABLES.length)];
  }
}
