// The yardstick: the marcheck contract (shared/contract.md §2–§6) written by hand in plain
// JavaScript, the way a competent portal developer would: one pass over the form, precompiled
// regular expressions, dates as day numbers, no dependencies, no schema library.
//
//   import { validate } from "./baseline.mjs";
//   validate(form, { asOf: "2026-11-20" }) -> { ok, counts, findings, facts }
//
// It exists to answer "is the wasm worth it?". It does the same work as the Rust core (every
// rule of the v1 catalogue, lenient reading with FORM001, the preservation window, business
// days, options with defaults, English messages with params, ordering by form order), but it is
// not meant to be bit-identical: where the contract is silent it makes the obvious choice, and
// its messages are its own. `locale: "fr"` is accepted and answered in English.

// ---------------------------------------------------------------------------------------------
// Civil dates as day numbers (days since 1970-01-01), Howard Hinnant's algorithms.

function daysFromCivil(y, m, d) {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z) {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}

const pad2 = (n) => (n < 10 ? "0" + n : "" + n);
function isoDate(day) {
  if (day === undefined) return null;
  const [y, m, d] = civilFromDays(day);
  return (y < 1000 ? String(y).padStart(4, "0") : y) + "-" + pad2(m) + "-" + pad2(d);
}

function daysInMonth(y, m) {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function ymdToDay(y, m, d) {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return daysFromCivil(y, m, d);
}

const RE_NUM_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
// RFC 3339 (T, t or a space; optional seconds and fraction; optional offset), or a plain date.
const RE_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?)?$/;

