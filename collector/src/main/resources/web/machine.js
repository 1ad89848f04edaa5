// The machine page: overview, readiness checks, protection and updates, last heartbeat with its
// probes, inventory, installed software, events.
import { strings as t, format as f } from './i18n.js';
import { h, time, timesIn, zoneNote, given, facts, table, section } from './dom.js';
import { ApiError } from './api.js';
import { breadcrumb, stateBadge, checkCell } from './unit.js';
import { ruleName, learnRuleNames } from './checks.js';

function yesNo(value) {
  if (value === true) return h('span', { class: 'yes' }, t.yes);
  if (value === false) return h('span', { class: 'no' }, t.no);
  return t.unknown;
}

function joinNonEmpty(...parts) {
  const text = parts.filter((p) => p !== null && p !== undefined && p !== '' && p !== 'unknown').join(' ');
  return text || null;
}

/** The error kind in words (a code of the protocol), then the agent's own detail as given. */
function probeError(p) {
  if (!p.error && !p.detail) return t.noFigure;
  const kind = p.error ? t.probeErrors[p.error] ?? p.error : null;
  return [kind, kind && p.detail ? ' ' : null, p.detail ? given(`(${p.detail})`, 'en') : null];
}

function checksSection(readiness) {
  const checks = readiness?.checks ?? [];
  const verdict = readiness?.compliant === true ? h('p', { class: 'yes' }, t.compliantYes)
    : readiness?.compliant === false ? h('p', { class: 'no' }, t.compliantNo) : h('p', null, t.unknownPolicy);
  return section(t.checksTitle, 'checks', verdict, checks.length === 0 ? null : table(null,
    [t.col.rule, t.col.result, t.col.measured, t.col.expected],
    checks.map((c) => [
      ruleName(t, c),
      h('span', { class: ['check', `check-${c.status}`] }, t.checkStatus[c.status] ?? c.status),
      checkCell(c, 'value'),
      checkCell(c, 'expected'),
    ]), 'checks'));
}

function heartbeatSection(hb, m) {
  if (!hb) return section(t.heartbeatTitle, 'heartbeat', h('p', null, t.noHeartbeat));
  const probes = hb.probes ?? [];
  return section(
    t.heartbeatTitle,
    'heartbeat',
    facts([
      [t.heartbeatReceived, time(m.lastHeartbeatAt ?? m.lastSeenAt, true)],
      [t.agentTime, time(hb.agentTime)],
      [t.uptime, hb.uptimeSeconds === null || hb.uptimeSeconds === undefined ? null : t.duration(hb.uptimeSeconds)],
      [t.internetUp, yesNo(hb.internetUp)],
      [t.memoryUsed, hb.memoryUsedBytes === undefined ? null : f.bytes(hb.memoryUsedBytes)],
      [t.diskFree, hb.systemDiskFreeBytes === undefined ? null
        : hb.systemDiskTotalBytes ? `${f.bytes(hb.systemDiskFreeBytes)} / ${f.bytes(hb.systemDiskTotalBytes)}` : f.bytes(hb.systemDiskFreeBytes)],
    ]),
    h('h3', null, t.probesTitle),
    table(null, [t.probeTarget, t.col.kind, t.probeInternet, t.col.result, t.col.latency, t.col.error], probes.map((p) => [
      h('code', null, p.target),
      p.kind ? t.probeKinds[p.kind] ?? p.kind : t.noFigure,
      p.internet === true ? t.yes : p.internet === false ? t.no : t.unknown,
      h('span', { class: p.ok ? 'yes' : 'no' }, p.ok ? t.probeOk : t.probeFailed),
      p.latencyMillis === null || p.latencyMillis === undefined ? t.noFigure : t.latencyMs(p.latencyMillis),
      probeError(p),
    ]), 'probes'),
  );
}

