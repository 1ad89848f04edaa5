package io.digiready.collector.events;

import static java.util.Map.entry;

import java.util.Map;

/**
 * The words of every event phrase, in English and Vietnamese, side by side by key. The English ones
 * are the texts events had before they were typed, so that older readers see no change.
 */
final class EventTemplates {
  private EventTemplates() {}

  static final Map<String, String> EN =
      Map.ofEntries(
          entry("unknown", "unknown"),
          // enrolment
          entry("enrolled", "enrolled as {hostname}"),
          entry(
              "reenrolled",
              "re-enrolled as {hostname} (was {previous}); previous agent token revoked"),
          entry("duplicateNew", "same hardware as {machine} ({hostname}) {reason}"),
          entry(
              "duplicateOld",
              "new machine {machine} ({hostname}) enrolled with the same hardware; this machine"
                  + " {reason}, so it kept its identity and token"),
          entry("reasonAlive", "is alive (a heartbeat at {at})"),
          entry("reasonCloned", "is running with another OS install id (a cloned disk image?)"),
          // heartbeats and administration
          entry(
              "rateLimited",
              "sent more heartbeats than its interval allows; refused with 429 (its token may be"
                  + " misused, or its seq broken)"),
          entry("retired", "retired by an administrator"),
          entry("moved", "moved from {from} to {to}"),
          // inventory
          entry("changed", "{field} {before} -> {after}"),
          entry("partAdded", "{part} {what} added"),
          entry("partRemoved", "{part} {what} removed"),
          entry("serialChanged", "system serial changed"),
          entry("diskAdded", "a disk was added"),
          entry("diskRemoved", "a disk was removed"),
          entry("field.hostname", "hostname"),
          entry("field.agentVersion", "agent version"),
          entry("field.memory", "memory"),
          entry("field.processor", "processor"),
          entry("field.logicalCpus", "logical CPUs"),
          entry("field.os", "os"),
          entry("field.firmware", "firmware"),
          entry("field.model", "model"),
          entry("field.systemSerial", "system serial"),
          entry("part.disk", "disk"),
          entry("part.nic", "network interface"),
          entry("part.fileSystem", "file system"),
          entry("sized", "{name} {size}"),
          // software
          entry(
              "softwareReceived",
              "software list received: {count?no application|1 application|# applications}"),
          entry("softwareInstalled", "software {app} installed"),
          entry("softwareRemoved", "software {app} removed"),
          entry("softwareUpdated", "software {app} ->{versions}"),
          entry(
              "softwareSummary",
              "software: {installed} installed, {removed} removed, {updated} updated ({names})"),
          entry(
              "softwareSummaryMore",
              "software: {installed} installed, {removed} removed, {updated} updated ({names} and"
                  + " {more} more)"),
          // anti-malware
          entry("avReported", "anti-malware reported: {products}"),
          entry("avNoLongerReported", "anti-malware status no longer reported"),
          entry("avNoProduct", "no product"),
          entry("avProduct", "{name} ({state})"),
          entry("avState", "{enabled}, {definitions}"),
          entry("avEnabled", "enabled"),
          entry("avDisabled", "switched off"),
          entry("avOnOffUnknown", "on/off unknown"),
          entry("avCurrent", "up to date"),
          entry("avOutdated", "definitions out of date"),
          entry("avDefinitionsUnknown", "definitions unknown"),
          entry("avAdded", "anti-malware {name} added ({state})"),
          entry("avSwitchedOn", "anti-malware {name} switched on"),
          entry("avSwitchedOff", "anti-malware {name} switched off"),
          entry("avNowCurrent", "anti-malware {name} definitions up to date"),
          entry("avNowOutdated", "anti-malware {name} definitions out of date"),
          entry("avRemoved", "anti-malware {name} removed"));