/** Digits t[i..j) as a number, or -1. */
function digits(t, i, j) {
  let n = 0;
  for (; i < j; i++) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** A date as typed (already trimmed), or undefined. */
function parseDate(t, order) {
  // YYYY-MM-DD, the form every date control sends: read without a regex or a match array.
  if (t.length === 10 && t.charCodeAt(4) === 45 && t.charCodeAt(7) === 45) {
    const y = digits(t, 0, 4), m = digits(t, 5, 7), d = digits(t, 8, 10);
    return y < 0 || m < 0 || d < 0 ? undefined : ymdToDay(y, m, d);
  }
  if (order === "ymd") return undefined;
  const m = RE_NUM_DATE.exec(t);
  if (!m) return undefined;
  return order === "dmy" ? ymdToDay(+m[4], +m[3], +m[1]) : ymdToDay(+m[4], +m[1], +m[3]);
}

/** { day, offset } for a date-time as typed, or undefined. The day is the date as written. */
function parseDateTime(t, order) {
  const m = RE_DATE_TIME.exec(t);
  if (!m) {
    const day = parseDate(t, order);
    return day === undefined ? undefined : { day, offset: false };
  }
  const day = ymdToDay(+m[1], +m[2], +m[3]);
  if (day === undefined) return undefined;
  if (m[4] !== undefined) {
    if (+m[4] > 23 || +m[5] > 59 || (m[6] !== undefined && +m[6] > 60)) return undefined;
    if (m[7] !== undefined && m[7].length === 6 && (+m[7].slice(1, 3) > 23 || +m[7].slice(4) > 59)) return undefined;
  }
  return { day, offset: m[7] !== undefined };
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
const weekday = (day) => (((day + 4) % 7) + 7) % 7;

/** The date `n` business days after `day` (Monday–Friday, less holidays); `day` never counts. */
function addBusinessDays(day, n, holidays) {
  while (n > 0) {
    day++;
    const w = weekday(day);
    if (w !== 0 && w !== 6 && !(holidays.size && holidays.has(day))) n--;
  }
  return day;
}

function localToday() {
  const now = new Date();
  return daysFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

// ---------------------------------------------------------------------------------------------
// Reference data.

const COUNTRIES = new Set(
  ("AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
    "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO " +
    "FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE " +
    "JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO " +
    "MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW " +
    "PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM " +
    "TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW").split(" "),
);

/** Provider profiles (shared/domain-notes.md); null = not verified, fall back to the options. */
export const PROFILES = {
  us_default: { periodDays: 90, extensionDays: 90, maxTotalDays: 180, extensionLeadDays: null, notifiesUser: "unknown", acceptedAccountKinds: null, country: "US", source: "18 U.S.C. §2703(f)", checked: "2026-11-20" },
  meta: { periodDays: 90, extensionDays: null, maxTotalDays: null, extensionLeadDays: null, notifiesUser: "yes", acceptedAccountKinds: ["email", "phone", "url", "username"], country: "US", source: "Meta law enforcement guidelines", checked: "2026-11-20" },
  google: { periodDays: null, extensionDays: null, maxTotalDays: null, extensionLeadDays: null, notifiesUser: "yes", acceptedAccountKinds: null, country: "US", source: "Google law enforcement guidelines", checked: "2026-11-20" },
  microsoft: { periodDays: null, extensionDays: null, maxTotalDays: null, extensionLeadDays: null, notifiesUser: "unknown", acceptedAccountKinds: null, country: "US", source: "Microsoft law enforcement guidelines", checked: "2026-11-20" },
  apple: { periodDays: null, extensionDays: null, maxTotalDays: null, extensionLeadDays: null, notifiesUser: "unknown", acceptedAccountKinds: null, country: "US", source: "Apple legal process guidelines", checked: "2026-11-20" },
  x: { periodDays: 90, extensionDays: null, maxTotalDays: null, extensionLeadDays: 7, notifiesUser: "yes", acceptedAccountKinds: ["username", "url", "user_id"], country: "US", source: "X law enforcement guidelines", checked: "2026-11-20" },
  tiktok: { periodDays: 90, extensionDays: 90, maxTotalDays: 180, extensionLeadDays: null, notifiesUser: "unknown", acceptedAccountKinds: ["user_id", "username", "url", "phone", "email"], country: "US", source: "TikTok law enforcement guidelines", checked: "2026-11-20" },
  snap: { periodDays: 90, extensionDays: 90, maxTotalDays: 180, extensionLeadDays: null, notifiesUser: "yes", acceptedAccountKinds: ["username", "phone", "email"], country: "US", source: "Snap law enforcement guide", checked: "2026-11-20" },
};

const REQUEST_TYPES = ["formal_mar", "police_to_police", "preservation_only", "emergency_disclosure"];
const ACCOUNT_KINDS = ["email", "phone", "username", "url", "user_id", "ip"];
const CATEGORIES = ["subscriber", "traffic", "content"];
const PRES_STATUSES = ["preserved", "requested", "not_requested"];
const BASES = ["provider_confirmed", "provider_guidelines", "legal_advice", "domain_name", "unknown"];
const RISKS = ["death", "serious_harm", "other"];
const NOTIFIES = ["yes", "no", "unknown"];
const SEVERITIES = new Set(["off", "info", "warning", "error"]);

const RE_EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+)$/;
// The service must be the registered name: gmail.com, yahoo.co.uk; not pm.gov.fj or live.police.uk.
const RE_WEBMAIL = /^(?:gmail|googlemail|yahoo|ymail|outlook|hotmail|live|msn|icloud|proton|protonmail|pm|gmx|yandex|aol|qq|163)\.(?:[^.]+|(?:co|com|net|org|ne|or)\.[^.]{2})\.?$|^(?:mail\.ru|me\.com|mac\.com)\.?$/;
const RE_PHONE_SEPARATORS = /[\s.()-]/g;
const RE_E164 = /^\+\d{8,15}$/;
const RE_URL = /^https?:\/\/(?:[^\s/?#@]+@)?(?:\[[0-9A-Fa-f:.]+\]|[^\s/?#:@[\]]+)(?::\d{1,5})?(?:[/?#]\S*)?$/i;
const RE_IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const RE_HEXTET = /^[0-9A-Fa-f]{1,4}$/;
const RE_INTEGER = /^[+-]?\d{1,12}(?:\.0*)?$/;
const RE_PLACEHOLDER = /^(?:n\/?a|tbc|tba|pending|none|unknown|-|\?)$/;
const RE_REPEATED = /^(.)\1*$/su;
const RE_ASTRAL = /[\uD800-\uDBFF]/;
const RE_LOCALE_FR = /^fr(?:[-_]|$)/i;

function isIPv6(s) {
  const parts = s.split("::");
  if (parts.length > 2) return false;
  const groups = (p) => (p === "" ? [] : p.split(":"));
  const head = groups(parts[0]);
  const tail = parts.length === 2 ? groups(parts[1]) : [];
  const all = head.concat(tail);
  let slots = all.length;
  for (let i = 0; i < all.length; i++) {
    const g = all[i];
    if (i === all.length - 1 && g.indexOf(".") >= 0) {
      if (!RE_IPV4.test(g)) return false;
      slots++; // an embedded IPv4 fills two hextets
    } else if (!RE_HEXTET.test(g)) return false;
  }
  return parts.length === 2 ? slots <= 7 : slots === 8;
}

/** Length in characters (code points), as a person counts them. */
function charLength(s) {
  if (!RE_ASTRAL.test(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------
// The rule catalogue: default severity, source, message and help (English), by code.

const RULES = {
  FORM001: ["error", "marcheck contract §2", (p) => `This value cannot be read as ${p.expected}.`, (p) => `Enter ${p.expected === "a date" ? "a date as YYYY-MM-DD" : p.expected}, or leave it empty.`],
  CASE001: ["error", "Handbook §2.6", (p) => (p.country ? `The requesting and requested countries are both ${p.country}.` : "The requesting and requested countries are both needed."), () => "A MAR goes from one country to another: enter both countries."],
  CASE002: ["error", "US DOJ Criminal Resource Manual 281", () => "No offence is named.", () => "Name at least one offence, with its provision and maximum penalty."],
  CASE003: ["error", "US DOJ Criminal Resource Manual 281", (p) => `The summary of facts has ${p.length} characters; at least ${p.min} are expected.`, () => "Write a plain narrative showing that a crime was committed and how the records relate to it."],
  AUTH001: ["error", "Handbook ch. 7", (p) => `The requesting authority's ${p.item} is missing.`, () => "Providers only answer requests that name the authority, the officer and an official email address."],
  AUTH002: ["warning", "Handbook ch. 7", (p) => (p.domain ? `${p.domain} is a free webmail domain.` : "The email address is malformed."), () => "Providers require requests from an official email address on the authority's own domain."],
  ID001: ["error", "Provider law enforcement guidelines", () => "No account identifier is given.", () => "Identify at least one account: email, phone, username, URL, user id or IP address."],
  ID002: ["error", "Provider law enforcement guidelines", (p) => `This ${p.kind} is malformed.`, (p) => ID002_HELP[p.kind]],
  ID003: ["error", "Provider law enforcement guidelines", () => "An IP address needs a timestamp with a time zone offset.", () => "Give the date and time the address was used, with its offset (e.g. 2026-10-01T14:30:00+12:00)."],
  ID004: ["warning", "Provider law enforcement guidelines", (p) => `This ${p.kind} is already listed (account ${p.first + 1}).`, () => "Remove the duplicate identifier."],
  ID005: ["warning", "Provider law enforcement guidelines", (p) => `${p.provider} does not take ${p.kind} identifiers.`, (p) => `Use one of: ${p.accepted}.`],
  DATA001: ["error", "Budapest Convention Art. 29", () => "No category of data is requested.", () => "Choose subscriber, traffic and/or content data."],
  DATA002: ["error", "Handbook §2.5", () => "Content data cannot be obtained police-to-police.", () => "Content needs a formal MAR: change the request type or remove content."],
  DATA003: ["warning", "US DOJ Criminal Resource Manual 281", (p) => `The nexus statement has ${p.length} characters; at least ${p.min} are expected when content is requested.`, () => "Explain why this account holds evidence of the offence."],
  DATA004: ["info", "Handbook §2.5", () => "Only non-content data is requested through a formal MAR.", () => "Police-to-police cooperation may be faster for subscriber and traffic data."],
  DATE001: ["error", "Provider law enforcement guidelines", (p) => `The date range has no ${p.end} date.`, () => "Providers expect a date range for the records: enter both ends."],
  DATE002: ["error", "Provider law enforcement guidelines", (p) => `The range starts (${p.from}) after it ends (${p.to}).`, () => "Swap or correct the dates."],
  DATE003: ["error", "Provider law enforcement guidelines", (p) => `The range ends in the future (${p.to}).`, () => "Records cannot exist after today: end the range on or before today."],
  DATE004: ["warning", "Provider law enforcement guidelines", (p) => `The range spans ${p.days} days (more than ${p.max}).`, () => "Providers expect a narrowly tailored range: shorten it to the period of the offence."],
  PRES001: ["error", "Handbook §2.7", () => "The preservation reference number is missing.", () => "Enter the reference number the provider sent when it preserved the records."],
  PRES002: ["error", "Handbook §2.7", (p) => `"${p.reference}" is not a preservation reference number.`, () => "Enter the provider's reference number as it appears in its confirmation."],
  PRES003: ["warning", "Handbook §2.7", (p) => `No reference number yet; the provider usually answers within ${p.businessDays} business days (by ${p.dueOn}).`, () => "Follow up with the provider for the preservation reference."],
  PRES004: ["error", "Handbook §2.7", () => "The records are marked preserved but no preservation date is given.", () => "Enter the date the provider confirmed (or you requested) preservation."],
  PRES005: ["error", "Handbook §2.7", (p) => `This date (${p.date}) is in the future.`, () => "Enter the date on which it actually happened."],
  PRES006: ["error", "18 U.S.C. §2703(f)", (p) => `The preservation lapsed on ${p.expiresOn}.`, () => "The data may be gone: preserve the records again before sending the MAR."],
  PRES007: ["warning", "18 U.S.C. §2703(f)", (p) => `The preservation expires on ${p.expiresOn} (${p.daysLeft} days left).`, () => "Ask the provider for an extension now."],
  PRES008: ["error", "18 U.S.C. §2703(f)", (p) => `This extension was asked on ${p.requestedOn}, outside the preservation then in force (${p.start} to ${p.expiresOn}).`, () => "The data may be gone: preserve the records again."],
  PRES009: ["warning", "18 U.S.C. §2703(f)", (p) => `The preservation totals ${p.totalDays} days, more than the ${p.maxDays} the provider allows.`, () => "Check with the provider that the extension was granted."],
  PRES010: ["warning", "Handbook §2.7", () => "No proof of preservation is attached.", () => "Attach the provider's confirmation: some countries refuse a MAR without it."],
  PRES011: ["warning", "Handbook §2.7", (p) => `The range ends (${p.to}) after the preservation started (${p.start}).`, () => "Records created after the snapshot are not preserved: end the range at the preservation date or preserve again."],
  PRES012: ["error", "Handbook §2.7", () => "The records have not been preserved.", () => "Preserve the records with the provider before sending a formal MAR."],
  PRES013: ["error", "Handbook §2.7", (p) => `Preservation is confirmed (${p.confirmedOn}) before it was requested (${p.requestedOn}).`, () => "Correct one of the two dates."],
  PRES014: ["error", "18 U.S.C. §2703(f)", (p) => `A preservation period of ${p.days} days is not plausible.`, () => "Enter a period between 1 and 730 days."],
  LOC001: ["error", "Handbook §2.6", () => "Where the records are is not stated.", () => "Enter the country where the provider holds the records."],
  LOC002: ["error", "Handbook §2.6", () => "Where the records are is not confirmed.", () => "Check with the provider or its guidelines that the records are in the country you send the MAR to."],
  LOC003: ["error", "Handbook §2.6", (p) => `The records are in ${p.records} but the MAR goes to ${p.requested}.`, () => "Send the MAR to the country where the records are."],
  LOC004: ["warning", "Handbook §2.6", (p) => (p.basis === "domain_name" ? "A country-code domain is no proof of where records are." : "The basis for the records' location is unknown."), () => "Confirm the location with the provider or its guidelines."],
  LOC005: ["info", "Handbook §2.6", () => "The records are in the United States: US law applies.", () => "Content needs a US warrant on probable cause: state the facts accordingly."],
  EMER001: ["error", "Handbook §2.8", (p) => `The emergency justification has ${p.length} characters; at least ${p.min} are expected.`, () => "Describe the risk of death or serious harm and why it is imminent."],
  EMER002: ["error", "18 U.S.C. §2702(b)(8)", () => "An emergency request needs a risk of death or serious physical harm.", () => "Choose the risk, or use the standard process."],
  EMER003: ["error", "Handbook §2.8", (p) => (p.date ? `The time frame (${p.date}) is already past.` : "The emergency has no time frame."), () => "State when the harm is expected."],
  EMER004: ["warning", "Handbook §2.8", (p) => `The harm is expected in ${p.days} days (more than ${p.max}).`, () => "The risk may not be imminent: the standard process may apply."],
  EMER005: ["warning", "Handbook §2.8", () => "An oral request was made without a date for the written MAR.", () => "Enter when the written MAR will follow."],
  EMER006: ["info", "Handbook §2.8", () => "This is an emergency request.", () => "Contact the 24/7 Network, INTERPOL or the PTCN; for the US, the FBI legal attaché."],
  CSAM001: ["error", "Handbook §2.9", () => "The records are likely to contain CSAM and the MAR does not say so.", () => "Declare it specifically in the MAR."],
  CSAM002: ["error", "Handbook §2.9", () => "No handling protocol for CSAM is given.", () => "Agree the handling protocol with the requested country and describe it."],
  CSAM003: ["warning", "Handbook §2.9", () => "Australia requires an import permit before CSAM can be brought in.", () => "Obtain the permit and enter its reference."],
  CSAM004: ["info", "Handbook §2.9", () => "US providers report CSAM to NCMEC.", () => "Add the NCMEC report ids if you have them."],
  NOTE001: ["warning", "Handbook §2.7", (p) => (p.notifies === "yes" ? "The provider notifies the account holder." : "The provider may notify the account holder."), () => "If notice would harm the investigation, ask the provider to refrain (non-disclosure)."],
  NOTE002: ["warning", "Handbook §2.7", (p) => `The non-disclosure request has no ${p.missing}.`, () => "State why notice would harm the investigation and for how long."],
};

const ID002_HELP = {
  email: "Enter the address as name@domain.",
  phone: "Enter the number in international format: + and 8 to 15 digits.",
  url: "Enter a full http(s) address with a host.",
  ip: "Enter an IPv4 or IPv6 address.",
};

// ---------------------------------------------------------------------------------------------
// Form order of field paths, for the report ordering.

const TOP = {
  requestType: 1, requestingCountry: 2, requestedCountry: 3, submissionDate: 4, authority: 5, case: 6,
  provider: 7, accounts: 8, data: 9, preservation: 10, recordsLocation: 11, emergency: 12, notification: 13, csam: 14,
};
const CHILD = {};
for (const [parent, names] of [
  ["authority", "name officer email phone"],
  ["case", "reference facts nexus offences"],
  ["case.offences", "name provision maxPenaltyYears"],
  ["provider", "name profile legalEntity country"],
  ["accounts", "kind value timestamp port"],
  ["data", "categories from to"],
  ["preservation", "status requestedOn confirmedOn reference periodDays proofAttached extensions"],
  ["preservation.extensions", "requestedOn reference periodDays"],
  ["recordsLocation", "country confirmed basis note"],
  ["emergency", "active risk justification harmExpectedBy oral oralMadeOn writtenFollowUpOn"],
  ["notification", "providerNotifies requestNonDisclosure reason durationDays"],
  ["csam", "likely declared handlingProtocol importPermitRef ncmecReports"],
]) names.split(" ").forEach((n, i) => { CHILD[parent + "." + n] = i + 1; });

const RE_PATH = /^([A-Za-z]+)(?:\[(\d+)\])?(?:\.([A-Za-z]+)(?:\[(\d+)\])?(?:\.([A-Za-z]+))?)?$/;

// Paths repeat from keystroke to keystroke: rank each once.
const rankCache = new Map();

function fieldRank(path) {
  let r = rankCache.get(path);
  if (r === undefined) {
    r = computeRank(path);
    if (rankCache.size > 4096) rankCache.clear();
    rankCache.set(path, r);
  }
  return r;
}

function computeRank(path) {
  const m = RE_PATH.exec(path);
  if (!m) return -1;
  const top = m[1];
  const c1 = TOP[top] ?? 99;
  const c2 = m[2] === undefined ? 0 : Math.min(+m[2] + 1, 999);
  const c3 = m[3] === undefined ? 0 : CHILD[top + "." + m[3]] ?? 99;
  const c4 = m[4] === undefined ? 0 : Math.min(+m[4] + 1, 999);
  const c5 = m[5] === undefined ? 0 : CHILD[top + "." + m[3] + "." + m[5]] ?? 99;
  return (((c1 * 1000 + c2) * 100 + c3) * 1000 + c4) * 100 + c5;
}

// ---------------------------------------------------------------------------------------------
// Options.

function optionError(what) {
  return new Error(`marcheck options: ${what}`);
}

function optInt(group, key, dflt, where) {
  const v = group == null ? undefined : group[key];
  if (v == null) return dflt;
  const n = typeof v === "string" && RE_INTEGER.test(v.trim()) ? Number(v.trim()) : v;
  if (typeof n !== "number" || !Number.isInteger(n)) throw optionError(`${where}.${key} must be a whole number`);
  if (n < 0) throw optionError(`${where}.${key} must not be negative`);
  return n;
}

function optGroup(o, key) {
  const g = o[key];
  if (g == null) return undefined;
  if (typeof g !== "object" || Array.isArray(g)) throw optionError(`${key} must be an object`);
  return g;
}

function readOptions(o) {
  if (o == null) o = {};
  if (typeof o !== "object" || Array.isArray(o)) throw optionError("options must be an object");

  let asOf;
  if (o.asOf == null) asOf = localToday();
  else if (typeof o.asOf !== "string" || (asOf = parseDate(o.asOf.trim(), "ymd")) === undefined) throw optionError("asOf must be a date YYYY-MM-DD");

  const locale = o.locale == null ? "en" : typeof o.locale === "string" && RE_LOCALE_FR.test(o.locale.trim()) ? "fr" : "en";

  let dateOrder = "ymd";
  if (o.dateOrder != null) {
    dateOrder = typeof o.dateOrder === "string" ? o.dateOrder.trim().toLowerCase() : "";
    if (dateOrder !== "ymd" && dateOrder !== "dmy" && dateOrder !== "mdy") throw optionError("dateOrder must be ymd, dmy or mdy");
  }

  const holidays = new Set();
  if (o.holidays != null) {
    if (!Array.isArray(o.holidays)) throw optionError("holidays must be a list of dates");
    for (const h of o.holidays) {
      const d = typeof h === "string" ? parseDate(h.trim(), "ymd") : undefined;
      if (d === undefined) throw optionError(`holiday ${JSON.stringify(h)} is not a date YYYY-MM-DD`);
      holidays.add(d);
    }
  }

  let rules = null;
  const r = optGroup(o, "rules");
  if (r) {
    for (const code in r) {
      if (!Object.hasOwn(RULES, code)) continue; // unknown codes are ignored
      const sev = typeof r[code] === "string" ? r[code].trim().toLowerCase() : r[code];
      if (!SEVERITIES.has(sev)) throw optionError(`rules.${code}: unknown severity ${JSON.stringify(r[code])}`);
      (rules ??= {})[code] = sev;
    }
  }

  const p = optGroup(o, "preservation");
  const e = optGroup(o, "emergency");
  const c = optGroup(o, "case");
  const d = optGroup(o, "dateRange");

  let profiles = PROFILES;
  const pr = optGroup(o, "providers");
  if (pr) {
    profiles = { ...PROFILES };
    for (const key in pr) {
      const given = pr[key];
      if (given == null || typeof given !== "object" || Array.isArray(given)) throw optionError(`providers.${key} must be an object`);
      profiles[key.toLowerCase()] = { ...PROFILES.us_default, periodDays: null, extensionDays: null, maxTotalDays: null, notifiesUser: "unknown", acceptedAccountKinds: null, country: null, ...PROFILES[key.toLowerCase()], ...given };
    }
  }

  return {
    asOf, locale, dateOrder, holidays, rules, profiles,
    defaultPeriodDays: optInt(p, "defaultPeriodDays", 90, "preservation"),
    extensionDays: optInt(p, "extensionDays", 90, "preservation"),
    maxTotalDays: optInt(p, "maxTotalDays", 180, "preservation"),
    expiryWarningDays: optInt(p, "expiryWarningDays", 30, "preservation"),
    responseBusinessDays: optInt(p, "responseBusinessDays", 2, "preservation"),
    minJustificationChars: optInt(e, "minJustificationChars", 80, "emergency"),
    maxImminenceDays: optInt(e, "maxImminenceDays", 7, "emergency"),
    minFactsChars: optInt(c, "minFactsChars", 100, "case"),
    maxSpanDays: optInt(d, "maxSpanDays", 365, "dateRange"),
  };
}

// ---------------------------------------------------------------------------------------------
// The lenient reader. Each reader returns the value, or undefined when absent; an unreadable
// value is FORM001 at its path, remembered in `bad`, and then read as absent.

class Ctx {
  constructor(opts) {
    this.o = opts;
    this.findings = [];
    this.bad = null; // Set of paths that were unreadable
  }

  push(code, field, params) {
    const rule = RULES[code];
    let severity = rule[0];
    if (this.o.rules !== null) {
      const s = this.o.rules[code];
      if (s === "off") return;
      if (s !== undefined) severity = s;
    }
    this.findings.push({ code, severity, field, message: rule[2](params), help: rule[3](params), source: rule[1], params });
  }

  unreadable(path, expected) {
    (this.bad ??= new Set()).add(path);
    this.push("FORM001", path, { expected });
  }

}

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

function readObject(ctx, parent, key, path) {
  const v = parent[key];
  if (v == null) return undefined;
  if (isObject(v)) return v;
  ctx.unreadable(path, "a group of fields");
  return undefined;
}

function readList(ctx, parent, key, path) {
  const v = parent[key];
  if (v == null) return undefined;
  if (Array.isArray(v)) return v;
  if (typeof v === "string" && v.trim() === "") return undefined; // an empty control: no rows
  ctx.unreadable(path, "a list");
  return undefined;
}

function readText(ctx, parent, key, path) {
  const v = parent[key];
  if (v == null) return undefined;
  if (typeof v === "string") {
    const t = v.trim();
    return t === "" ? undefined : t;
  }
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  ctx.unreadable(path, "text");
  return undefined;
}

function readBool(ctx, parent, key, path) {
  const v = parent[key];
  if (v == null) return undefined;
  if (v === true || v === false) return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === "string") {
    switch (v.trim().toLowerCase()) {
      case "": return undefined;
      case "true": case "on": case "yes": case "1": return true;
      case "false": case "off": case "no": case "0": return false;
    }
  }
  ctx.unreadable(path, "yes or no");
  return undefined;
}

function readInt(ctx, parent, key, path) {
  const v = parent[key];
  if (v == null) return undefined;
  if (typeof v === "number") {
    if (Number.isInteger(v) && Math.abs(v) < 1e12) return v;
  } else if (typeof v === "string") {
    const t = v.trim();
    if (t === "") return undefined;
    if (RE_INTEGER.test(t)) return parseInt(t, 10);
  }
  ctx.unreadable(path, "a whole number");
  return undefined;
}

function readDate(ctx, parent, key, path) {
  const v = parent[key];
  if (v == null) return undefined;
  if (typeof v === "string") {
    const t = v.trim();
    if (t === "") return undefined;
    const d = parseDate(t, ctx.o.dateOrder);
    if (d !== undefined) return d;
  }
  ctx.unreadable(path, "a date");
  return undefined;
}

function readDateTime(ctx, parent, key, path) {
  const v = parent[key];
  if (v == null) return undefined;
  if (typeof v === "string") {
    const t = v.trim();
    if (t === "") return undefined;
    const d = parseDateTime(t, ctx.o.dateOrder);
    if (d !== undefined) return d;
  }
  ctx.unreadable(path, "a date and time");
  return undefined;
}

function readCountry(ctx, parent, key, path) {
  const v = parent[key];
  if (v == null) return undefined;
  if (typeof v === "string") {
    const t = v.trim();
    if (t === "") return undefined;
    const c = t.toUpperCase();
    if (COUNTRIES.has(c)) return c;
  }
  ctx.unreadable(path, "a country code");
  return undefined;
}

const RE_DASH_SPACE = /[- ]/g;

/** One of `names`, any case, `-` or a space read as `_`. */
function readChoice(ctx, parent, key, path, names) {
  return choice(ctx, parent[key], path, names);
}

function choice(ctx, v, path, names) {
  if (v == null) return undefined;
  if (typeof v === "string") {
    let t = v.trim();
    if (t === "") return undefined;
    t = t.toLowerCase();
    if (names.includes(t)) return t;
    t = t.replace(RE_DASH_SPACE, "_");
    if (names.includes(t)) return t;
  }
  ctx.unreadable(path, `one of ${names.join(", ")}`);
  return undefined;
}

function readProfileKey(ctx, parent, path) {
  const v = parent.profile;
  if (v == null) return undefined;
  if (typeof v === "string") {
    const t = v.trim().toLowerCase();
    if (t === "") return undefined;
    if (Object.hasOwn(ctx.o.profiles, t)) return t;
  }
  ctx.unreadable(path, "a provider profile");
  return undefined;
}

const EMPTY = {};

/** Reads the whole form once into plain typed values. */
function readForm(ctx, form) {
  const f = {};
  f.requestType = readChoice(ctx, form, "requestType", "requestType", REQUEST_TYPES);
  f.requestingCountry = readCountry(ctx, form, "requestingCountry", "requestingCountry");
  f.requestedCountry = readCountry(ctx, form, "requestedCountry", "requestedCountry");
  f.submissionDate = readDate(ctx, form, "submissionDate", "submissionDate");

  const a = readObject(ctx, form, "authority", "authority") ?? EMPTY;
  f.authName = readText(ctx, a, "name", "authority.name");
  f.authOfficer = readText(ctx, a, "officer", "authority.officer");
  f.authEmail = readText(ctx, a, "email", "authority.email");
  f.authPhone = readText(ctx, a, "phone", "authority.phone");

  const c = readObject(ctx, form, "case", "case") ?? EMPTY;
  f.caseReference = readText(ctx, c, "reference", "case.reference");
  f.facts = readText(ctx, c, "facts", "case.facts");
  f.nexus = readText(ctx, c, "nexus", "case.nexus");
  f.offences = [];
  const offences = readList(ctx, c, "offences", "case.offences");
  if (offences) {
    for (let i = 0; i < offences.length; i++) {
      const o = offences[i];
      const p = `case.offences[${i}]`;
      if (o == null) continue;
      if (!isObject(o)) { ctx.unreadable(p, "an offence"); continue; }
      f.offences.push({
        name: readText(ctx, o, "name", p + ".name"),
        provision: readText(ctx, o, "provision", p + ".provision"),
        maxPenaltyYears: readInt(ctx, o, "maxPenaltyYears", p + ".maxPenaltyYears"),
      });
    }
  }

  const pv = readObject(ctx, form, "provider", "provider") ?? EMPTY;
  f.providerName = readText(ctx, pv, "name", "provider.name");
  f.profileKey = readProfileKey(ctx, pv, "provider.profile");
  f.profile = f.profileKey === undefined ? null : ctx.o.profiles[f.profileKey];
  f.legalEntity = readText(ctx, pv, "legalEntity", "provider.legalEntity");
  f.providerCountry = readCountry(ctx, pv, "country", "provider.country");

  f.accounts = [];
  const accounts = readList(ctx, form, "accounts", "accounts");
  if (accounts) {
    for (let i = 0; i < accounts.length; i++) {
      const ac = accounts[i];
      const p = `accounts[${i}]`;
      if (ac == null) continue;
      if (!isObject(ac)) { ctx.unreadable(p, "an account"); continue; }
      f.accounts.push({
        index: i,
        kind: readChoice(ctx, ac, "kind", p + ".kind", ACCOUNT_KINDS),
        value: readText(ctx, ac, "value", p + ".value"),
        timestamp: readDateTime(ctx, ac, "timestamp", p + ".timestamp"),
        port: readInt(ctx, ac, "port", p + ".port"),
      });
    }
  }

  const d = readObject(ctx, form, "data", "data") ?? EMPTY;
  f.categories = undefined;
  let cats = d.categories;
  const single = typeof cats === "string"; // one checkbox ticked: a list of one
  if (single) cats = cats.trim() === "" ? undefined : [cats];
  else cats = readList(ctx, d, "categories", "data.categories");
  if (cats) {
    f.categories = new Set();
    for (let i = 0; i < cats.length; i++) {
      if (cats[i] == null) continue;
      const cat = choice(ctx, cats[i], single ? "data.categories" : `data.categories[${i}]`, CATEGORIES);
      if (cat !== undefined) f.categories.add(cat);
    }
  }
  f.dataFrom = readDate(ctx, d, "from", "data.from");
  f.dataTo = readDate(ctx, d, "to", "data.to");

  const pr = readObject(ctx, form, "preservation", "preservation") ?? EMPTY;
  f.presStatus = readChoice(ctx, pr, "status", "preservation.status", PRES_STATUSES);
  f.requestedOn = readDate(ctx, pr, "requestedOn", "preservation.requestedOn");
  f.confirmedOn = readDate(ctx, pr, "confirmedOn", "preservation.confirmedOn");
  f.presReference = readText(ctx, pr, "reference", "preservation.reference");
  f.periodDays = readPeriod(ctx, pr, "preservation.periodDays");
  f.proofAttached = readBool(ctx, pr, "proofAttached", "preservation.proofAttached");
  f.extensions = [];
  const exts = readList(ctx, pr, "extensions", "preservation.extensions");
  if (exts) {
    for (let i = 0; i < exts.length; i++) {
      const x = exts[i];
      const p = `preservation.extensions[${i}]`;
      if (x == null) continue;
      if (!isObject(x)) { ctx.unreadable(p, "an extension"); continue; }
      f.extensions.push({
        index: i,
        requestedOn: readDate(ctx, x, "requestedOn", p + ".requestedOn"),
        reference: readText(ctx, x, "reference", p + ".reference"),
        periodDays: readPeriod(ctx, x, p + ".periodDays"),
      });
    }
  }

  const l = readObject(ctx, form, "recordsLocation", "recordsLocation") ?? EMPTY;
  f.locCountry = readCountry(ctx, l, "country", "recordsLocation.country");
  f.locConfirmed = readBool(ctx, l, "confirmed", "recordsLocation.confirmed");
  f.locBasis = readChoice(ctx, l, "basis", "recordsLocation.basis", BASES);
  f.locNote = readText(ctx, l, "note", "recordsLocation.note");

  const e = readObject(ctx, form, "emergency", "emergency") ?? EMPTY;
  f.emActive = readBool(ctx, e, "active", "emergency.active");
  f.emRisk = readChoice(ctx, e, "risk", "emergency.risk", RISKS);
  f.emJustification = readText(ctx, e, "justification", "emergency.justification");
  f.emHarmExpectedBy = readDateTime(ctx, e, "harmExpectedBy", "emergency.harmExpectedBy");
  f.emOral = readBool(ctx, e, "oral", "emergency.oral");
  f.emOralMadeOn = readDate(ctx, e, "oralMadeOn", "emergency.oralMadeOn");
  f.emWrittenFollowUpOn = readDate(ctx, e, "writtenFollowUpOn", "emergency.writtenFollowUpOn");

  const n = readObject(ctx, form, "notification", "notification") ?? EMPTY;
  f.providerNotifies = readChoice(ctx, n, "providerNotifies", "notification.providerNotifies", NOTIFIES);
  f.nonDisclosure = readBool(ctx, n, "requestNonDisclosure", "notification.requestNonDisclosure");
  f.ndReason = readText(ctx, n, "reason", "notification.reason");
  f.ndDurationDays = readInt(ctx, n, "durationDays", "notification.durationDays");

  const s = readObject(ctx, form, "csam", "csam") ?? EMPTY;
  f.csamLikely = readBool(ctx, s, "likely", "csam.likely");
  f.csamDeclared = readBool(ctx, s, "declared", "csam.declared");
  f.csamProtocol = readText(ctx, s, "handlingProtocol", "csam.handlingProtocol");
  f.csamPermit = readText(ctx, s, "importPermitRef", "csam.importPermitRef");
  f.ncmecReports = 0;
  const nc = readList(ctx, s, "ncmecReports", "csam.ncmecReports");
  if (nc) {
    for (let i = 0; i < nc.length; i++) {
      if (readText(ctx, nc, i, `csam.ncmecReports[${i}]`) !== undefined) f.ncmecReports++;
    }
  }
  return f;
}

/** A preservation period: an integer in 1..=730, else PRES014 and absent. */
function readPeriod(ctx, parent, path) {
  const days = readInt(ctx, parent, "periodDays", path);
  if (days === undefined) return undefined;
  if (days < 1 || days > 730) {
    ctx.push("PRES014", path, { days });
    return undefined;
  }
  return days;
}

// ---------------------------------------------------------------------------------------------
// Derived facts: the preservation window, computed once.

function deriveFacts(ctx, f) {
  const o = ctx.o;
  const prof = f.profile;
  const x = {
    windowApplies: false, start: undefined, expiry: undefined, daysLeft: undefined, lapsed: false,
    initialDays: 0, countedDays: 0, counted: 0, outside: null, responseDueOn: undefined,
    maxTotalDays: prof?.maxTotalDays ?? o.maxTotalDays,
    leadDays: prof?.extensionLeadDays ?? 0,
  };
  if (f.presStatus === "not_requested") return x;
  x.windowApplies = true;
  if (f.requestedOn !== undefined) x.responseDueOn = addBusinessDays(f.requestedOn, o.responseBusinessDays, o.holidays);
  const start = f.confirmedOn ?? f.requestedOn;
  if (start === undefined) return x;
  x.start = start;
  x.initialDays = f.periodDays ?? prof?.periodDays ?? o.defaultPeriodDays;
  let expiry = start + x.initialDays;
  if (f.extensions.length) {
    // In the order they were asked: each counts when asked within the expiry then in force.
    const exts = f.extensions.filter((e) => e.requestedOn !== undefined);
    if (exts.length > 1) exts.sort((a, b) => a.requestedOn - b.requestedOn || a.index - b.index);
    const extDays = prof?.extensionDays ?? o.extensionDays;
    for (const e of exts) {
      if (e.requestedOn >= start && e.requestedOn <= expiry) {
        const days = e.periodDays ?? extDays;
        expiry += days;
        x.countedDays += days;
        x.counted++;
      } else {
        (x.outside ??= []).push({ ext: e, expiry });
      }
    }
  }
  x.expiry = expiry;
  x.daysLeft = expiry - o.asOf;
  x.lapsed = o.asOf >= expiry;
  return x;
}

// ---------------------------------------------------------------------------------------------
// The rules, area by area, in catalogue order.

function checkCase(ctx, f) {
  const o = ctx.o;
  const ing = f.requestingCountry, ed = f.requestedCountry;
  if (ing === undefined) ctx.push("CASE001", "requestingCountry", {});
  if (ed === undefined) ctx.push("CASE001", "requestedCountry", {});
  else if (ing !== undefined && ing === ed) ctx.push("CASE001", "requestedCountry", { country: ed });

  let named = false;
  for (const off of f.offences) if (off.name !== undefined) { named = true; break; }
  if (!named) ctx.push("CASE002", "case.offences", {});

  const len = f.facts === undefined ? 0 : charLength(f.facts);
  if (len < o.minFactsChars) ctx.push("CASE003", "case.facts", { length: len, min: o.minFactsChars });
}

function checkAuthority(ctx, f) {
  if (f.authName === undefined) ctx.push("AUTH001", "authority.name", { item: "name" });
  if (f.authOfficer === undefined) ctx.push("AUTH001", "authority.officer", { item: "officer" });
  if (f.authEmail === undefined) ctx.push("AUTH001", "authority.email", { item: "email" });
  else if (f.authEmail !== undefined) {
    const m = RE_EMAIL.exec(f.authEmail);
    if (!m) ctx.push("AUTH002", "authority.email", {});
    else {
      const domain = m[1].toLowerCase();
      if (RE_WEBMAIL.test(domain)) ctx.push("AUTH002", "authority.email", { domain });
    }
  }
}

function checkAccounts(ctx, f) {
  const accepted = f.profile?.acceptedAccountKinds ?? null;
  let anyValue = false;
  let seen = null; // "kind\0value" -> index of the first
  for (const a of f.accounts) {
    const p = `accounts[${a.index}]`;
    if (a.value !== undefined) {
      anyValue = true;
      if (a.kind !== undefined) {
        if (!accountValueOk(a.kind, a.value)) ctx.push("ID002", p + ".value", { kind: a.kind });
        const key = a.kind + "\0" + a.value.toLowerCase();
        seen ??= new Map();
        const first = seen.get(key);
        if (first === undefined) seen.set(key, a.index);
        else ctx.push("ID004", p + ".value", { kind: a.kind, first });
      }
    }
    if (a.kind === "ip" && (a.timestamp === undefined || !a.timestamp.offset)) {
      ctx.push("ID003", p + ".timestamp", {});
    }
    if (accepted !== null && a.kind !== undefined && !accepted.includes(a.kind)) {
      ctx.push("ID005", p + ".kind", { kind: a.kind, provider: f.providerName ?? f.profileKey, accepted: accepted.join(", ") });
    }
  }
  if (!anyValue) ctx.push("ID001", "accounts", {});
}

function accountValueOk(kind, v) {
  switch (kind) {
    case "email": return RE_EMAIL.test(v);
    case "phone": return RE_E164.test(v.replace(RE_PHONE_SEPARATORS, ""));
    case "url": return RE_URL.test(v);
    case "ip": return RE_IPV4.test(v) || (v.indexOf(":") >= 0 && isIPv6(v));
    default: return true; // username, user_id: the contract checks no format
  }
}

function checkData(ctx, f) {
  const o = ctx.o;
  const cats = f.categories;
  if (cats === undefined || cats.size === 0) {
    ctx.push("DATA001", "data.categories", {});
  } else if (cats.has("content")) {
    if (f.requestType === "police_to_police") ctx.push("DATA002", "data.categories", {});
    const len = f.nexus === undefined ? 0 : charLength(f.nexus);
    if (len < 40) ctx.push("DATA003", "case.nexus", { length: len, min: 40 });
  } else if (f.requestType === "formal_mar") {
    ctx.push("DATA004", "data.categories", {});
  }

  const from = f.dataFrom, to = f.dataTo;
  if (from === undefined) ctx.push("DATE001", "data.from", { end: "start" });
  if (to === undefined) ctx.push("DATE001", "data.to", { end: "end" });
  if (from !== undefined && to !== undefined) {
    if (from > to) ctx.push("DATE002", "data.from", { from: isoDate(from), to: isoDate(to) });
    else if (to - from > o.maxSpanDays) ctx.push("DATE004", "data.from", { days: to - from, max: o.maxSpanDays });
  }
  if (to !== undefined && to > o.asOf) ctx.push("DATE003", "data.to", { to: isoDate(to), asOf: isoDate(o.asOf) });
}

function checkPreservation(ctx, f, x) {
  const o = ctx.o;
  const status = f.presStatus;
  const ref = f.presReference;

  if (ref === undefined) {
    if (status === "preserved" || f.requestType === "formal_mar") {
      ctx.push("PRES001", "preservation.reference", {});
    }
    if (status === "requested" && f.requestedOn !== undefined && o.asOf > x.responseDueOn) {
      ctx.push("PRES003", "preservation.reference", { businessDays: o.responseBusinessDays, dueOn: isoDate(x.responseDueOn) });
    }
  } else {
    const r = ref.toLowerCase();
    if (charLength(ref) < 4 || RE_PLACEHOLDER.test(r) || RE_REPEATED.test(r)) ctx.push("PRES002", "preservation.reference", { reference: ref });
  }

  if (status === "preserved" && f.confirmedOn === undefined && f.requestedOn === undefined) {
    ctx.push("PRES004", "preservation.confirmedOn", {});
  }

  if (x.windowApplies) {
    // PRES005: dates in the future.
    if (f.requestedOn !== undefined && f.requestedOn > o.asOf) ctx.push("PRES005", "preservation.requestedOn", { date: isoDate(f.requestedOn), asOf: isoDate(o.asOf) });
    if (f.confirmedOn !== undefined && f.confirmedOn > o.asOf) ctx.push("PRES005", "preservation.confirmedOn", { date: isoDate(f.confirmedOn), asOf: isoDate(o.asOf) });
    for (const e of f.extensions) {
      if (e.requestedOn !== undefined && e.requestedOn > o.asOf) {
        ctx.push("PRES005", `preservation.extensions[${e.index}].requestedOn`, { date: isoDate(e.requestedOn), asOf: isoDate(o.asOf) });
      }
    }

    if (x.expiry !== undefined) {
      const expiresOn = isoDate(x.expiry);
      if (x.lapsed) ctx.push("PRES006", "preservation.confirmedOn", { expiresOn, daysAgo: o.asOf - x.expiry });
      else if (x.daysLeft <= Math.max(o.expiryWarningDays, x.leadDays)) ctx.push("PRES007", "preservation.extensions", { expiresOn, daysLeft: x.daysLeft });

      if (x.outside !== null) {
        for (const { ext, expiry } of x.outside) {
          ctx.push("PRES008", `preservation.extensions[${ext.index}].requestedOn`, { requestedOn: isoDate(ext.requestedOn), start: isoDate(x.start), expiresOn: isoDate(expiry) });
        }
      }

      const total = x.initialDays + x.countedDays;
      if (total > x.maxTotalDays) {
        ctx.push("PRES009", x.counted > 0 ? "preservation.extensions" : "preservation.periodDays", { totalDays: total, maxDays: x.maxTotalDays });
      }

      if (f.dataTo !== undefined && f.dataTo > x.start) ctx.push("PRES011", "data.to", { to: isoDate(f.dataTo), start: isoDate(x.start) });
    }

    if (status === "preserved" && f.proofAttached !== true) {
      ctx.push("PRES010", "preservation.proofAttached", {});
    }
  }

  if (f.requestType === "formal_mar" && (status === "not_requested" || status === undefined)) {
    ctx.push("PRES012", "preservation.status", {});
  }

  if (f.confirmedOn !== undefined && f.requestedOn !== undefined && f.confirmedOn < f.requestedOn) {
    ctx.push("PRES013", "preservation.confirmedOn", { confirmedOn: isoDate(f.confirmedOn), requestedOn: isoDate(f.requestedOn) });
  }
}

function checkLocation(ctx, f) {
  const country = f.locCountry;
  if (country === undefined) ctx.push("LOC001", "recordsLocation.country", {});
  if (f.locConfirmed !== true) ctx.push("LOC002", "recordsLocation.confirmed", {});
  if (country !== undefined && f.requestedCountry !== undefined && country !== f.requestedCountry) {
    ctx.push("LOC003", "recordsLocation.country", { records: country, requested: f.requestedCountry });
  }
  const basis = f.locBasis ?? "unknown";
  if (basis === "domain_name" || basis === "unknown") ctx.push("LOC004", "recordsLocation.basis", { basis });
  if (country === "US") ctx.push("LOC005", "recordsLocation.country", { country });
}

function checkEmergency(ctx, f) {
  if (f.emActive !== true) return;
  const o = ctx.o;
  const len = f.emJustification === undefined ? 0 : charLength(f.emJustification);
  if (len < o.minJustificationChars) ctx.push("EMER001", "emergency.justification", { length: len, min: o.minJustificationChars });
  if (f.emRisk !== "death" && f.emRisk !== "serious_harm") {
    ctx.push("EMER002", "emergency.risk", f.emRisk === undefined ? {} : { risk: f.emRisk });
  }
  const harm = f.emHarmExpectedBy;
  if (harm === undefined) {
    ctx.push("EMER003", "emergency.harmExpectedBy", {});
  } else if (harm.day < o.asOf) {
    ctx.push("EMER003", "emergency.harmExpectedBy", { date: isoDate(harm.day) });
  } else if (harm.day - o.asOf > o.maxImminenceDays) {
    ctx.push("EMER004", "emergency.harmExpectedBy", { days: harm.day - o.asOf, max: o.maxImminenceDays });
  }
  if (f.emOral === true && f.emWrittenFollowUpOn === undefined) {
    ctx.push("EMER005", "emergency.writtenFollowUpOn", {});
  }
  ctx.push("EMER006", "emergency.active", {});
}

function checkCsam(ctx, f) {
  if (f.csamLikely !== true) return;
  if (f.csamDeclared !== true) ctx.push("CSAM001", "csam.declared", {});
  if (f.csamProtocol === undefined) ctx.push("CSAM002", "csam.handlingProtocol", {});
  if (f.requestingCountry === "AU" && f.csamPermit === undefined) ctx.push("CSAM003", "csam.importPermitRef", {});
  const country = f.providerCountry ?? f.profile?.country ?? undefined;
  if (country === "US" && f.ncmecReports === 0) ctx.push("CSAM004", "csam.ncmecReports", {});
}

function checkNotification(ctx, f) {
  let notifies = f.providerNotifies;
  if (notifies === undefined || notifies === "unknown") notifies = f.profile?.notifiesUser ?? "unknown";
  if (notifies !== "no" && f.nonDisclosure !== true) {
    ctx.push("NOTE001", "notification.requestNonDisclosure", { notifies });
  }
  if (f.nonDisclosure === true) {
    const noReason = f.ndReason === undefined;
    const noDuration = f.ndDurationDays === undefined;
    if (noReason || noDuration) {
      ctx.push("NOTE002", "notification.reason", { missing: noReason && noDuration ? "reason and duration" : noReason ? "reason" : "duration" });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The entry point.

function byFormOrder(a, b) {
  return a.rank - b.rank || (a.f.code < b.f.code ? -1 : a.f.code > b.f.code ? 1 : 0);
}

/**
 * Validates a MAR form. Never throws for a form; throws Error for bad options.
 * @returns {{ok: boolean, counts: {error: number, warning: number, info: number}, findings: object[], facts: object}}
 */
export function validate(form, options) {
  const ctx = new Ctx(readOptions(options));
  let x = null;
  let f = null;
  if (!isObject(form)) {
    ctx.push("FORM001", "", { expected: "a form (an object)" });
  } else {
    f = readForm(ctx, form);
    x = deriveFacts(ctx, f);
    checkCase(ctx, f);
    checkAuthority(ctx, f);
    checkAccounts(ctx, f);
    checkData(ctx, f);
    checkPreservation(ctx, f, x);
    checkLocation(ctx, f);
    checkEmergency(ctx, f);
    checkCsam(ctx, f);
    checkNotification(ctx, f);
  }

  let findings = ctx.findings;
  // A field that could not be read is reported once: no other finding at that field.
  if (ctx.bad !== null) findings = findings.filter((fd) => fd.code === "FORM001" || !ctx.bad.has(fd.field));
  if (findings.length > 1) {
    const decorated = findings.map((fd) => ({ rank: fieldRank(fd.field), f: fd }));
    decorated.sort(byFormOrder);
    findings = decorated.map((d) => d.f);
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const fd of findings) counts[fd.severity]++;

  const w = x !== null && x.windowApplies;
  return {
    ok: counts.error === 0,
    counts,
    findings,
    facts: {
      preservationStart: w ? isoDate(x.start) : null,
      preservationExpiresOn: w ? isoDate(x.expiry) : null,
      preservationDaysLeft: w && x.daysLeft !== undefined ? x.daysLeft : null,
      extensionsCounted: w && x.expiry !== undefined ? x.counted : 0,
      responseDueOn: w ? isoDate(x.responseDueOn) : null,
      submissionDate: isoDate(f?.submissionDate),
      // Beyond the contract's six, as the core reports them: today, and when PRES007 starts.
      asOf: isoDate(ctx.o.asOf),
      preservationWarningFrom: w && x.expiry !== undefined ? isoDate(x.expiry - Math.max(ctx.o.expiryWarningDays, x.leadDays)) : null,
    },
  };
}

/** The rule catalogue: [{ code, severity, source }]. */
export function rules() {
  return Object.keys(RULES).map((code) => ({ code, severity: RULES[code][0], source: RULES[code][1] }));
}

export function providers() {
  return PROFILES;
}