/** Anti-malware products as the agent reported them, the newest OS update and a pending restart. */
function protectionSection(inv) {
  const protection = inv?.protection;
  const updates = inv?.updates;
  const products = protection?.antiMalware;
  const source = protection?.source ? t.protectionSources[protection.source] ?? given(protection.source, 'en') : null;
  let body;
  if (products === null || products === undefined) body = h('p', null, t.noProtection);
  else if (products.length === 0) body = h('p', { class: 'no' }, t.antiMalwareNone);
  else {
    body = table(null, [t.col.name, t.productEnabled, t.productUpToDate], products.map((p) => [p.name, yesNo(p.enabled), yesNo(p.upToDate)]), 'anti-malware');
  }
  return section(
    t.protectionTitle,
    'protection',
    body,
    facts([
      [t.protectionSource, source],
      [t.lastOsUpdate, updates?.lastInstalledAt ? time(updates.lastInstalledAt, true) : null],
      // Not coloured: a pending restart is neither good nor bad news about readiness.
      [t.rebootPending, updates?.rebootPending === true ? t.yes : updates?.rebootPending === false ? t.no : null],
    ]),
  );
}

/** Whether the machine has every required application of its unit, and which labels it lacks. */
function requiredSection(req) {
  if (!req) return null;
  let body;
  if (req.required.length === 0) body = h('p', null, t.nothingRequired);
  else if (req.ready) body = h('p', { class: 'yes', 'data-col': 'software-ready' }, t.softwareReady);
  else {
    body = h(
      'div',
      null,
      h('p', { class: 'no', 'data-col': 'software-ready' }, t.softwareMissing(req.missing.length)),
      h('ul', { class: 'missing', 'data-col': 'missing' }, req.missing.map((label) => h('li', null, h('span', { lang: 'vi' }, label)))),
    );
  }
  return section(t.requiredTitle, 'required-software', body);
}

/** Applications shown at a time; the API's default page too. */
const SOFTWARE_PAGE = 50;

function softwarePath(id, query, offset) {
  const params = new URLSearchParams({ limit: String(SOFTWARE_PAGE), offset: String(offset) });
  if (query) params.set('q', query);
  return `/machines/${encodeURIComponent(id)}/software?${params}`;
}

function softwareRows(list) {
  return list.map((a) => h('tr', null, [a.name, a.version ?? t.noFigure, a.vendor ?? t.noFigure, a.installDate ? f.calendarDate(a.installDate) : t.noFigure].map((c) => h('td', null, c))));
}

/**
 * The applications the agent last reported, by name, a page at a time: the first 50, a filter on
 * the name (asked of the API, which ignores case and accents' Unicode form) and a button for the
 * next 50. A list of 900 Debian packages stays a page the reader can scroll.
 */
