// The portal's own script: dynamic account rows, and attach() with its field names mapped.
const form = document.getElementById("mar");

export const FIELDS = {
  requestType: "req_type",
  requestingCountry: "from_cc",
  requestedCountry: "to_cc",
  "legalBasis.instrument": "legal_basis",
  "authority.name": "auth_name",
  "authority.officer": "auth_officer",
  "authority.email": "auth_email",
  "authority.phone": "auth_phone",
  "case.reference": "case_ref",
  "case.facts": "case_facts",
  "case.nexus": "case_nexus",
  "case.offences[*].name": "off_name_*",
  "case.offences[*].provision": "off_prov_*",
  "case.offences[*].maxPenaltyYears": "off_years_*",
  "provider.name": "prov_name",
  "provider.profile": "prov_profile",
  "accounts[*].kind": "acct_kind_*",
  "accounts[*].value": "acct_value_*",
  "accounts[*].timestamp": "acct_time_*",
  "data.categories": "data_cat",
  "data.from": "data_from",
  "data.to": "data_to",
  "preservation.status": "pres_status",
  "preservation.requestedOn": "pres_req_on",
  "preservation.confirmedOn": "pres_conf_on",
  "preservation.reference": "pres_ref_no",
  "preservation.periodDays": "pres_days",
  "preservation.proofAttached": "pres_proof",
  "recordsLocation.country": "loc_cc",
  "recordsLocation.confirmed": "loc_confirmed",
  "recordsLocation.basis": "loc_basis",
  "notification.providerNotifies": "notif_provider",
  "notification.requestNonDisclosure": "notif_nd",
  "notification.reason": "notif_reason",
  "notification.durationDays": "notif_days",
};

let next = 1;
document.getElementById("add-account").addEventListener("click", () => {
  const row = document.querySelector("#accounts .row").cloneNode(true);
  for (const el of row.querySelectorAll("[name]")) {
    el.name = el.name.replace(/_\d+$/, "_" + next);
    if (el.tagName === "INPUT") el.value = "";
  }
  next++;
  document.getElementById("accounts").append(row);
});

window.FIELDS = FIELDS;
window.reports = [];
/** What the tests call: attach with the portal's mapping, a fixed asOf and the page's summary. */
window.attachPortal = async (extra = {}) => {
  const { attach } = await import("/pkg/attach.js");
  window.h = await attach(form, {
    fields: FIELDS,
    options: { asOf: "2026-11-20" },
    summary: document.getElementById("problems"),
    onReport: (r) => window.reports.push(r),
    ...extra,
  });
  return window.h.active;
};
window.portalReady = true;
