// deadlines() and calendar() as the package gives them to Node, and every calendar file parsed
// with Mozilla's ical.js (the parser Thunderbird uses): each event's date, summary and UID.
import { test } from "node:test";
import assert from "node:assert/strict";
import ICAL from "ical.js";
import { wasmBytes } from "./fixtures.mjs";
import { initSync, deadlines, calendar, createSession } from "../../pkg/marcheck.js";

initSync({ module: wasmBytes() });

const AS_OF = "2026-11-29";
const META = Object.freeze({
  case: { reference: "FJ-2026-118" },
  requestingCountry: "FJ",
  provider: { profile: "meta" },
  preservation: { status: "preserved", confirmedOn: "2026-09-01", periodDays: 90, reference: "META-2026-0457" },
});
const X = Object.freeze({
  case: { reference: "FJ-2026-131" },
  provider: { profile: "x" },
  preservation: { status: "preserved", confirmedOn: "2026-10-15", reference: "X-PRES-22817" },
});
const EMERGENCY = Object.freeze({
  requestType: "emergency_disclosure",
  case: { reference: "FJ-2026-140" },
  submissionDate: "2026-11-27",
  emergency: { oral: true, writtenFollowUpOn: "2026-11-30", harmExpectedBy: "2026-12-01T08:00:00+12:00" },
  notification: { requestNonDisclosure: true, reason: "suspects", durationDays: 90 },
  preservation: { status: "requested", requestedOn: "2026-11-27" },
});

/** Parses with ical.js; fails on any error. The events as { uid, summary, start, end, alarms }. */
function parse(text) {
  const comp = new ICAL.Component(ICAL.parse(text));
  assert.equal(comp.name, "vcalendar");
  assert.equal(comp.getFirstPropertyValue("version"), "2.0");
  assert.ok(comp.getFirstPropertyValue("prodid"));
  return comp.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      description: e.description,
      start: e.startDate.toString(),
      allDay: e.startDate.isDate,
      end: e.endDate.toString(),
      stamp: v.getFirstPropertyValue("dtstamp").toString(),
      alarms: v.getAllSubcomponents("valarm").map((a) => ({
        action: a.getFirstPropertyValue("action"),
        trigger: a.getFirstPropertyValue("trigger").toString(),
      })),
    };
  });
}

/** The next day, as YYYY-MM-DD. */
const next = (d) => new Date(Date.parse(d + "T00:00:00Z") + 86400000).toISOString().slice(0, 10);

/** Every event of `text` is one of `list`'s deadlines: the same date, summary and a UID. */
function assertMatches(text, list) {
  const events = parse(text);
  assert.equal(events.length, list.length);
  // Form after form, each form's deadlines in date order.
  events.forEach((e, i) => {
    const d = list[i];
    assert.equal(e.start, d.on);
    assert.equal(e.allDay, true);
    assert.equal(e.end, next(d.on));
    assert.equal(e.summary, d.caseReference ? `${d.title} — ${d.caseReference}` : d.title);
    assert.ok(e.description.startsWith(d.detail));
    assert.match(e.uid, /^[0-9a-f]{32}(-\d+)?@marcheck$/);
    assert.deepEqual(e.alarms, [{ action: "DISPLAY", trigger: "-P1D" }]);
  });
  assert.equal(new Set(events.map((e) => e.uid)).size, events.length, "UIDs are unique in a file");
  return events;
}

test("deadlines() gives the contract's shape, in date order", () => {
  const list = deadlines(META, { asOf: AS_OF });
  assert.deepEqual(list.map((d) => [d.kind, d.on, d.daysLeft]), [
    ["extension_reminder", "2026-10-31", -29],
    ["preservation_expires", "2026-11-30", 1],
    ["extension_due", "2026-11-30", 1],
  ]);
  const d = list[1];
  assert.deepEqual(Object.keys(d).sort(), [
    "caseReference", "daysLeft", "daysLeftText", "detail", "field", "kind", "on",
    "preservationReference", "providerEntity", "title",
  ]);
  assert.equal(d.caseReference, "FJ-2026-118");
  assert.equal(d.preservationReference, "META-2026-0457");
  assert.deepEqual(d.providerEntity, { legalEntity: "Meta Platforms, Inc.", country: "US" });
  assert.equal(d.daysLeftText, "1 day left");
  assert.equal(deadlines(META, { asOf: AS_OF, locale: "fr" })[1].daysLeftText, "1 jour restant");
  assert.equal(Object.getPrototypeOf(d), Object.prototype);
});

test("deadlines() never throws for a form and throws for bad options", () => {
  for (const v of [undefined, null, 42, "x", [], [META], () => {}, { preservation: 5 }]) {
    assert.deepEqual(deadlines(v, { asOf: AS_OF }), []);
  }
  assert.throws(() => deadlines(META, { asOf: "29/11/2026" }), /asOf/);
  assert.throws(() => calendar(META, { asOf: "nope" }), /asOf/);
});