function softwareSection(api, id, first) {
  if (!first || first.software === null || first.software === undefined) return section(t.softwareTitle, 'software', h('p', null, t.noSoftware));
  if (first.total === 0) return section(t.softwareTitle, 'software', h('p', null, t.softwareNone));
  const caption = t.softwareCount(first.total, time(first.reportedAt).textContent);
  const input = h('input', { id: 'software-filter', type: 'search', autocomplete: 'off', spellcheck: 'false', 'aria-controls': 'software-list' });
  const status = h('p', { id: 'software-count', class: 'count', role: 'status' });
  const rows = h('tbody');
  const holder = h(
    'div',
    { class: 'table-wrap', id: 'software-list' },
    h('table', { class: 'software' }, h('caption', null, caption),
      h('thead', null, h('tr', null, [t.col.name, t.version, t.vendor, t.installDate].map((x) => h('th', { scope: 'col' }, x)))), rows),
  );
  const more = h('button', { type: 'button', class: 'more', id: 'software-more' });
  const box = section(t.softwareTitle, 'software',
    h('div', { class: 'filter' }, h('label', { for: 'software-filter' }, t.softwareFilter), input),
    status, holder, more);
  let shown = 0;
  let asked = 0;
  const show = (answer, append) => {
    if (!append) {
      rows.replaceChildren();
      shown = 0;
    }
    rows.append(...softwareRows(answer.software));
    shown += answer.software.length;
    const query = answer.q;
    status.textContent = !query ? t.softwareShown(shown, answer.total)
      : answer.matched === 0 ? t.softwareNoMatch(query) : t.softwareMatched(answer.matched, answer.total, query, shown);
    holder.hidden = shown === 0;
    const left = answer.nextOffset === null || answer.nextOffset === undefined ? 0 : answer.matched - answer.nextOffset;
    more.hidden = left <= 0;
    more.textContent = t.softwareMore(Math.min(SOFTWARE_PAGE, left));
    more.dataset.offset = String(answer.nextOffset ?? '');
    box.dataset.shown = String(shown);
    box.dataset.query = query ?? '';
  };
  const load = async (offset, append) => {
    const mine = ++asked;
    const query = input.value.trim();
    delete box.dataset.shown;
    try {
      const answer = await api(softwarePath(id, query, offset));
      if (mine === asked) show(answer, append);
    } catch (e) {
      if (mine !== asked) return;
      status.textContent = e instanceof ApiError && e.status > 0 ? t.serverError(e.status, e.detail) : t.unreachable;
      box.dataset.shown = String(shown);
    }
  };
  let timer = null;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => load(0, false).catch(() => {}), 250);
  });
  more.addEventListener('click', () => load(Number(more.dataset.offset), true).catch(() => {}));
  show(first, false);
  return box;
}

function inventorySection(inv) {
  if (!inv) return section(t.inventoryTitle, 'inventory', h('p', null, t.noInventory));
  const sys = inv.system ?? {};
  const cpu = inv.processor ?? {};
  const mem = inv.memory ?? {};
  const os = inv.os ?? {};
  const modules = (mem.modules ?? []).map((x) => joinNonEmpty(f.bytes(x.sizeBytes), x.type, x.speedHz ? t.mhz(Math.round(x.speedHz / 1e6)) : null, x.manufacturer)).join('; ');
  return section(
    t.inventoryTitle,
    'inventory',
    facts([
      [t.system, joinNonEmpty(sys.manufacturer, sys.model, sys.serialNumber ? `(${sys.serialNumber})` : null)],
      [t.baseboard, joinNonEmpty(inv.baseboard?.manufacturer, inv.baseboard?.model)],
      [t.firmware, joinNonEmpty(inv.firmware?.manufacturer, inv.firmware?.version, inv.firmware?.releaseDate ? f.calendarDate(inv.firmware.releaseDate) : null)],
      [t.cpu, joinNonEmpty(cpu.name, t.cpuCores(cpu.physicalCores, cpu.logicalCores))],
      [t.memory, f.bytes(mem.totalBytes)],
      [t.memoryModules, modules || null],
      [t.os, joinNonEmpty(os.family, os.version, os.build ? t.osBuild(os.build) : null, os.bitness ? t.osBits(os.bitness) : null)],
      [t.bootTime, os.bootTime ? time(os.bootTime) : null],
      [t.collectedAt, time(inv.collectedAt)],
      [t.agentVersion, inv.agentVersion],
    ]),
    h('h3', null, t.disks),
    table(null, [t.col.model, t.col.serial, t.col.size], (inv.disks ?? []).map((d) => [d.model ?? t.noFigure, d.serialNumber ?? t.noFigure, f.bytes(d.sizeBytes)]), 'disks'),
    h('h3', null, t.fileSystems),
    table(null, [t.col.mount, t.col.type, t.col.size, t.col.free], (inv.fileSystems ?? []).map((fs) => [h('code', null, fs.mount ?? ''), fs.type ?? t.noFigure, f.bytes(fs.totalBytes), f.bytes(fs.usableBytes)]), 'filesystems'),
    h('h3', null, t.network),
    table(null, [t.col.name, t.col.mac, t.col.addresses, t.col.speed, t.col.up],
      (inv.networkInterfaces ?? []).map((n) => [
        joinNonEmpty(n.displayName || n.name, n.virtual ? `(${t.virtual})` : null) ?? t.noFigure,
        h('code', null, n.mac ?? ''),
        [...(n.ipv4 ?? []), ...(n.ipv6 ?? [])].join(', ') || t.noFigure,
        n.speedBitsPerSecond ? t.speedMbps(Math.round(n.speedBitsPerSecond / 1e6)) : t.noFigure,
        n.up === true ? t.linkUp : n.up === false ? t.linkDown : t.noFigure,
      ]), 'network'),
  );
}

