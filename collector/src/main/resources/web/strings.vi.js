// Mọi chữ tiếng Việt trên trang trạng thái. Every Vietnamese word the status page shows: the same
// keys as strings.en.js, each of the same kind (a test checks it). Vietnamese nouns do not inflect
// for number ("1 máy tính", "24 máy tính"), a rank is written "xếp thứ 4/15", and numbers and dates
// go through the vi-VN formatter: "98,2%", "1.234", "31/03/2026".
// Words as a district or provincial office writes them: cán bộ (staff), máy tính làm việc (working
// computers), kết nối Internet, đơn vị, xã/phường, chỉ tiêu (target), mã truy cập (access token).
import { formatter } from './format.js';

/** The locale of every number and date. */
export const locale = 'vi-VN';
export const format = formatter(locale);

/** Quarters as reports write them: "Quý I/2026". */
const ROMAN = { 1: 'I', 2: 'II', 3: 'III', 4: 'IV' };

/** A count before a noun: Vietnamese has no plural form. "1 máy tính", "1.234 máy tính". */
function count(n, noun) {
  return `${format.num(n)} ${noun}`;
}

export const strings = {
  lang: 'vi',
  languageName: 'Tiếng Việt',
  languageSwitch: 'Ngôn ngữ',
  appName: 'digiready',
  appTagline: 'Mức độ sẵn sàng chuyển đổi số của các cơ quan',
  skipToContent: 'Chuyển đến nội dung chính',

  // sign-in and session
  signInTitle: 'Đăng nhập',
  signInIntro:
    'Dán mã truy cập do quản trị viên cấp cho bạn. Mã chỉ xem đọc được mọi số liệu và tải được các ' +
    'báo cáo; mã quản trị còn quản lý được các mã chỉ xem.',
  tokenLabel: 'Mã truy cập',
  tokenHint: 'Mã chỉ được giữ trong thẻ trình duyệt này, đến khi bạn đăng xuất hoặc đóng thẻ, trừ khi bạn chọn ghi nhớ.',
  remember: 'Ghi nhớ trên máy tính này',
  rememberHint: 'Chỉ chọn trên máy tính của cơ quan bạn: trình duyệt giữ mã đến khi bạn đăng xuất hoặc mã bị thu hồi.',
  linkSignIn: 'Bạn đã mở liên kết đăng nhập; mã đã được điền sẵn. Chọn “Ghi nhớ trên máy tính này” nếu đây là máy tính của cơ quan bạn, rồi bấm Đăng nhập.',
  signInButton: 'Đăng nhập',
  signingIn: 'Đang đăng nhập…',
  signOut: 'Đăng xuất',
  signedInAs: (name, role) => `Đã đăng nhập: ${name} (${role})`,
  roles: { admin: 'toàn quyền', viewer: 'chỉ xem' },
  badToken: 'Mã này không được chấp nhận. Hãy kiểm tra đã sao chép đủ mã chưa, hoặc đề nghị cấp mã mới.',
  emptyToken: 'Hãy nhập mã truy cập.',
  sessionEnded: 'Mã truy cập của bạn không còn được chấp nhận: quản trị viên đã thu hồi mã, hoặc mã không đúng. Trình duyệt này đã xóa mã; hãy đăng nhập bằng mã mới.',
  timesInZone: (zone) => `Thời gian trên trang này theo giờ ${zone}.`,
  zoneSuffix: (zone) => `(giờ ${zone})`,
  signedOut: 'Bạn đã đăng xuất.',
  unreachable: 'Không kết nối được với máy chủ thu thập số liệu. Hãy kiểm tra mạng rồi tải lại trang.',
  forbidden: 'Mã của bạn không có quyền thực hiện thao tác này.',
  serverError: (status, detail) => `Máy chủ thu thập số liệu trả lời mã ${status}${detail ? `: ${detail}` : ''}.`,
  loading: 'Đang tải…',
  notFound: 'Không có trang này.',

  // navigation
  navUnits: 'Đơn vị',
  navViewerTokens: 'Mã chỉ xem',
  breadcrumb: 'Đường dẫn',
  mainNav: 'Điều hướng chính',

  // units page
  unitsTitle: 'Đơn vị',
  unitsSummary: (units, machines, online) =>
    `${count(units, 'đơn vị')}, ${count(machines, 'máy tính làm việc')}, ` +
    `${format.num(online)} máy đang trực tuyến.`,
  unitsCaption:
    'Số liệu của mỗi đơn vị, kể cả số cán bộ, tính cả các đơn vị trực thuộc (cán bộ của riêng đơn vị ' +
    'có ở trang của đơn vị). Bấm vào tiêu đề cột để sắp xếp; ' +
    'đơn vị trực thuộc luôn nằm dưới đơn vị cấp trên, bấm ▸ để xem các đơn vị trực thuộc.',
  searchUnits: 'Tìm đơn vị',
  searchUnitsHint: 'tên hoặc mã đơn vị, gõ có dấu hay không dấu đều được',
  unitsFound: (matched, shown) =>
    matched === 0
      ? 'Không có đơn vị nào có tên hoặc mã này.'
      : matched > shown
        ? `${count(matched, 'đơn vị')} phù hợp; đang hiện ${format.num(shown)} đơn vị đầu tiên, gõ thêm để thu hẹp.`
        : `${count(matched, 'đơn vị')} phù hợp.`,
  showUnitsBelow: (name, n) => `Xem ${count(n, 'đơn vị')} trực thuộc ${name}`,
  hideUnitsBelow: (name) => `Ẩn các đơn vị trực thuộc ${name}`,
  col: {
    unit: 'Đơn vị',
    staff: 'Cán bộ',
    working: 'Máy tính làm việc',
    online: 'Đang trực tuyến',
    equipment: 'Tỷ lệ trang bị máy tính',
    connectivity: 'Tỷ lệ kết nối Internet',
    compliance: 'Tỷ lệ đạt tiêu chuẩn',
    protection: 'Tỷ lệ máy tính được bảo vệ',
    software: 'Phần mềm bắt buộc',
    readiness: 'Điểm sẵn sàng',
    rank: 'Xếp hạng',
    hostname: 'Máy tính',
    state: 'Trạng thái',
    lastSeen: 'Hoạt động lần cuối',
    internet: 'Kết nối Internet',
    readinessResult: 'Tiêu chuẩn sẵn sàng',
    rule: 'Tiêu chí',
    measured: 'Đo được',
    expected: 'Yêu cầu',
    result: 'Kết quả',
    target: 'Chỉ tiêu',
    kind: 'Loại',
    latency: 'Độ trễ',
    error: 'Lỗi',
    detail: 'Chi tiết',
    at: 'Thời điểm',
    event: 'Sự kiện',
    name: 'Tên',
    created: 'Ngày tạo',
    status: 'Tình trạng',
    actions: 'Thao tác',
    mount: 'Ổ/thư mục gắn',
    type: 'Định dạng',
    size: 'Dung lượng',
    free: 'Còn trống',
    model: 'Kiểu máy',
    serial: 'Số sê-ri',
    mac: 'Địa chỉ MAC',
    addresses: 'Địa chỉ IP',
    speed: 'Tốc độ',
    up: 'Kết nối',
  },
  sortBy: (column) => `Sắp xếp theo cột “${column}”`,
  rankOf: (rank, of) => `xếp thứ ${format.num(rank)}/${format.num(of)}`,
  noFigure: '–',
  noUnits: 'Chưa có đơn vị nào. Quản trị viên nhập danh sách đơn vị (POST /api/v1/units/import).',
  kinds: { province: 'cấp tỉnh', district: 'cấp huyện', commune: 'cấp xã', agency: 'cơ quan, đơn vị' },

  // coverage and gaps
  targetMet: 'đạt chỉ tiêu',
  ofTarget: (target) => `chỉ tiêu ${target}`,
  needsComputers: (n) => `còn thiếu ${count(n, 'máy tính làm việc')}`,
  needsInternet: (n) => `cần thêm ${count(n, 'máy tính')} kết nối Internet`,
  needsProtected: (n) => `cần thêm ${count(n, 'máy tính')} được bảo vệ`,
  needsSoftware: (n) => `cần thêm ${count(n, 'máy tính')} đủ phần mềm bắt buộc`,
  nothingRequired: 'chưa quy định phần mềm bắt buộc',
  requiredTitle: 'Phần mềm bắt buộc',
  softwareReady: 'Đã cài đủ phần mềm bắt buộc.',
  softwareMissing: (n) => `Còn thiếu ${count(n, 'phần mềm bắt buộc')}:`,
  noStaff: 'chưa có số cán bộ',
  noWorking: 'chưa có máy tính làm việc',

  // unit page
  unitFacts: 'Số liệu',
  unitStaff: (staff, own) =>
    own === staff
      ? format.num(staff)
      : `${format.num(staff)} (kể cả đơn vị trực thuộc; cán bộ của riêng đơn vị này: ${format.num(own)})`,
  staffHint:
    'Số cán bộ cần máy tính, tính cả các đơn vị trực thuộc. Khi nhập danh sách đơn vị, mỗi đơn vị chỉ ghi ' +
    'cán bộ của riêng đơn vị mình; số của cấp trên được cộng từ các đơn vị trực thuộc.',
  subUnits: 'Đơn vị trực thuộc',
  exports: 'Báo cáo',
  exportsIntro: 'Tệp Excel hoặc CSV (mã hóa UTF-8) phục vụ báo cáo định kỳ.',
  downloadCoverage: 'Số liệu đơn vị',
  downloadMachines: 'Danh sách máy tính',
  downloadAs: (what, kind) => `${what}, tệp ${kind}`,
  excel: 'Excel',
  csv: 'CSV',
  downloading: 'Đang tải xuống…',
  downloaded: (file) => `Đã tải xuống tệp ${file}.`,
  availabilityTitle: 'Khả năng truy cập Internet',
  availabilityIntro:
    'Tỷ lệ tín hiệu hoạt động của máy tính truy cập được Internet, theo từng giờ. ' +
    'Khoảng trống là những giờ không có máy tính nào bật.',
  lastDays: (days) => `${format.num(days)} ngày gần nhất`,
  availabilitySummary: (days, ratio, hours) =>
    `Trong ${format.num(days)} ngày gần nhất: ${ratio} tín hiệu hoạt động truy cập được Internet ` +
    `(${count(hours, 'giờ')} có số liệu).`,
  availabilityNone: (days) => `Không có tín hiệu hoạt động nào trong ${format.num(days)} ngày gần nhất.`,
  chartLabel: (days, ratio) =>
    `Tỷ lệ truy cập Internet theo giờ trong ${format.num(days)} ngày gần nhất, tính chung ${ratio}`,
  chartBar: (when, up, heartbeats, ratio) => `${when}: ${format.num(up)}/${format.num(heartbeats)} (${ratio})`,
  officeTitle: 'Máy tính ngoại tuyến trong giờ làm việc',
  officeNow: (hours) => `Hiện đang trong giờ làm việc (${hours}).`,
  officeOutside: (hours) =>
    `Hiện đang ngoài giờ làm việc (giờ làm việc: ${hours}): máy tính tắt vào lúc này là bình thường.`,
  offlineList: 'Các máy tính sau vẫn được tính là máy làm việc nhưng hiện không gửi tín hiệu:',
  officeHoursText: (days, start, end, zone) => `${days}, ${start}–${end}, múi giờ ${zone}`,
  dayRange: (first, last) => `từ ${first} đến ${last}`,
  noneOffline: 'Không có: mọi máy tính làm việc đều đang gửi tín hiệu.',
  failingTitle: 'Máy tính không đạt tiêu chuẩn sẵn sàng',
  noneFailing: 'Không có: mọi máy tính làm việc đều đạt tiêu chuẩn.',
  machinesTitle: 'Máy tính',
  machinesCount: (n) => count(n, 'máy tính'),
  noMachines: 'Chưa có máy tính nào được đăng ký vào đơn vị này hoặc các đơn vị trực thuộc.',
  shownOf: (shown, total) => `Đang hiện ${format.num(shown)} đầu tiên trong ${count(total, 'máy tính')}.`,
  showMore: (n) => `Hiện thêm ${format.num(n)}`,
  meetsPolicy: 'đạt tiêu chuẩn',
  failsPolicy: (rules) => `không đạt: ${rules}`,
  unknownPolicy: 'chưa xác định',
  internetYes: 'có',
  internetNo: 'không',
  internetUnknown: 'chưa rõ',
  unitColumn: 'Đơn vị',
  unknownUnit: (code) => `Không có đơn vị ${code}.`,

  // machine page
  machineFacts: 'Tổng quan',
  machineUnit: 'Đơn vị',
  enrolledAt: 'Ngày đăng ký',
  retiredAt: 'Ngày ngừng sử dụng',
  lastSeenAt: 'Hoạt động lần cuối',
  lastInternetOkAt: 'Truy cập Internet lần cuối',
  lostHeartbeats: 'Số tín hiệu bị mất trên đường truyền',
  machineId: 'Mã máy',
  checksTitle: 'Kiểm tra tiêu chuẩn sẵn sàng',
  compliantYes: 'Đạt tiêu chuẩn sẵn sàng.',
  compliantNo: 'Không đạt tiêu chuẩn sẵn sàng.',
  checkStatus: { pass: 'đạt', fail: 'không đạt', unknown: 'chưa rõ' },
  // A readiness quantity by its unit, and a requirement by its bound: how checks.js says any rule
  // without a phrase of its own below (rule names come from the collector).
  quantity: {
    bytes: (bytes) => `${format.decimal(bytes / 1024 ** 3)} GiB`,
    ratio: (ratio) => format.pctTarget(ratio),
    count: (n) => format.num(n),
    seconds: (seconds) => `${format.num(seconds)} giây`,
    days: (days) => `${format.num(days)} ngày`,
  },
  bound: { min: (x) => `tối thiểu ${x}`, max: (x) => `không quá ${x}`, not: (x) => `không phải ${x}` },
  // A check's measured value and requirement in words of its own rule, from its typed quantities.
  checkTexts: {
    memory: { value: (gib) => `${format.decimal(gib)} GiB`, expected: (gib) => `tối thiểu ${format.decimal(gib)} GiB` },
    logicalCpus: { value: (n) => format.num(n), expected: (n) => `tối thiểu ${format.num(n)}` },
    os: { expected: (list) => `không phải ${list}` },
    systemDiskFree: {
      value: (percent, gib) => `còn trống ${format.pctTarget(percent / 100)} (${format.decimal(gib)} GiB)`,
      expected: (percent, gib) =>
        `còn trống tối thiểu ${format.pctTarget(percent / 100)} và ${format.decimal(gib)} GiB`,
    },
    clock: {
      value: (seconds) => `lệch ${format.num(seconds)} giây`,
      expected: (seconds) => `lệch không quá ${format.num(seconds)} giây`,
    },
    antiMalware: {
      value: {
        protected: (product) => `${product}: đang bật, mẫu nhận diện mới nhất`,
        outOfDate: (product) => `${product}: mẫu nhận diện đã cũ`,
        switchedOff: (product) => `${product}: đang tắt`,
        none: () => 'không có phần mềm phòng chống mã độc',
      },
      expected: () => 'có phần mềm đang bật, mẫu nhận diện mới nhất',
    },
    osUpdates: {
      value: (days) => `cập nhật lần cuối ${format.num(days)} ngày trước`,
      expected: (days) => `có bản cập nhật trong vòng ${format.num(days)} ngày`,
    },
  },
  heartbeatTitle: 'Tín hiệu hoạt động gần nhất',
  noHeartbeat: 'Chưa nhận được tín hiệu hoạt động nào.',
  heartbeatReceived: 'Thời điểm nhận',
  agentTime: 'Giờ trên máy tính',
  uptime: 'Thời gian đã chạy',
  memoryUsed: 'Bộ nhớ đang dùng',
  diskFree: 'Ổ hệ thống còn trống',
  internetUp: 'Truy cập được Internet',
  probesTitle: 'Kiểm tra kết nối',
  probeTarget: 'Địa chỉ kiểm tra',
  probeInternet: 'Địa chỉ trên Internet',
  probeOk: 'thành công',
  probeFailed: 'thất bại',
  probeKinds: { http: 'HTTP(S)', dns: 'DNS', tcp: 'TCP' },
  probeErrors: {
    dns_failure: 'không phân giải được tên miền',
    timeout: 'hết thời gian chờ',
    refused: 'bị từ chối kết nối',
    tls_error: 'lỗi TLS',
    http_status: 'mã trạng thái HTTP báo lỗi',
    proxy_error: 'lỗi máy chủ proxy',
    network_error: 'lỗi mạng',
  },
  protectionTitle: 'Bảo vệ và cập nhật',
  noProtection: 'Phần mềm giám sát chưa cho biết tình trạng phòng chống mã độc (phiên bản cũ, hoặc không nhận ra phần mềm nào).',
  protectionSource: 'Nguồn thông tin',
  protectionSources: { securityCenter: 'Trung tâm bảo mật Windows', defender: 'Microsoft Defender', clamav: 'ClamAV' },
  antiMalwareNone: 'Không có phần mềm phòng chống mã độc nào được đăng ký.',
  productEnabled: 'Đang bật',
  productUpToDate: 'Mẫu nhận diện mới nhất',
  lastOsUpdate: 'Cập nhật hệ điều hành lần cuối',
  rebootPending: 'Chờ khởi động lại để hoàn tất cập nhật',
  softwareTitle: 'Phần mềm đã cài đặt',
  noSoftware: 'Phần mềm giám sát chưa gửi danh sách phần mềm (phiên bản cũ).',
  softwareCount: (n, at) => `${count(n, 'phần mềm')}, theo báo cáo lúc ${at}`,
  softwareNone: 'Không có phần mềm nào được cài đặt.',
  softwareFilter: 'Lọc theo tên phần mềm',
  softwareShown: (shown, total) => `Đang hiện ${format.num(shown)}/${count(total, 'phần mềm')}.`,
  softwareMatched: (matched, total, query, shown) =>
    `${format.num(matched)}/${count(total, 'phần mềm')} có tên chứa “${query}”; đang hiện ${format.num(shown)}.`,
  softwareNoMatch: (query) => `Không có phần mềm nào có tên chứa “${query}”.`,
  softwareMore: (n) => `Hiện thêm ${format.num(n)}`,
  installDate: 'Ngày cài đặt',
  version: 'Phiên bản',
  vendor: 'Nhà phát hành',
  inventoryTitle: 'Cấu hình máy',
  noInventory: 'Chưa nhận được thông tin cấu hình.',
  collectedAt: 'Thời điểm thu thập',
  agentVersion: 'Phiên bản phần mềm giám sát',
  system: 'Máy tính',
  baseboard: 'Bo mạch chủ',
  firmware: 'BIOS/UEFI',
  cpu: 'Bộ xử lý',
  cpuCores: (physical, logical) =>
    `— ${physical == null ? '?' : format.num(physical)} nhân, ${logical == null ? '?' : format.num(logical)} luồng`,
  mhz: (mhz) => `${format.num(mhz)} MHz`,
  memory: 'Bộ nhớ (RAM)',
  memoryModules: 'Thanh bộ nhớ',
  disks: 'Ổ đĩa',
  fileSystems: 'Phân vùng',
  os: 'Hệ điều hành',
  osBits: (bits) => `${format.num(bits)} bit`,
  osBuild: (build) => `(bản dựng ${build})`,
  bootTime: 'Khởi động lúc',
  network: 'Mạng',
  virtual: 'ảo',
  linkUp: 'có kết nối',
  linkDown: 'mất kết nối',
  fingerprint: 'Định danh',
  eventsTitle: 'Sự kiện',
  noEvents: 'Không có sự kiện nào.',
  events: {
    enrolled: 'đăng ký',
    reenrolled: 'đăng ký lại',
    possible_duplicate: 'có thể trùng máy',
    inventory_changed: 'thay đổi phần cứng',
    software_changed: 'thay đổi phần mềm',
    protection_changed: 'thay đổi bảo vệ',
    moved: 'chuyển đơn vị',
    retired: 'ngừng sử dụng',
  },
  states: { online: 'trực tuyến', offline: 'ngoại tuyến', stale: 'lâu không hoạt động', retired: 'ngừng sử dụng' },
  unknownMachine: (id) => `Không có máy tính ${id}.`,
  yes: 'có',
  no: 'không',
  unknown: 'chưa rõ',
  duration: (seconds) => {
    const d = Math.floor(seconds / 86400);
    const h = Math.floor((seconds % 86400) / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    if (d > 0) return `${count(d, 'ngày')} ${count(h, 'giờ')}`;
    if (h > 0) return `${count(h, 'giờ')} ${count(m, 'phút')}`;
    return count(m, 'phút');
  },

  // báo cáo kỳ (report.js); tên kỳ và câu tóm tắt của từng đơn vị do máy chủ viết
  report: {
    link: 'Báo cáo kỳ (quý, năm)',
    title: (period) => `Báo cáo kỳ: ${period}`,
    intro: (asOf, previousTo) =>
      `Số liệu đến hết ngày ${asOf}, so sánh với cuối kỳ trước có cùng độ dài (ngày ${previousTo}).`,
    partial: (asOf) => `Kỳ báo cáo chưa kết thúc: đây là số liệu trong ngày ${asOf}, chưa chốt.`,
    choose: 'Kỳ báo cáo',
    quarter: (q, year) => `Quý ${ROMAN[q] ?? q}/${year}`,
    year: (year) => `Năm ${year}`,
    from: 'Từ ngày',
    to: 'Đến ngày',
    show: 'Xem báo cáo',
    print: 'In hoặc lưu thành tệp PDF',
    download: 'Số liệu này',
    tableTitle: 'Số liệu theo đơn vị',
    caption: 'Số liệu của mỗi đơn vị tính cả các đơn vị trực thuộc; đạt chỉ tiêu khi tỷ lệ bằng hoặc cao hơn chỉ tiêu.',
    col: {
      unit: 'Đơn vị',
      staff: 'Số cán bộ',
      equipment: 'Cán bộ có máy tính làm việc',
      connectivity: 'Máy tính kết nối Internet',
      protection: 'Máy tính được bảo vệ chống mã độc',
      readiness: 'Điểm sẵn sàng',
      rank: 'Xếp hạng',
      change: 'So với cuối kỳ trước',
    },
    met: 'đạt chỉ tiêu',
    notMet: (target) => `chưa đạt chỉ tiêu ${target}`,
    points: (delta) => `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${format.decimal(Math.abs(delta) * 100)} điểm %`,
    changeEquipment: (points) => `trang bị ${points}`,
    changeConnectivity: (points) => `kết nối ${points}`,
    changeProtection: (points) => `bảo vệ ${points}`,
    rankUp: (n) => (n > 0 ? `tăng ${format.num(n)} bậc` : n < 0 ? `giảm ${format.num(-n)} bậc` : 'giữ nguyên thứ hạng'),
    noPrevious: 'chưa có số liệu kỳ trước',
    noFigures: 'chưa có số liệu ngày này',
    estimated: 'ước tính',
    estimatedNote:
      'Số liệu ước tính: lúc hết ngày đó không có máy chủ thu thập số liệu nào hoạt động; số liệu là số liệu lấy gần nhất trước đó.',
    sentencesTitle: 'Tóm tắt theo đơn vị',
    madeAt: (when) => `Lập bằng digiready lúc ${when}.`,
  },

  // viewer tokens
  tokensTitle: 'Mã chỉ xem',
  tokensIntro:
    'Mã chỉ xem đọc được mọi số liệu và tải được các báo cáo nhưng không thay đổi được gì. Hãy cấp ' +
    'cho mỗi người chỉ cần xem một mã riêng, để mã quản trị chỉ do quản trị viên nắm giữ.',
  tokenNameLabel: 'Cấp mã cho ai',
  tokenNameHint: 'Tên người hoặc bộ phận, ví dụ “Phòng Nội vụ — báo cáo”.',
  createToken: 'Tạo mã chỉ xem',
  newTokenTitle: (name) => `Mã chỉ xem mới cấp cho ${name}`,
  newTokenNote: 'Hãy sao chép ngay: mã chỉ hiển thị một lần. Ai có mã này đều đọc được mọi số liệu.',
  signInLinkTitle: 'Liên kết đăng nhập cho cơ quan',
  signInLinkNote:
    'Gửi liên kết này cho cơ quan qua kênh nội bộ (thư công vụ, tin nhắn trực tiếp). Mã nằm sau dấu #, nên ' +
    'trình duyệt không gửi mã lên máy chủ; trang xóa mã khỏi thanh địa chỉ ngay khi mở. Ai có liên kết đều ' +
    'đọc được mọi số liệu: khi không dùng nữa, hãy thu hồi mã ở bảng dưới.',
  copyLink: 'Sao chép liên kết',
  copy: 'Sao chép',
  copied: 'Đã sao chép.',
  tokensListTitle: 'Các mã đã cấp',
  noTokens: 'Chưa cấp mã chỉ xem nào.',
  tokenActive: 'đang sử dụng',
  tokenRevoked: (at) => `đã thu hồi lúc ${at}`,
  revoke: 'Thu hồi',
  confirmRevoke: (name) => `Thu hồi mã của ${name}?`,
  confirmRevokeYes: 'Đồng ý thu hồi',
  cancel: 'Hủy',
  tokenRevokedDone: (name) => `Đã thu hồi mã của ${name}.`,
  emptyName: 'Hãy nhập tên người hoặc bộ phận được cấp mã.',

  speedMbps: (mbps) => `${format.num(mbps)} Mbit/s`,
  latencyMs: (ms) => `${format.num(ms)} ms`,
  weekdays: { MON: 'Thứ Hai', TUE: 'Thứ Ba', WED: 'Thứ Tư', THU: 'Thứ Năm', FRI: 'Thứ Sáu', SAT: 'Thứ Bảy', SUN: 'Chủ nhật' },
};