test("a session's deadlines are deadlines() of its form", () => {
  const s = createSession({ asOf: AS_OF });
  assert.deepEqual(s.deadlines(), []);
  s.replace(META);
  assert.deepEqual(s.deadlines(), deadlines(s.form(), { asOf: AS_OF }));
  s.set("provider.profile", "x"); // X wants extensions 7 days ahead
  assert.deepEqual(s.deadlines(), deadlines(s.form(), { asOf: AS_OF }));
  assert.ok(s.deadlines().some((d) => d.kind === "extension_due" && d.on === "2026-11-23"));
  s.free();
});

test("ical.js reads every generated file: dates, summaries, UIDs and alarms", () => {
  const opts = { asOf: AS_OF };
  for (const forms of [META, X, EMERGENCY, [META, X, EMERGENCY], []]) {
    const list = (Array.isArray(forms) ? forms : [forms]).flatMap((f) => deadlines(f, opts));
    const text = calendar(forms, opts);
    assert.ok(text.endsWith("END:VCALENDAR\r\n"));
    assert.ok(!/[^\r]\n/.test(text), "every line ends with CRLF");
    const events = assertMatches(text, list);
    for (const e of events) assert.equal(e.stamp, "2026-11-29T00:00:00Z");
  }
  for (const locale of ["en", "fr"]) {
    const opts = { asOf: AS_OF, locale };
    assertMatches(calendar([META, X, EMERGENCY], opts), [META, X, EMERGENCY].flatMap((f) => deadlines(f, opts)));
  }
});

test("the same input gives the same bytes; a newer export keeps the UIDs", () => {
  const a = calendar([META, X], { asOf: AS_OF });
  assert.equal(a, calendar([META, X], { asOf: AS_OF }));
  const later = structuredClone(META);
  later.preservation.extensions = [{ requestedOn: "2026-11-25", reference: "META-EXT-1" }];
  const b = calendar([later, X], { asOf: "2026-12-01" });
  const uids = (t) => parse(t).map((e) => e.uid).sort();
  assert.deepEqual(uids(a), uids(b));
  const moved = parse(b).find((e) => e.summary.startsWith("Preservation expires — FJ-2026-118"));
  assert.equal(moved.start, "2027-02-28");
});

test("no value from a form adds a line, a property or a component", () => {
  const hostile = [
    "X\r\nBEGIN:VEVENT\r\nUID:evil\r\nSUMMARY:evil\r\nEND:VEVENT",
    "X\nATTENDEE:mailto:evil@example.com",
    "X\rEND:VCALENDAR",
    "BEGIN:VEVENT",
    "a;b,c\\d:e",
    "X\r\n DESCRIPTION:folded",
    "\u0000\u001b[31m\u007f",
    "é".repeat(60) + "😀".repeat(30),
  ];
  const clean = parse(calendar(META, { asOf: AS_OF }));
  for (const bad of hostile) {
    const form = structuredClone(META);
    form.case.reference = bad;
    form.preservation.reference = bad;
    const text = calendar(form, { asOf: AS_OF });
    const comp = new ICAL.Component(ICAL.parse(text));
    assert.equal(comp.getAllSubcomponents().length, clean.length, JSON.stringify(bad));
    const events = parse(text);
    for (const e of events) {
      assert.equal(e.alarms.length, 1);
      const props = comp.getAllSubcomponents("vevent")[0].getAllProperties().map((p) => p.name);
      assert.deepEqual(props, ["uid", "dtstamp", "dtstart", "dtend", "summary", "description", "transp"]);
      assert.equal(comp.getAllSubcomponents("vevent")[0].getAllProperties("attendee").length, 0);
    }
    // What was typed is all there, as text: control characters (which TEXT cannot hold) as
    // spaces, line breaks as line breaks inside the value.
    const expected = bad.replace(/\r\n|\r/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " ");
    assert.equal(events[0].summary, `${deadlines(form, { asOf: AS_OF })[0].title} — ${expected}`);
    for (const line of text.split("\r\n")) assert.ok(Buffer.byteLength(line) <= 75, line);
  }
});

test("the calendar `marcheck due --format ics` wrote for the sample office parses (tests/due/office.ics)", async () => {
  const { readFileSync } = await import("node:fs");
  const text = readFileSync(new URL("../due/office.ics", import.meta.url), "utf8");
  const events = parse(text);
  const json = readFileSync(new URL("../due/office.json", import.meta.url), "utf8").trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(events.length, json.length);
  events.forEach((e, i) => {
    const d = json[i];
    assert.equal(e.start, d.on);
    assert.equal(e.end, next(d.on));
    assert.equal(e.summary, `${d.title} — ${d.caseReference}`);
    assert.equal(e.stamp, "2026-11-20T00:00:00Z");
  });
  assert.equal(new Set(events.map((e) => e.uid)).size, events.length);
});