function eventsSection(events) {
  const sorted = [...(events ?? [])].sort((a, b) => String(b.at).localeCompare(String(a.at)));
  return section(t.eventsTitle, 'events', sorted.length === 0 ? h('p', null, t.noEvents)
    : table(null, [t.col.at, t.col.event, t.col.detail], sorted.map((e) => [
      time(e.at),
      h('span', { class: ['event', `event-${e.kind}`] }, t.events[e.kind] ?? e.kind),
      // Said by the collector in the page's language; an event an older collector wrote is English.
      e.detail ? given(e.detail, e.detailLanguage === t.lang ? null : e.detailLanguage ?? 'en') : '',
    ]), 'events'));
}

export async function machinePage(api, id) {
  // The machine's unit with its path (not the whole tree: a ministry has 10,000 units), read as
  // soon as the machine names it.
  const machine = api(`/machines/${encodeURIComponent(id)}?lang=${t.lang}`).catch((e) => {
    if (e instanceof ApiError && e.status === 404) throw new ApiError(404, 'not_found', t.unknownMachine(id));
    throw e;
  });
  const [m, unit, software, rules] = await Promise.all([
    machine,
    machine.then((found) =>
      api(`/units/${encodeURIComponent(found.unit)}`).catch((e) => {
        if (e instanceof ApiError && e.status === 401) throw e;
        return null; // the unit was just removed: the page still shows the machine
      }),
    ),
    api(softwarePath(id, '', 0)).catch((e) => {
      if (e instanceof ApiError && e.status === 401) throw e;
      return null;
    }),
    api('/readiness-rules'),
  ]);
  learnRuleNames(rules);
  const name = m.hostname || m.machineId;
  const zone = timesIn(unit?.effectiveOfficeHours?.timeZone);
  return {
    title: name,
    view: [
      breadcrumb(unit ? [...(unit.path ?? []), unit] : []),
      h('h1', { tabindex: '-1' }, name, ' ', stateBadge(m.state)),
      zoneNote(zone),
      section(t.machineFacts, 'overview', facts([
        [t.machineUnit, unit ? h('a', { href: `#/units/${encodeURIComponent(unit.code)}` }, h('span', { lang: 'vi' }, unit.name)) : m.unit],
        [t.col.state, stateBadge(m.state)],
        [t.lastSeenAt, time(m.lastSeenAt, true)],
        [t.internetUp, yesNo(m.internetUp)],
        [t.lastInternetOkAt, m.lastInternetOkAt ? time(m.lastInternetOkAt, true) : null],
        [t.enrolledAt, time(m.enrolledAt)],
        [t.retiredAt, m.retiredAt ? time(m.retiredAt) : null],
        [t.lostHeartbeats, m.lostHeartbeats === undefined ? null : f.num(m.lostHeartbeats)],
        [t.machineId, h('code', null, m.machineId)],
      ])),
      checksSection(m.readiness),
      protectionSection(m.inventory),
      requiredSection(m.requiredSoftware),
      heartbeatSection(m.lastHeartbeat, m),
      inventorySection(m.inventory),
      softwareSection(api, m.machineId, software),
      eventsSection(m.events),
    ],
  };
}
