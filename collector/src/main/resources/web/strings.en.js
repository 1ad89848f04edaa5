// Every English word the status page shows to a person. strings.vi.js has the same keys, each of
// the same kind (a test checks it); i18n.js picks one of them. Entries are plain strings, or
// functions when a number or a name goes inside the sentence; numbers go through this language's
// formatter (format.js), so a sentence writes "1,234 computers" here and "1.234 máy tính" in vi.
import { formatter } from './format.js';

/** The locale of every number and date: British English writes "31 Mar 2026" and "98.2%". */
export const locale = 'en-GB';
export const format = formatter(locale);

const pluralRules = new Intl.PluralRules('en');
const ordinalRules = new Intl.PluralRules('en', { type: 'ordinal' });
const ordinalSuffix = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

/** "1 computer", "1,234 computers". */
function plural(n, one, other) {
  return `${format.num(n)} ${pluralRules.select(n) === 'one' ? one : other}`;
}

/** 1 -> "1st", 2 -> "2nd", 13 -> "13th". */
function ordinal(n) {
  return `${format.num(n)}${ordinalSuffix[ordinalRules.select(n)]}`;
}

export const strings = {
  lang: 'en',
  languageName: 'English',
  languageSwitch: 'Language',
  appName: 'digiready',
  appTagline: 'Digital readiness of the offices',
  skipToContent: 'Skip to content',

  // sign-in and session
  signInTitle: 'Sign in',
  signInIntro:
    'Paste the access token your administrator gave you. A viewer token can read every figure and ' +
    'download the reports; the admin token can also manage viewer tokens.',
  tokenLabel: 'Access token',
  tokenHint: 'Kept in this browser tab only, until you sign out or close the tab, unless you choose to remember it.',
  remember: 'Remember on this computer',
  rememberHint: "Only on your office's own computer: the browser keeps the token until you sign out or it is revoked.",
  linkSignIn: 'You opened a sign-in link; the token is filled in. Tick “Remember on this computer” if this is your office’s computer, then sign in.',
  signInButton: 'Sign in',
  signingIn: 'Signing in…',
  signOut: 'Sign out',
  signedInAs: (name, role) => `Signed in: ${name} (${role})`,
  roles: { admin: 'full access', viewer: 'read only' },
  badToken: 'This token was not accepted. Check that you copied all of it, or ask for a new one.',
  emptyToken: 'Enter a token.',
  sessionEnded: 'Your access token is no longer accepted: an administrator revoked it, or it is wrong. This browser has forgotten it; sign in with a new one.',
  timesInZone: (zone) => `Times on this page are ${zone} time.`,
  zoneSuffix: (zone) => `(${zone} time)`,
  signedOut: 'You are signed out.',
  unreachable: 'The collector cannot be reached. Check the network, then reload the page.',
  forbidden: 'Your token does not allow this.',
  serverError: (status, detail) => `The collector answered ${status}${detail ? `: ${detail}` : ''}.`,
  loading: 'Loading…',
  notFound: 'There is no such page.',

  // navigation
  navUnits: 'Units',
  navViewerTokens: 'Viewer tokens',
  breadcrumb: 'Breadcrumb',
  mainNav: 'Main',

  // units page
  unitsTitle: 'Units',
  unitsSummary: (units, machines, online) =>
    `${plural(units, 'unit', 'units')}, ${plural(machines, 'working computer', 'working computers')}, ` +
    `${format.num(online)} online now.`,
  unitsCaption:
    "Figures, staff included, cover each unit and every unit below it (a unit's own staff is on its " +
    'page). Click a column heading to sort; ' +
    'sub-units stay under their parent, and ▸ shows the units below one.',
  searchUnits: 'Find a unit',
  searchUnitsHint: 'name or code, with or without Vietnamese marks',
  unitsFound: (matched, shown) =>
    matched === 0
      ? 'No unit has that name or code.'
      : matched > shown
        ? `${plural(matched, 'unit matches', 'units match')}; the first ${format.num(shown)} are shown, type more to narrow.`
        : `${plural(matched, 'unit matches', 'units match')}.`,
  showUnitsBelow: (name, n) => `Show the ${plural(n, 'unit', 'units')} below ${name}`,
  hideUnitsBelow: (name) => `Hide the units below ${name}`,
  col: {
    unit: 'Unit',
    staff: 'Staff',
    working: 'Working computers',
    online: 'Online now',
    equipment: 'Equipment coverage',
    connectivity: 'Connectivity coverage',
    compliance: 'Compliance',
    protection: 'Protection coverage',
    software: 'Required applications',
    readiness: 'Readiness score',
    rank: 'Rank',
    hostname: 'Computer',
    state: 'State',
    lastSeen: 'Last seen',
    internet: 'Internet',
    readinessResult: 'Readiness policy',
    rule: 'Rule',
    measured: 'Measured',
    expected: 'Expected',
    result: 'Result',
    target: 'Target',
    kind: 'Kind',
    latency: 'Latency',
    error: 'Error',
    detail: 'Detail',
    at: 'When',
    event: 'Event',
    name: 'Name',
    created: 'Created',
    status: 'Status',
    actions: 'Actions',
    mount: 'Mount',
    type: 'Type',
    size: 'Size',
    free: 'Free',
    model: 'Model',
    serial: 'Serial number',
    mac: 'MAC address',
    addresses: 'Addresses',
    speed: 'Speed',
    up: 'Link',
  },
  sortBy: (column) => `Sort by ${column}`,
  rankOf: (rank, of) => `${ordinal(rank)} of ${format.num(of)}`,
  noFigure: '–',
  noUnits: 'No units yet. An administrator imports them (POST /api/v1/units/import).',
  kinds: { province: 'province', district: 'district', commune: 'commune', agency: 'agency' },

  // coverage and gaps
  targetMet: 'target met',
  ofTarget: (target) => `target ${target}`,
  needsComputers: (n) => `needs ${plural(n, 'more working computer', 'more working computers')}`,
  needsInternet: (n) => `needs ${plural(n, 'more computer', 'more computers')} online to the internet`,
  needsProtected: (n) => `needs ${plural(n, 'more protected computer', 'more protected computers')}`,
  needsSoftware: (n) => `needs ${plural(n, 'more computer', 'more computers')} with every required application`,
  nothingRequired: 'no required applications set',
  requiredTitle: 'Required applications',
  softwareReady: 'Every required application is installed.',
  softwareMissing: (n) => `${plural(n, 'required application', 'required applications')} missing:`,
  noStaff: 'no staff recorded',
  noWorking: 'no working computers',

  // unit page
  unitFacts: 'Figures',
  unitStaff: (staff, own) =>
    own === staff
      ? format.num(staff)
      : `${format.num(staff)} (units below included; this unit's own staff: ${format.num(own)})`,
  staffHint:
    'Staff who need a computer, units below included. When units are imported, each unit gives only its ' +
    "own staff; a unit's figure adds up those of the units below it.",
  subUnits: 'Units below',
  exports: 'Reports',
  exportsIntro: 'Excel or CSV (UTF-8) files for the quarterly report.',
  downloadCoverage: 'Coverage figures',
  downloadMachines: 'Computers list',
  downloadAs: (what, kind) => `${what} as ${kind}`,
  excel: 'Excel',
  csv: 'CSV',
  downloading: 'Downloading…',
  downloaded: (file) => `Downloaded ${file}.`,
  availabilityTitle: 'Internet availability',
  availabilityIntro: 'Share of heartbeats that reached the internet, hour by hour. Gaps are hours with no computer switched on.',
  lastDays: (days) => `Last ${format.num(days)} days`,
  availabilitySummary: (days, ratio, hours) =>
    `Over the last ${format.num(days)} days: ${ratio} of heartbeats reached the internet (${plural(hours, 'hour', 'hours')} with data).`,
  availabilityNone: (days) => `No heartbeats in the last ${format.num(days)} days.`,
  chartLabel: (days, ratio) => `Hourly internet availability over the last ${format.num(days)} days, ${ratio} overall`,
  chartBar: (when, up, heartbeats, ratio) => `${when}: ${format.num(up)}/${format.num(heartbeats)} (${ratio})`,
  officeTitle: 'Offline during office hours',
  officeNow: (hours) => `It is office hours now (${hours}).`,
  officeOutside: (hours) =>
    `It is outside office hours now (office hours: ${hours}): computers switched off now are expected.`,
  offlineList: 'These computers are working but not reporting now:',
  officeHoursText: (days, start, end, zone) => `${days} ${start}–${end}, ${zone}`,
  dayRange: (first, last) => `${first}–${last}`,
  noneOffline: 'None: every working computer is reporting.',
  failingTitle: 'Computers failing the readiness policy',
  noneFailing: 'None: every working computer meets the policy.',
  machinesTitle: 'Computers',
  machinesCount: (n) => plural(n, 'computer', 'computers'),
  noMachines: 'No computer is enrolled in this unit or below it yet.',
  shownOf: (shown, total) => `The first ${format.num(shown)} of ${plural(total, 'computer', 'computers')} are shown.`,
  showMore: (n) => `Show ${format.num(n)} more`,
  meetsPolicy: 'meets the policy',
  failsPolicy: (rules) => `fails: ${rules}`,
  unknownPolicy: 'not known yet',
  internetYes: 'yes',
  internetNo: 'no',
  internetUnknown: 'not known',
  unitColumn: 'Unit',
  unknownUnit: (code) => `There is no unit ${code}.`,

  // machine page
  machineFacts: 'Overview',
  machineUnit: 'Unit',
  enrolledAt: 'Enrolled',
  retiredAt: 'Retired',
  lastSeenAt: 'Last seen',
  lastInternetOkAt: 'Last reached the internet',
  lostHeartbeats: 'Heartbeats lost on the way',
  machineId: 'Machine ID',
  checksTitle: 'Readiness checks',
  compliantYes: 'Meets the readiness policy.',
  compliantNo: 'Fails the readiness policy.',
  checkStatus: { pass: 'pass', fail: 'fail', unknown: 'unknown' },
  // A readiness quantity by its unit, and a requirement by its bound: how checks.js says any rule
  // without a phrase of its own below (rule names come from the collector).
  quantity: {
    bytes: (bytes) => `${format.decimal(bytes / 1024 ** 3)} GiB`,
    ratio: (ratio) => format.pctTarget(ratio),
    count: (n) => format.num(n),
    seconds: (seconds) => `${format.num(seconds)} s`,
    days: (days) => plural(days, 'day', 'days'),
  },
  bound: { min: (x) => `at least ${x}`, max: (x) => `at most ${x}`, not: (x) => `not ${x}` },
  // A check's measured value and requirement in words of its own rule, from its typed quantities.
  checkTexts: {
    memory: { value: (gib) => `${format.decimal(gib)} GiB`, expected: (gib) => `at least ${format.decimal(gib)} GiB` },
    logicalCpus: { value: (n) => format.num(n), expected: (n) => `at least ${format.num(n)}` },
    os: { expected: (list) => `not ${list}` },
    systemDiskFree: {
      value: (percent, gib) => `${format.pctTarget(percent / 100)} free (${format.decimal(gib)} GiB)`,
      expected: (percent, gib) => `at least ${format.pctTarget(percent / 100)} and ${format.decimal(gib)} GiB free`,
    },
    clock: {
      value: (seconds) => `${format.num(seconds)} s off`,
      expected: (seconds) => `within ${format.num(seconds)} s`,
    },
    antiMalware: {
      value: {
        protected: (product) => `${product}: enabled, up to date`,
        outOfDate: (product) => `${product}: definitions out of date`,
        switchedOff: (product) => `${product}: switched off`,
        none: () => 'no anti-malware product',
      },
      expected: () => 'a product enabled, with current definitions',
    },
    osUpdates: {
      value: (days) => `last update ${plural(days, 'day', 'days')} ago`,
      expected: (days) => `an update within ${plural(days, 'day', 'days')}`,
    },
  },
  heartbeatTitle: 'Last heartbeat',
  noHeartbeat: 'No heartbeat received yet.',
  heartbeatReceived: 'Received',
  agentTime: 'Agent time',
  uptime: 'Up for',
  memoryUsed: 'Memory in use',
  diskFree: 'System disk free',
  internetUp: 'Internet reached',
  probesTitle: 'Connectivity probes',
  probeTarget: 'Target',
  probeInternet: 'Internet target',
  probeOk: 'ok',
  probeFailed: 'failed',
  probeKinds: { http: 'HTTP(S)', dns: 'DNS', tcp: 'TCP' },
  probeErrors: {
    dns_failure: 'name not resolved',
    timeout: 'timed out',
    refused: 'connection refused',
    tls_error: 'TLS error',
    http_status: 'HTTP error status',
    proxy_error: 'proxy error',
    network_error: 'network error',
  },
  protectionTitle: 'Protection and updates',
  noProtection: 'The agent has not said whether anti-malware runs (an older agent, or no known scanner).',
  protectionSource: 'Reported by',
  protectionSources: { securityCenter: 'Windows Security Center', defender: 'Microsoft Defender', clamav: 'ClamAV' },
  antiMalwareNone: 'No anti-malware product is registered.',
  productEnabled: 'Enabled',
  productUpToDate: 'Definitions up to date',
  lastOsUpdate: 'Last operating system update',
  rebootPending: 'Restart pending to finish an update',
  softwareTitle: 'Installed software',
  noSoftware: 'The agent has not sent a software list (an older agent).',
  softwareCount: (n, at) => `${plural(n, 'application', 'applications')}, as reported ${at}`,
  softwareNone: 'No application is installed.',
  softwareFilter: 'Filter by application name',
  softwareShown: (shown, total) => `Showing ${format.num(shown)} of ${plural(total, 'application', 'applications')}.`,
  softwareMatched: (matched, total, query, shown) =>
    `${format.num(matched)} of ${plural(total, 'application', 'applications')} match “${query}”; showing ${format.num(shown)}.`,
  softwareNoMatch: (query) => `No application has “${query}” in its name.`,
  softwareMore: (n) => `Show ${format.num(n)} more`,
  installDate: 'Installed',
  version: 'Version',
  vendor: 'Publisher',
  inventoryTitle: 'Inventory',
  noInventory: 'No inventory received yet.',
  collectedAt: 'Collected',
  agentVersion: 'Agent version',
  system: 'Computer',
  baseboard: 'Mainboard',
  firmware: 'Firmware',
  cpu: 'Processor',
  cpuCores: (physical, logical) =>
    `— ${physical == null ? '? cores' : plural(physical, 'core', 'cores')}, ` +
    `${logical == null ? '? threads' : plural(logical, 'thread', 'threads')}`,
  mhz: (mhz) => `${format.num(mhz)} MHz`,
  memory: 'Memory',
  memoryModules: 'Modules',
  disks: 'Disks',
  fileSystems: 'File systems',
  os: 'Operating system',
  osBits: (bits) => `${format.num(bits)}-bit`,
  osBuild: (build) => `(build ${build})`,
  bootTime: 'Started',
  network: 'Network',
  virtual: 'virtual',
  linkUp: 'up',
  linkDown: 'down',
  fingerprint: 'Identity',
  eventsTitle: 'Events',
  noEvents: 'No events.',
  events: {
    enrolled: 'enrolled',
    reenrolled: 're-enrolled',
    possible_duplicate: 'possible duplicate',
    inventory_changed: 'hardware changed',
    software_changed: 'software changed',
    protection_changed: 'protection changed',
    moved: 'moved',
    retired: 'retired',
  },
  states: { online: 'online', offline: 'offline', stale: 'stale', retired: 'retired' },
  unknownMachine: (id) => `There is no computer ${id}.`,
  yes: 'yes',
  no: 'no',
  unknown: 'unknown',
  duration: (seconds) => {
    const d = Math.floor(seconds / 86400);
    const h = Math.floor((seconds % 86400) / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    if (d > 0) return `${plural(d, 'day', 'days')} ${plural(h, 'hour', 'hours')}`;
    if (h > 0) return `${plural(h, 'hour', 'hours')} ${plural(m, 'minute', 'minutes')}`;
    return plural(m, 'minute', 'minutes');
  },

  // period report (report.js); the collector writes the title and each unit's sentence
  report: {
    link: 'Period report (quarter, year)',
    title: (period) => `Period report: ${period}`,
    intro: (asOf, previousTo) =>
      `Figures at the end of ${asOf}, compared with the end of the previous period of the same length (${previousTo}).`,
    partial: (asOf) => `The period is not over: these are today's figures so far (${asOf}).`,
    choose: 'Period',
    quarter: (q, year) => `Q${q} ${year}`,
    year: (year) => `Year ${year}`,
    from: 'From',
    to: 'To',
    show: 'Show the report',
    print: 'Print or save as PDF',
    download: 'These figures',
    tableTitle: 'Figures by unit',
    caption: "Each unit's figures include the units below it; a target is met when the figure reaches it.",
    col: {
      unit: 'Unit',
      staff: 'Staff',
      equipment: 'Staff with a working computer',
      connectivity: 'Computers connected to the internet',
      protection: 'Computers protected against malware',
      readiness: 'Readiness score',
      rank: 'Rank',
      change: 'Change since the previous period',
    },
    met: 'target met',
    notMet: (target) => `below the ${target} target`,
    points: (delta) => `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${format.decimal(Math.abs(delta) * 100)} points`,
    changeEquipment: (points) => `equipment ${points}`,
    changeConnectivity: (points) => `connectivity ${points}`,
    changeProtection: (points) => `protection ${points}`,
    rankUp: (n) => (n > 0 ? `up ${plural(n, 'place', 'places')}` : n < 0 ? `down ${plural(-n, 'place', 'places')}` : 'same rank'),
    noPrevious: 'no figures for the previous period',
    noFigures: 'no figures for that day',
    estimated: 'estimated',
    estimatedNote:
      'Estimated: no collector was running when that day ended; its figures are the last ones taken before.',
    sentencesTitle: 'Summary by unit',
    madeAt: (when) => `Made with digiready on ${when}.`,
  },

  // viewer tokens
  tokensTitle: 'Viewer tokens',
  tokensIntro:
    'A viewer token reads every figure and downloads the reports, but changes nothing. Give one to each ' +
    'person who only reads, so that the admin token stays with the administrators.',
  tokenNameLabel: 'Who the token is for',
  tokenNameHint: 'A name or a role, e.g. "Phòng Nội vụ — reports".',
  createToken: 'Create viewer token',
  newTokenTitle: (name) => `New viewer token for ${name}`,
  newTokenNote: 'Copy it now: it is shown only once. Anyone with it can read every figure.',
  signInLinkTitle: 'Sign-in link for the office',
  signInLinkNote:
    'Send this link to the office through an internal channel (official mail, a direct message). The token ' +
    'is after the #, so the browser never sends it to the server, and the page takes it out of the address ' +
    'bar when it opens. Anyone with the link reads every figure: revoke the token below when it is no longer needed.',
  copyLink: 'Copy link',
  copy: 'Copy',
  copied: 'Copied.',
  tokensListTitle: 'Tokens given out',
  noTokens: 'No viewer token yet.',
  tokenActive: 'active',
  tokenRevoked: (at) => `revoked ${at}`,
  revoke: 'Revoke',
  confirmRevoke: (name) => `Revoke ${name}?`,
  confirmRevokeYes: 'Yes, revoke',
  cancel: 'Cancel',
  tokenRevokedDone: (name) => `Revoked the token of ${name}.`,
  emptyName: 'Enter who the token is for.',

  speedMbps: (mbps) => `${format.num(mbps)} Mbit/s`,
  latencyMs: (ms) => `${format.num(ms)} ms`,
  weekdays: { MON: 'Mon', TUE: 'Tue', WED: 'Wed', THU: 'Thu', FRI: 'Fri', SAT: 'Sat', SUN: 'Sun' },
};