  static final Map<String, String> VI =
      Map.ofEntries(
          entry("unknown", "chưa rõ"),
          entry("enrolled", "đăng ký với tên máy {hostname}"),
          entry(
              "reenrolled",
              "đăng ký lại với tên máy {hostname} (trước đây: {previous}); mã truy cập cũ của"
                  + " tác tử đã bị thu hồi"),
          entry("duplicateNew", "cùng phần cứng với máy {machine} ({hostname}), máy đó {reason}"),
          entry(
              "duplicateOld",
              "máy mới {machine} ({hostname}) đăng ký với cùng phần cứng; máy này {reason} nên"
                  + " giữ nguyên mã máy và mã truy cập"),
          entry("reasonAlive", "đang hoạt động (có tín hiệu lúc {at})"),
          entry(
              "reasonCloned",
              "đang chạy với mã cài đặt hệ điều hành khác (có thể là bản sao ổ đĩa)"),
          entry(
              "rateLimited",
              "gửi tín hiệu dày hơn chu kỳ cho phép; đã bị từ chối với mã 429 (mã truy cập có thể"
                  + " bị dùng sai, hoặc số thứ tự bị hỏng)"),
          entry("retired", "quản trị viên đã cho ngừng sử dụng"),
          entry("moved", "chuyển từ đơn vị {from} sang {to}"),
          entry("changed", "{field}: {before} → {after}"),
          entry("partAdded", "thêm {part} {what}"),
          entry("partRemoved", "gỡ bỏ {part} {what}"),
          entry("serialChanged", "số sê-ri máy đã thay đổi"),
          entry("diskAdded", "đã thêm một ổ đĩa"),
          entry("diskRemoved", "đã gỡ bỏ một ổ đĩa"),
          entry("field.hostname", "tên máy"),
          entry("field.agentVersion", "phiên bản tác tử"),
          entry("field.memory", "bộ nhớ"),
          entry("field.processor", "bộ xử lý"),
          entry("field.logicalCpus", "số luồng xử lý"),
          entry("field.os", "hệ điều hành"),
          entry("field.firmware", "firmware"),
          entry("field.model", "mẫu máy"),
          entry("field.systemSerial", "số sê-ri máy"),
          entry("part.disk", "ổ đĩa"),
          entry("part.nic", "card mạng"),
          entry("part.fileSystem", "phân vùng"),
          entry("sized", "{name} {size}"),
          entry("softwareReceived", "đã nhận danh sách phần mềm: {count} ứng dụng"),
          entry("softwareInstalled", "cài đặt phần mềm {app}"),
          entry("softwareRemoved", "gỡ bỏ phần mềm {app}"),
          entry("softwareUpdated", "cập nhật phần mềm {app} →{versions}"),
          entry(
              "softwareSummary",
              "phần mềm: cài đặt {installed}, gỡ bỏ {removed}, cập nhật {updated} ({names})"),
          entry(
              "softwareSummaryMore",
              "phần mềm: cài đặt {installed}, gỡ bỏ {removed}, cập nhật {updated} ({names} và"
                  + " {more} ứng dụng khác)"),
          entry("avReported", "đã nhận tình trạng phòng chống mã độc: {products}"),
          entry("avNoLongerReported", "không còn nhận được tình trạng phòng chống mã độc"),
          entry("avNoProduct", "không có phần mềm"),
          entry("avProduct", "{name} ({state})"),
          entry("avState", "{enabled}, {definitions}"),
          entry("avEnabled", "đang bật"),
          entry("avDisabled", "đang tắt"),
          entry("avOnOffUnknown", "chưa rõ bật/tắt"),
          entry("avCurrent", "đã cập nhật"),
          entry("avOutdated", "chưa cập nhật mẫu nhận diện"),
          entry("avDefinitionsUnknown", "chưa rõ mẫu nhận diện"),
          entry("avAdded", "thêm phần mềm phòng chống mã độc {name} ({state})"),
          entry("avSwitchedOn", "phần mềm phòng chống mã độc {name} đã bật"),
          entry("avSwitchedOff", "phần mềm phòng chống mã độc {name} đã tắt"),
          entry("avNowCurrent", "phần mềm phòng chống mã độc {name} đã cập nhật mẫu nhận diện"),
          entry("avNowOutdated", "phần mềm phòng chống mã độc {name} chưa cập nhật mẫu nhận diện"),
          entry("avRemoved", "gỡ bỏ phần mềm phòng chống mã độc {name}"));
}
